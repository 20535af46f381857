package com.bulletiningest.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.bulletiningest.app.Eventually;
import com.bulletiningest.app.RunningService;
import com.bulletiningest.notify.ChannelType;
import com.bulletiningest.notify.DeadlineCalendar;
import com.bulletiningest.notify.LoopbackRobots;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service with a group reached on a WeCom robot and one on a web hook (loopback robots): a corpus
 * bulletin reaches both, the console lists the messages and the owners, and each owner's deadline calendar is served
 * by its token and read by an independent iCalendar parser (Debian's python3-icalendar, for /usr/bin/python3:
 * ./test.sh installs it).
 */
@DisplayName("channels and deadline calendars in the running service")
class ChannelsAndCalendarsTest {

    private static final String PASSWORD = "test-admin-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static final LoopbackRobots robots = startRobots();
    @RegisterExtension
    static final RunningService service = RunningService.withOwners("""
                owners:
                  - address: pharma@example.com
                    categories: [pharma]
                  - name: 医药群
                    categories: [pharma]
                    channels:
                      - type: wecom
                        url: %s
                  - name: 天津群
                    tags: [天津]
                    channels:
                      - type: webhook
                        url: %s
                        secret-env: BULLETIN_TEST_UNSET_HOOK_SECRET
                """.formatted(robots.url(ChannelType.WECOM), robots.url(ChannelType.WEBHOOK)))
            .with("bulletin.admin-password", PASSWORD).with("bulletin.public-url", "https://bulletins.example.org/")
            .withIngested("seed-000.pdf");

    /** Started as the class is set up: the owners file names their addresses. */
    private static LoopbackRobots startRobots() {
        try {
            return new LoopbackRobots();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopRobots() {
        robots.close();
    }

    @Test
    @DisplayName("the bulletin reaches the WeCom group once; the console lists it sent, and the web hook whose secret "
            + "variable is not set as failing with that reason; no robot key in the answer")
    void channelMessagesOnTheDigestsPage() throws Exception {
        Eventually.within(RunningService.PATIENCE, "the WeCom message",
                () -> robots.received(ChannelType.WECOM).size() == 1);
        Eventually.within(RunningService.PATIENCE, "the web hook tried", () -> service.count(
                "select count(*) from channel_delivery where channel_type = 'webhook' and attempts > 0") > 0);
        RunningService.settle();

        assertThat(robots.received(ChannelType.WECOM)).hasSize(1);
        assertThat(robots.refusals()).isEmpty();
        assertThat(robots.received(ChannelType.WECOM).get(0).body().path("markdown").path("content").asText())
                .startsWith("**【政策周报】医药信息篇").contains("(https://bulletins.example.org/notices/");
        HttpResponse<String> list = get("/api/channel-messages", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(LoopbackRobots.WECOM_KEY);
        JsonNode messages = JSON.readTree(list.body());
        assertThat(messages.findValuesAsText("type")).containsExactlyInAnyOrder("wecom", "webhook");
        for (JsonNode message : messages) {
            if (message.get("type").asText().equals("wecom")) {
                assertThat(message.get("status").asText()).isEqualTo("sent");
                assertThat(message.get("owner").asText()).isEqualTo("医药群");
                assertThat(message.get("channel").asText()).endsWith("/cgi-bin/webhook/send?…");
            } else {
                assertThat(message.get("status").asText()).isEqualTo("failing");
                assertThat(message.get("lastError").asText()).isEqualTo("the environment variable "
                        + "BULLETIN_TEST_UNSET_HOOK_SECRET (the channel's signing secret) is not set");
            }
        }
        assertThat(get("/observe/metrics", null).body()).contains(
                "bulletin_channel_messages{state=\"sent\",type=\"wecom\"} 1.0",
                "bulletin_channel_messages{state=\"failing\",type=\"webhook\"} 1.0",
                "bulletin_channel_messages{state=\"sent\",type=\"dingtalk\"} 0.0");
        long wecom = service.count("select id from channel_delivery where channel_type = 'wecom'");
        assertThat(post("/api/channel-messages/" + wecom + "/resend", null).statusCode()).isEqualTo(401);
        HttpResponse<String> resend = post("/api/channel-messages/" + wecom + "/resend", PASSWORD);
        assertThat(resend.body()).contains("queued to be posted once more");
        Eventually.within(RunningService.PATIENCE, "posted again", () -> robots.received(ChannelType.WECOM).size() == 2);
        assertThat(post("/api/channel-messages/999999/resend", PASSWORD).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("GET /api/owners (admin): owners with channels, no secret and no robot key, and a calendar address; "
            + "the feed holds one all-day event per deadline of a followed notice from 30 days ago on (older ones left "
            + "out), read by python3-icalendar; a new token revokes the old address")
    void ownersAndCalendars() throws Exception {
        assertThat(get("/api/owners", null).statusCode()).isEqualTo(401);
        HttpResponse<String> answer = get("/api/owners", PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain(LoopbackRobots.WECOM_KEY);
        JsonNode owners = JSON.readTree(answer.body());
        assertThat(owners.findValuesAsText("key")).containsExactly("pharma@example.com", "医药群", "天津群");
        JsonNode hook = owners.get(2).get("channels").get(0);
        assertThat(hook.get("type").asText()).isEqualTo("webhook");
        assertThat(hook.get("secretEnv").asText()).isEqualTo("BULLETIN_TEST_UNSET_HOOK_SECRET");
        assertThat(hook.get("secretSet").asBoolean()).isFalse();
        String calendarUrl = owners.get(1).get("calendarUrl").asText();
        assertThat(calendarUrl).matches("https://bulletins\\.example\\.org/calendar/[A-Za-z0-9_-]{32}\\.ics");
        String path = URI.create(calendarUrl).getPath();

        // the corpus bulletin's deadlines are of 2021; these are around today, on a notice the group follows
        LocalDate today = LocalDate.now();
        long notice = service.count("select min(n.id) from notice n join notice_group g on g.id = n.group_id "
                + "join section s on s.id = g.section_id where s.category = 'pharma' and n.repeat_of is null");
        for (int days : new int[] {-31, -30, 0, 10}) {
            service.execute("insert into notice_deadline (notice_id, deadline, sentence) values (" + notice + ", '"
                    + today.plusDays(days) + "', '请于截止日期前提交。')");
        }

        HttpResponse<String> feed = get(path, null); // no password: the token is the key
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        List<JsonNode> events = parsedByPython(feed.body());
        assertThat(events.stream().map(e -> e.get("start").asText())).as("bulletin.calendar.past-days=30")
                .containsExactlyInAnyOrder(today.minusDays(30).toString(), today.toString(), today.plusDays(10).toString());
        List<String> expected = service.strings("select n.id || ' ' || d.deadline from notice_deadline d "
                + "join notice n on n.id = d.notice_id join notice_group g on g.id = n.group_id "
                + "join section s on s.id = g.section_id where s.category = 'pharma' and n.repeat_of is null");
        assertThat(expected).as("the corpus deadlines and ours").hasSizeGreaterThan(4);
        for (JsonNode event : events) {
            assertThat(event.get("summary").asText()).startsWith("截止：");
            assertThat(event.get("all_day").asBoolean()).as("DTSTART;VALUE=DATE").isTrue();
            assertThat(event.get("description").asText()).contains("https://bulletins.example.org/notices/");
            assertThat(event.get("alarm").asText()).isEqualTo("-" + DeadlineCalendar.REMINDER_DAYS + " days, 0:00:00");
            assertThat(event.get("uid").asText()).matches("deadline-\\d+-\\d{4}-\\d{2}-\\d{2}@bulletin-ingest");
            assertThat(expected).contains(event.get("uid").asText().replaceAll("deadline-(\\d+)-(.*)@.*", "$1 $2"));
        }
        assertThat(events.stream().map(e -> e.get("uid").asText()).distinct()).hasSize(events.size());
        assertThat(get(path, null).body().replaceAll("DTSTAMP:.*\r\n", ""))
                .as("the same feed on the next refresh").isEqualTo(feed.body().replaceAll("DTSTAMP:.*\r\n", ""));

        HttpResponse<String> issued = post("/api/owners/" + URLEncoder.encode("医药群", StandardCharsets.UTF_8)
                .replace("+", "%20") + "/calendar-token", PASSWORD);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String newPath = URI.create(JSON.readTree(issued.body()).get("calendarUrl").asText()).getPath();
        assertThat(newPath).isNotEqualTo(path);
        assertThat(get(path, null).statusCode()).as("the old address is revoked").isEqualTo(404);
        assertThat(get(newPath, null).statusCode()).isEqualTo(200);
        assertThat(get("/calendar/not-a-token.ics", null).statusCode()).isEqualTo(404);
        assertThat(post("/api/owners/nobody/calendar-token", PASSWORD).statusCode()).isEqualTo(404);
    }

    /** The events as python3-icalendar reads them: uid, start, summary, description, all_day, the alarm's trigger. */
    private static List<JsonNode> parsedByPython(String ics) throws Exception {
        Path file = Files.writeString(home.resolve("feed.ics"), ics);
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", """
                import json, sys, datetime, icalendar
                calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                for event in calendar.walk('VEVENT'):
                    alarms = [str(a.get('TRIGGER').dt) for a in event.walk('VALARM')]
                    start = event.get('DTSTART').dt
                    print(json.dumps({'uid': str(event.get('UID')), 'start': start.isoformat(), 'summary': str(event.get('SUMMARY')),
                        'description': str(event.get('DESCRIPTION')), 'alarm': alarms[0] if alarms else None,
                        'all_day': isinstance(start, datetime.date) and not isinstance(start, datetime.datetime)},
                        ensure_ascii=False))
                """, file.toString()).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(out).isZero();
        return out.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new IllegalStateException(line, e);
            }
        }).toList();
    }

    private static HttpResponse<String> get(String path, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service.url() + path)).GET(), password);
    }

    private static HttpResponse<String> post(String path, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service.url() + path)).POST(HttpRequest.BodyPublishers.noBody()),
                password);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String password) throws Exception {
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
