package com.bulletiningest.notify;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.bulletiningest.enrich.Contacts;
import com.bulletiningest.enrich.DatedSentence;
import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.enrich.Enrichment;
import com.bulletiningest.enrich.NoticeFields;
import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.LogCapture;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.notify.LoopbackRobots.Forced;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.db.ContentHash;
import com.bulletiningest.store.write.ReceivedBulletin;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel messages queued by the real store on a real (embedded) PostgreSQL and posted to robots on loopback that
 * check what DingTalk, WeCom and Feishu check ({@link LoopbackRobots}).
 */
@DisplayName("channel sender")
class ChannelSenderTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 3, 8);
    private static final String DINGTALK_SECRET = "SECdingtalk+/=secret";
    private static final String FEISHU_SECRET = "feishu-secret-7";
    private static final String WEBHOOK_SECRET = "webhook-secret-9";

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    private final Map<String, String> environment = new HashMap<>(Map.of("PHARMA_DINGTALK_SECRET", DINGTALK_SECRET,
            "PHARMA_FEISHU_SECRET", FEISHU_SECRET, "PHARMA_HOOK_SECRET", WEBHOOK_SECRET));
    private LoopbackRobots robots;
    private ChannelOutbox channels;
    private BulletinStore store;
    private int bulletins;

    @BeforeEach
    void open() throws Exception {
        robots = new LoopbackRobots().secret(ChannelType.DINGTALK, DINGTALK_SECRET)
                .secret(ChannelType.FEISHU, FEISHU_SECRET).secret(ChannelType.WEBHOOK, WEBHOOK_SECRET);
        execute("truncate bulletin, notice_first, channel_delivery restart identity cascade");
        wire(List.of(new Channel(ChannelType.DINGTALK, robots.url(ChannelType.DINGTALK), "PHARMA_DINGTALK_SECRET"),
                new Channel(ChannelType.WECOM, robots.url(ChannelType.WECOM), null),
                new Channel(ChannelType.FEISHU, robots.url(ChannelType.FEISHU), "PHARMA_FEISHU_SECRET"),
                new Channel(ChannelType.WEBHOOK, robots.url(ChannelType.WEBHOOK), "PHARMA_HOOK_SECRET")));
    }

    /** The group 医药群 (no mail address) follows pharma on these channels; the lead gets mail only. */
    private void wire(List<Channel> groupChannels) {
        Owners owners = new Owners(List.of(new Owner(null, "医药群", Set.of("pharma"), Set.of(), groupChannels),
                new Owner("lead@localhost", Set.of("pharma"))));
        DigestComposer composer = new DigestComposer("https://bulletins.example.org/");
        Outbox mail = new Outbox(DATABASE.dataSource(), () -> owners, composer);
        channels = new ChannelOutbox(DATABASE.dataSource(), () -> owners, composer);
        store = new BulletinStore(DATABASE.dataSource(), (c, b) -> mail.onStored(c, b) + channels.onStored(c, b));
    }

    @AfterEach
    void close() throws Exception {
        robots.close();
    }

    @Test
    @DisplayName("one message per bulletin and channel, signed as each platform checks it, deadlines first, titles "
            + "linked to their console page; sent once")
    void eachPlatformTakesOneSignedMessage() throws Exception {
        long bulletin = store(List.of(notice(1, "关于发布药品标准的通告"), notice(2, "关于征求《药品注册管理办法》意见的通知")));
        assertThat(strings("select channel_type from channel_delivery order by id"))
                .containsExactly("dingtalk", "wecom", "feishu", "webhook");
        assertThat(strings("select count(*) from outbox")).as("the mail goes only to the owner with an address")
                .containsExactly("1");

        assertThat(sender().sendPending()).isEqualTo(4);
        assertThat(sender().sendPending()).isZero();

        assertThat(robots.refusals()).isEmpty();
        JsonNode dingtalk = robots.received(ChannelType.DINGTALK).get(0).body();
        assertThat(dingtalk.path("markdown").path("title").asText())
                .isEqualTo("【政策周报】医药信息篇 2021-03-08~2021-03-12：2 条新通知");
        String text = dingtalk.path("markdown").path("text").asText();
        assertThat(text).startsWith("#### 【政策周报】医药信息篇 2021-03-08~2021-03-12：2 条新通知\n\n医药群：本期政策周报有 2 条新通知，"
                + "其中 1 条有截止日期，排在最前。\n").contains("**有截止日期（按截止日期先后）**\n- [关于征求《药品注册管理办法》意见的通知]"
                + "(https://bulletins.example.org/notices/", "**医药信息篇**\n- [关于发布药品标准的通告](https://bulletins.example.org/notices/");
        assertThat(text.indexOf("截止 2021-03-20")).isLessThan(text.indexOf("关于发布药品标准的通告"));
        assertThat(robots.received(ChannelType.DINGTALK).get(0).query()).contains("timestamp=", "&sign=");
        assertThat(robots.received(ChannelType.WECOM).get(0).body().path("markdown").path("content").asText())
                .startsWith("**【政策周报】医药信息篇").contains("[关于发布药品标准的通告](https://bulletins.example.org/notices/");
        JsonNode feishu = robots.received(ChannelType.FEISHU).get(0).body();
        assertThat(feishu.path("card").path("header").path("title").path("content").asText()).startsWith("【政策周报】医药信息篇");
        assertThat(feishu.path("card").path("elements").get(0).path("text").path("content").asText())
                .contains("关于征求《药品注册管理办法》意见的通知");
        JsonNode hook = robots.received(ChannelType.WEBHOOK).get(0).body();
        assertThat(robots.received(ChannelType.WEBHOOK).get(0).headers()).containsKey("x-bulletin-signature-256");
        assertThat(hook.path("bulletin").path("id").asLong()).isEqualTo(bulletin);
        assertThat(hook.path("owner").asText()).isEqualTo("医药群");
        assertThat(hook.path("notices")).hasSize(2);
        JsonNode first = hook.path("notices").get(0);
        assertThat(first.path("title").asText()).isEqualTo("关于征求《药品注册管理办法》意见的通知");
        assertThat(first.path("deadline").asText()).isEqualTo("2021-03-20");
        assertThat(first.path("fields").path("deadlines").get(0).path("sentence").asText()).isEqualTo("请于 3 月 20 日前反馈。");
        assertThat(first.path("tags").get(0).asText()).isEqualTo("征求意见");
        assertThat(first.path("url").asText()).startsWith("https://bulletins.example.org/notices/");
        assertThat(strings("select count(*) from channel_delivery where sent_at is not null and attempts = 0"))
                .containsExactly("4");
    }

    @Test
    @DisplayName("HTTP 200 with an error code (a wrong secret) is a refusal: failed, the robot's answer kept, not "
            + "retried; Resend now after the secret is fixed sends it once")
    void errorCodeInA200IsFailed() throws Exception {
        environment.put("PHARMA_DINGTALK_SECRET", "a wrong secret");
        store(List.of(notice(1, "关于发布药品标准的通告")));

        sender().sendPending();

        assertThat(strings("select status from (select channel_type, " + DigestState.OF_ROW + " as status, last_error "
                + "from channel_delivery) d where channel_type = 'dingtalk'")).containsExactly("failed");
        assertThat(strings("select last_error from channel_delivery where channel_type = 'dingtalk'"))
                .containsExactly("HTTP 200: {\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        execute("update channel_delivery set next_attempt_at = now() - interval '1 hour'");
        assertThat(sender().sendPending()).as("a failed message is not retried").isZero();

        environment.put("PHARMA_DINGTALK_SECRET", DINGTALK_SECRET);
        long id = Long.parseLong(strings("select id from channel_delivery where channel_type = 'dingtalk'").get(0));
        assertThat(channels.resend(id)).contains(Resent.REQUEUED);
        assertThat(sender().sendPending()).isEqualTo(1);
        assertThat(robots.received(ChannelType.DINGTALK)).hasSize(1);
        assertThat(channels.count(ChannelType.DINGTALK, DigestState.SENT)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("Feishu's code in a 200, a wrong WeCom key: failed with the platform's own answer")
    void feishuAndWecomRefusals() throws Exception {
        robots.secret(ChannelType.FEISHU, "the robot was given another secret");
        wire(List.of(new Channel(ChannelType.FEISHU, robots.url(ChannelType.FEISHU), "PHARMA_FEISHU_SECRET"),
                new Channel(ChannelType.WECOM, robots.url(ChannelType.WECOM).replace("wecom-key-1", "revoked"), null)));
        store(List.of(notice(1, "关于发布药品标准的通告")));

        assertThat(sender().sendPending()).isZero();

        assertThat(strings("select channel_type || ' ' || " + DigestState.OF_ROW + " || ' ' || last_error "
                + "from channel_delivery order by id")).containsExactly(
                "feishu failed HTTP 200: {\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}",
                "wecom failed HTTP 200: {\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
    }

    @Test
    @DisplayName("no answer in time, 429 and 503: retried with back-off, then taken exactly once")
    void retriesTransientFailures() throws Exception {
        wire(List.of(new Channel(ChannelType.WECOM, robots.url(ChannelType.WECOM), null)));
        store(List.of(notice(1, "关于发布药品标准的通告")));
        robots.answerNext(new Forced(0, null, Duration.ofSeconds(3)),
                new Forced(429, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}", null),
                new Forced(503, "Service Unavailable", null));
        ChannelSender impatient = new ChannelSender(channels, environment::get, Clock.systemUTC(), Duration.ofSeconds(1));

        assertThat(impatient.sendPending()).isZero();
        assertThat(strings("select attempts || ' ' || " + DigestState.OF_ROW + " || ' ' || last_error || ' ' || "
                + "(next_attempt_at between now() + interval '4 seconds' and now() + interval '6 seconds') from channel_delivery"))
                .containsExactly("1 failing no answer: HttpTimeoutException request timed out true");
        assertThat(impatient.sendPending()).as("backing off").isZero();

        execute("update channel_delivery set next_attempt_at = now()");
        assertThat(impatient.sendPending()).isZero();
        assertThat(strings("select attempts || ' ' || last_error || ' ' || (next_attempt_at > now() + interval '9 seconds') "
                + "from channel_delivery")).containsExactly("2 HTTP 429: {\"errcode\":45009,\"errmsg\":\"api freq out of limit\"} true");

        execute("update channel_delivery set next_attempt_at = now()");
        assertThat(impatient.sendPending()).isZero();
        assertThat(strings("select attempts || ' ' || last_error from channel_delivery"))
                .containsExactly("3 HTTP 503: Service Unavailable");

        execute("update channel_delivery set next_attempt_at = now()");
        assertThat(impatient.sendPending()).isEqualTo(1);
        assertThat(impatient.sendPending()).isZero();
        assertThat(robots.received(ChannelType.WECOM)).hasSize(1);
        assertThat(strings("select " + DigestState.OF_ROW + " from channel_delivery")).containsExactly("sent");
    }

    @Test
    @DisplayName("DingTalk takes 20 messages a minute per robot: the 21st and 22nd wait in the queue, untouched, "
            + "and go out once the minute has passed; the robot never has to refuse one")
    void queuesBeyondTheRateLimit() throws Exception {
        dingtalkGroupWith(22);

        assertThat(sender().sendPending()).isEqualTo(20);
        assertThat(sender().sendPending()).isZero();
        assertThat(strings("select attempts || ' ' || coalesce(last_error, '-') from channel_delivery where sent_at is null"))
                .containsExactly("0 -", "0 -");

        minutePassed();
        assertThat(sender().sendPending()).isEqualTo(2);
        assertThat(robots.received(ChannelType.DINGTALK)).hasSize(22);
        assertThat(robots.refusals()).isEmpty();
    }

    @Test
    @DisplayName("two senders (instances) at once share a DingTalk robot's 20 a minute: 20 posted in all, none "
            + "refused, the 21st and 22nd wait")
    void twoSendersShareTheRateLimit() throws Exception {
        dingtalkGroupWith(22);
        assertThat(twoSendersAtOnce()).isEqualTo(20);
        assertThat(robots.received(ChannelType.DINGTALK)).hasSize(20);
        assertThat(robots.refusals()).isEmpty();
        assertThat(strings("select " + DigestState.OF_ROW + " || ' ' || attempts from channel_delivery where sent_at is null"))
                .containsExactly("queued 0", "queued 0");
    }

    @Test
    @DisplayName("Feishu takes 5 messages a second and 100 a minute per robot: 7 at once go out over more than one "
            + "second, none refused")
    void feishuFiveASecond() throws Exception {
        wire(List.of(new Channel(ChannelType.FEISHU, robots.url(ChannelType.FEISHU), "PHARMA_FEISHU_SECRET")));
        for (int i = 0; i < 7; i++) {
            store(List.of(notice(1, "第 " + i + " 期通知")));
        }
        int sent = sender().sendPending();
        assertThat(sent).as("in the first run").isBetween(1, 5);
        for (int run = 0; run < 10 && sent < 7; run++) {
            Thread.sleep(1100);
            sent += sender().sendPending();
        }
        assertThat(sent).isEqualTo(7);
        assertThat(robots.received(ChannelType.FEISHU)).hasSize(7);
        assertThat(robots.refusals()).isEmpty();
    }

    @Test
    @DisplayName("DingTalk and Feishu: a long digest stays one message under their 20 KB, ending with 「其余 N 条见控制台」")
    void dingtalkAndFeishuSizeLimits() throws Exception {
        wire(List.of(new Channel(ChannelType.DINGTALK, robots.url(ChannelType.DINGTALK), "PHARMA_DINGTALK_SECRET"),
                new Channel(ChannelType.FEISHU, robots.url(ChannelType.FEISHU), "PHARMA_FEISHU_SECRET")));
        store(IntStream.rangeClosed(1, 300).mapToObj(i -> notice(i, "关于组织开展 2021 年度医疗器械注册人制度试点工作第 " + i
                + " 批次申报材料审查结果的公示")).toList());

        assertThat(sender().sendPending()).isEqualTo(2);

        assertThat(robots.refusals()).isEmpty();
        String dingtalk = robots.received(ChannelType.DINGTALK).get(0).body().path("markdown").path("text").asText();
        String feishu = robots.received(ChannelType.FEISHU).get(0).body().path("card").path("elements").get(0)
                .path("text").path("content").asText();
        for (String content : List.of(dingtalk, feishu)) {
            int listed = (int) content.lines().filter(l -> l.startsWith("- ")).count();
            assertThat(listed).isBetween(50, 299);
            assertThat(content).endsWith("[其余 " + (300 - listed) + " 条见控制台](https://bulletins.example.org/bulletins)");
        }
        assertThat(robots.received().stream().mapToInt(LoopbackRobots.Received::bytes).max().orElseThrow())
                .isLessThanOrEqualTo(20 * 1024).isGreaterThan(15_000);
    }

    /** The group follows pharma on a DingTalk robot only; this many bulletins, one message each, are queued. */
    private void dingtalkGroupWith(int bulletins) {
        wire(List.of(new Channel(ChannelType.DINGTALK, robots.url(ChannelType.DINGTALK), "PHARMA_DINGTALK_SECRET")));
        for (int i = 0; i < bulletins; i++) {
            store(List.of(notice(1, "第 " + i + " 期通知")));
        }
    }

    /** Two senders, as two instances, running at the same time; the messages they posted together. */
    private int twoSendersAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int sent = 0;
            for (Future<Integer> result : pool.invokeAll(List.<Callable<Integer>>of(sender()::sendPending,
                    sender()::sendPending))) {
                sent += result.get();
            }
            return sent;
        } finally {
            pool.shutdown();
        }
    }

    /** A minute later, for the robots and for the sender's count of its posts. */
    private void minutePassed() throws Exception {
        execute("update channel_delivery set sending_at = sending_at - interval '61 seconds', "
                + "sent_at = sent_at - interval '61 seconds'");
        robots.minutePassed();
    }

    @Test
    @DisplayName("WeCom: a long digest stays one message of at most 4096 bytes, ending with 「其余 N 条见控制台」")
    void wecomSizeLimit() throws Exception {
        wire(List.of(new Channel(ChannelType.WECOM, robots.url(ChannelType.WECOM), null)));
        store(IntStream.rangeClosed(1, 80).mapToObj(i -> notice(i, "关于组织开展 2021 年度医疗器械注册人制度试点工作第 " + i
                + " 批次申报材料审查结果的公示")) .toList());

        assertThat(sender().sendPending()).isEqualTo(1);

        assertThat(robots.refusals()).isEmpty();
        String content = robots.received(ChannelType.WECOM).get(0).body().path("markdown").path("content").asText();
        int listed = (int) content.lines().filter(l -> l.startsWith("- ")).count();
        assertThat(content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096)
                .isGreaterThan(3500);
        assertThat(content).endsWith("[其余 " + (80 - listed) + " 条见控制台](https://bulletins.example.org/bulletins)");
        assertThat(listed).isBetween(10, 79);
    }

    @Test
    @DisplayName("exactly once across two senders at once and after a restart (new beans over the same database)")
    void exactlyOnceAcrossRestartsAndInstances() throws Exception {
        for (int i = 0; i < 3; i++) {
            store(List.of(notice(1, "第 " + i + " 期通知")));
        }
        assertThat(twoSendersAtOnce()).isEqualTo(12);
        assertThat(robots.received()).hasSize(12);

        // a restart: new beans over the same database, which holds all there is to know
        wire(List.of(new Channel(ChannelType.WECOM, robots.url(ChannelType.WECOM), null)));
        assertThat(sender().sendPending()).isZero();
        assertThat(robots.received()).hasSize(12);
        assertThat(strings("select count(*) from channel_delivery where sent_at is not null")).containsExactly("12");
    }

    @Test
    @DisplayName("a second sender (another instance) leaves alone a message the first is posting, even once the post "
            + "has taken long: the row stays sending, held by the first, and is posted once")
    void secondSenderLeavesAMessageBeingPosted() throws Exception {
        wire(List.of(new Channel(ChannelType.WECOM, robots.url(ChannelType.WECOM), null)));
        store(List.of(notice(1, "关于发布药品标准的通告")));
        robots.holdAnswers();
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> posting = first.submit(sender()::sendPending);
            while (robots.received(ChannelType.WECOM).isEmpty()) {
                Thread.sleep(20);
            }
            assertThat(sender().sendPending()).as("the second sender").isZero();
            Thread.sleep(10_500); // a slow robot: the message has been sending longer than one left by a dead sender
            assertThat(sender().sendPending()).as("the second sender, later").isZero();
            assertThat(strings("select " + DigestState.OF_ROW + " from channel_delivery")).containsExactly("sending");

            robots.answerHeld();
            assertThat(posting.get()).as("the first sender").isEqualTo(1);
        } finally {
            robots.answerHeld();
            first.shutdownNow();
        }
        assertThat(robots.received(ChannelType.WECOM)).hasSize(1);
        assertThat(strings("select " + DigestState.OF_ROW + " || ' ' || attempts || ' ' || (unknown_at is null) "
                + "from channel_delivery")).containsExactly("sent 0 true");
    }

    @Test
    @DisplayName("a message whose sender died while posting it (left sending, held by nobody) becomes unknown after "
            + "10 s, with the reason and one WARN, and is not posted again until Resend now, which posts it once")
    void abandonedMessageIsUnknownUntilResent() throws Exception {
        wire(List.of(new Channel(ChannelType.DINGTALK, robots.url(ChannelType.DINGTALK), "PHARMA_DINGTALK_SECRET")));
        store(List.of(notice(1, "关于发布药品标准的通告")));
        long id = Long.parseLong(strings("select id from channel_delivery").get(0));
        // what a killed sender leaves: sending, no outcome, no lock
        channels.claim(id, new Channel(ChannelType.DINGTALK, robots.url(ChannelType.DINGTALK), "PHARMA_DINGTALK_SECRET"))
                .orElseThrow().close();

        assertThat(sender().sendPending()).as("within 10 s of the post").isZero();
        assertThat(strings("select " + DigestState.OF_ROW + " from channel_delivery")).containsExactly("sending");
        execute("update channel_delivery set sending_at = sending_at - interval '11 seconds'");
        try (LogCapture log = LogCapture.start()) {
            assertThat(sender().sendPending()).isZero();
            assertThat(log.text()).contains("Channel message #" + id + " left unknown", "Resend now");
        }
        execute("update channel_delivery set next_attempt_at = now() - interval '1 hour'");
        assertThat(sender().sendPending()).isZero();
        assertThat(robots.received()).isEmpty();
        assertThat(strings("select " + DigestState.OF_ROW + " || ' ' || attempts || ' ' || last_error from channel_delivery"))
                .singleElement().asString().startsWith("unknown 1 the service stopped while posting it, before the "
                        + "robot's answer was recorded: it may be in the group already");
        assertThat(channels.count(ChannelType.DINGTALK, DigestState.UNKNOWN)).isEqualTo(1.0);

        assertThat(channels.resend(id)).contains(Resent.UNKNOWN);
        assertThat(sender().sendPending()).isEqualTo(1);
        assertThat(sender().sendPending()).isZero();
        assertThat(robots.received(ChannelType.DINGTALK)).hasSize(1);
        assertThat(strings("select " + DigestState.OF_ROW + " from channel_delivery")).containsExactly("sent");
    }

    @Test
    @DisplayName("a secret variable that is not set: retried with the variable's name as the reason; no secret and no "
            + "robot key in any log line")
    void missingSecretAndNoSecretInTheLog() throws Exception {
        environment.remove("PHARMA_FEISHU_SECRET");
        environment.put("PHARMA_DINGTALK_SECRET", "wrong-secret-123");
        robots.answerNext(new Forced(502, "Bad Gateway", null));
        store(List.of(notice(1, "关于发布药品标准的通告")));

        try (LogCapture log = LogCapture.start()) {
            sender().sendPending();
            assertThat(strings("select last_error from channel_delivery where channel_type = 'feishu'")).containsExactly(
                    "the environment variable PHARMA_FEISHU_SECRET (the channel's signing secret) is not set");
            assertThat(log.text()).contains("PHARMA_FEISHU_SECRET", "dingtalk http://127.0.0.1:")
                    .doesNotContain("wrong-secret-123", DINGTALK_SECRET, FEISHU_SECRET, WEBHOOK_SECRET,
                            LoopbackRobots.DINGTALK_TOKEN, LoopbackRobots.WECOM_KEY, LoopbackRobots.FEISHU_HOOK);
        }
    }

    private ChannelSender sender() {
        return new ChannelSender(channels, environment::get, Clock.systemUTC());
    }

    private long store(List<Notice> notices) {
        bulletins++;
        Bulletin week = new Bulletin(MONDAY.plusDays(4), 2, List.of(new Section("pharma", "医药信息篇", MONDAY,
                MONDAY.plusDays(4), null, List.of(new Group("国家级", notices)))));
        List<EnrichedNotice> enriched = EnrichedNotice.inPrintOrder(week, (section, group, notice) ->
                notice.title().contains("征求") ? new Enrichment(new NoticeFields(null, null, null, List.of(),
                        List.of(new DatedSentence(LocalDate.of(2021, 3, 20), "请于 3 月 20 日前反馈。")), List.of(),
                        new Contacts(List.of(), List.of(), List.of()), List.of(), List.of()), List.of("征求意见"), List.of())
                        : Enrichment.NONE);
        return store.save(new ReceivedBulletin(ContentHash.sha256("bulletin " + bulletins), "folder",
                "inbox/week-" + bulletins + ".pdf", null, Instant.now(), "text"), week, enriched).bulletinId();
    }

    /** A notice of 国家药监局; one whose title asks for comments (征求) has a deadline and the tag 征求意见. */
    private static Notice notice(int no, String title) {
        return new Notice(no, title, "国家药监局", MONDAY, null, null, 1, 1, List.of("https://www.nmpa.gov.cn/" + no),
                List.of(), "正文");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DATABASE.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(DATABASE.dataSource(), sql);
    }
}
