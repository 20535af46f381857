package com.bulletiningest.store.write;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.fixtures.AtOnce;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.PdfCopies;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.db.ContentHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of one bulletin that differ only in trailing bytes (so in their SHA-256) saved at the same moment, on a real
 * (embedded) PostgreSQL: their notices are new in exactly one of them, whatever the interleaving.
 */
@DisplayName("bulletin store, copies saved at once")
class ConcurrentCopiesTest {

    private static final int COPIES = 10;


    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();
    private static byte[] pdf;
    private static Bulletin seed000;
    private static List<EnrichedNotice> notices;

    private AnnouncedBulletins announced;
    private BulletinStore store;

    @BeforeAll
    static void open() throws Exception {
        pdf = CorpusBulletin.resource("seed-000.pdf");
        seed000 = CorpusBulletin.split("seed-000");
        notices = Unenriched.notices(seed000);
    }

    /** Each round starts from an empty database, so its copies are the first to carry these notices. */
    @BeforeEach
    void emptyDatabase() throws Exception {
        try (Connection connection = DATABASE.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("truncate bulletin restart identity cascade");
        }
        announced = new AnnouncedBulletins();
        store = new BulletinStore(DATABASE.dataSource(), announced);
    }

    @RepeatedTest(value = 5, name = "round {currentRepetition} of {totalRepetitions}")
    @DisplayName("10 copies saved from 10 threads at once: one has the notices new, the 9 others are repeats of it")
    void exactlyOneCopyHasTheNoticesNew() throws Exception {
        List<StoreResult> results = saveAtOnce();

        assertThat(results).noneMatch(StoreResult::duplicate);
        assertThat(results).extracting(StoreResult::bulletinId).doesNotHaveDuplicates();
        List<StoreResult> first = results.stream().filter(r -> r.repeats() == 0).toList();
        assertThat(first).singleElement().extracting(StoreResult::newNotices).isEqualTo(15);
        assertThat(results).filteredOn(r -> r != first.get(0)).hasSize(COPIES - 1)
                .allSatisfy(copy -> assertThat(copy.repeats()).isEqualTo(15));
        long winner = first.get(0).bulletinId();

        assertThat(announced.all()).hasSize(COPIES)
                .filteredOn(b -> !b.newNotices().isEmpty()).singleElement()
                .satisfies(b -> assertThat(b.id()).isEqualTo(winner))
                .satisfies(b -> assertThat(b.newNotices()).hasSize(15));
        assertThat(strings("select distinct s.bulletin_id from notice n join notice_group g on g.id = n.group_id "
                + "join section s on s.id = g.section_id where n.repeat_of is null"))
                .containsExactly(String.valueOf(winner));
        assertThat(strings("select count(*) from notice r join notice f on f.id = r.repeat_of "
                + "join notice_group g on g.id = f.group_id join section s on s.id = g.section_id "
                + "where s.bulletin_id = " + winner + " and r.fingerprint = f.fingerprint"))
                .as("every repeat points at the same notice in the first copy")
                .containsExactly(String.valueOf(15 * (COPIES - 1)));
    }

    /** Saves the copies from as many threads, released together. */
    private List<StoreResult> saveAtOnce() throws Exception {
        return AtOnce.run(COPIES, copy -> () -> store.save(received(copy), seed000, notices));
    }

    private static ReceivedBulletin received(int copy) {
        return new ReceivedBulletin(ContentHash.sha256(PdfCopies.copy(pdf, copy)), "folder",
                "inbox/copy-" + copy + ".pdf", null, Instant.now(), "text");
    }

    private static List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(DATABASE.dataSource(), sql);
    }
}
