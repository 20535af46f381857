package com.bulletiningest.notify;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.write.ReceivedBulletin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.fixtures.TestBulletins.bulletin;
import static com.bulletiningest.fixtures.TestBulletins.section;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox as the console and the metrics read it: every digest in the one state the sender left it in. */
@DisplayName("digest queries")
class DigestQueriesTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 3, 8);
    private static final List<String> RECIPIENTS = List.of("a@example.com", "b@example.com", "c@example.com",
            "d@example.com", "e@example.com");

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    private final Outbox outbox = new Outbox(DATABASE.dataSource(), () -> new Owners(RECIPIENTS.stream()
            .map(address -> new Owner(address, Set.of("pharma"))).toList()), new DigestComposer());
    private final DigestQueries queries = new DigestQueries(DATABASE.dataSource());

    @BeforeEach
    void emptyOutbox() throws Exception {
        try (Connection connection = DATABASE.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from outbox");
        }
    }

    @Test
    @DisplayName("a digest refused for good is failed, not failing; one being sent is sending; each state is counted "
            + "once; a digest is never left unknown")
    void eachDigestInOneState() throws Exception {
        Map<String, Long> ids = queueOneDigestEach("1");
        sent(ids.get("a@example.com"));
        try (QueuedMessages.Claim claim = outbox.claim(ids.get("b@example.com")).orElseThrow()) {
            claim.postpone("451 try again later");
        }
        try (QueuedMessages.Claim claim = outbox.claim(ids.get("c@example.com")).orElseThrow()) {
            claim.fail("550 no such user");
        }
        try (QueuedMessages.Claim sending = outbox.claim(ids.get("e@example.com")).orElseThrow()) {
            assertThat(outbox.claim(ids.get("e@example.com"))).as("claimed twice").isEmpty();

            assertThat(queries.recent(10).stream().collect(Collectors.toMap(StoredDigest::recipient, StoredDigest::status)))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("a@example.com", "sent", "b@example.com", "failing",
                            "c@example.com", "failed", "d@example.com", "queued", "e@example.com", "sending"));
            for (DigestState state : DigestState.values()) {
                assertThat(queries.count(state)).as(state.label()).isEqualTo(state == DigestState.UNKNOWN ? 0 : 1);
            }
            sending.markSent();
        }
    }

    @Test
    @DisplayName("a digest whose sender died while the mail server took it (left sending, no longer held) is sent "
            + "again, with the reason, once 10 s have passed")
    void abandonedDigestIsSentAgain() throws Exception {
        Map<String, Long> ids = queueOneDigestEach("3");
        long abandoned = ids.get("a@example.com");
        outbox.claim(abandoned).orElseThrow().close(); // as a crash leaves it: sending, no outcome, no lock
        assertThat(outbox.sendAgainAbandoned()).as("within 10 s").isEmpty();
        execute("update outbox set sending_at = now() - interval '11 seconds' where id = " + abandoned);
        assertThat(outbox.sendAgainAbandoned()).containsExactly(abandoned);
        assertThat(outbox.sendAgainAbandoned()).isEmpty();
        assertThat(queries.recent(10).stream().filter(d -> d.id() == abandoned).findFirst().orElseThrow())
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo("failing");
                    assertThat(d.lastError()).startsWith("the service stopped while the mail server took it");
                });
        assertThat(outbox.due(10).stream().map(Outbox.Pending::id)).contains(abandoned);
    }

    @Test
    @DisplayName("the oldest unsent digest is one still to be sent: a digest refused for good does not keep it growing")
    void refusedForGoodIsNotUnsent() throws Exception {
        Map<String, Long> ids = queueOneDigestEach("2");
        for (String recipient : List.of("a@example.com", "b@example.com", "c@example.com", "e@example.com")) {
            sent(ids.get(recipient));
        }
        try (QueuedMessages.Claim claim = outbox.claim(ids.get("d@example.com")).orElseThrow()) {
            claim.fail("550 no such user");
        }

        assertThat(queries.oldestUnsentAge()).isZero();

        outbox.resend(ids.get("d@example.com"));

        assertThat(queries.oldestUnsentAge()).isPositive();
    }

    private Map<String, Long> queueOneDigestEach(String sha) {
        Bulletin bulletin = bulletin(MONDAY.plusDays(4), section("pharma", "医药信息篇", MONDAY, "国家级",
                "关于第" + sha + "批药品注册收费的公告")); // a notice of its own: a reprint queues no digest
        new BulletinStore(DATABASE.dataSource(), outbox).save(new ReceivedBulletin(sha.repeat(64), "folder",
                "inbox/" + sha + ".pdf", null, Instant.now(), "text"), bulletin, Unenriched.notices(bulletin));
        return outbox.due(10).stream().collect(Collectors.toMap(Outbox.Pending::recipient, Outbox.Pending::id));
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DATABASE.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private void sent(long id) {
        try (QueuedMessages.Claim claim = outbox.claim(id).orElseThrow()) {
            claim.markSent();
        }
    }
}
