package com.bulletiningest.store.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.enrich.Enricher;
import com.bulletiningest.enrich.TagDryRun;
import com.bulletiningest.enrich.TagDryRun.Change;
import com.bulletiningest.enrich.TagDryRun.TagChange;
import com.bulletiningest.enrich.TagField;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.Enrichers;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.write.ReceivedBulletin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The stored notices as tag rules see them: the two corpus bulletins stored enriched with config/tags.yaml. */
@DisplayName("stored notices for the tag rules")
class TaggedNoticesTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();
    private static final Path TAGS = Path.of("config/tags.yaml");

    private static TaggedNotices notices;

    @BeforeAll
    static void storeCorpus() throws Exception {
        BulletinStore store = new BulletinStore(DATABASE.dataSource(), (connection, bulletin) -> 0);
        Enricher enricher = Enrichers.create(TAGS, false, 0);
        for (String name : CorpusBulletin.NAMES) {
            Bulletin bulletin = CorpusBulletin.split(name);
            store.save(new ReceivedBulletin(name.repeat(8).substring(0, 64), "folder", name + ".pdf", null,
                    Instant.now(), "text"), bulletin, enricher.enrich(bulletin));
        }
        notices = new TaggedNotices(DATABASE.dataSource());
    }

    @Test
    @DisplayName("the rules the notices were tagged with, run again on the texts read back, change nothing: the texts "
            + "are those enrich gave the rules (title, body, group, category, issuer, deadline sentences)")
    void textsAreThoseEnrichSaw() throws Exception {
        TagDryRun.Result result = dryRun(Files.readString(TAGS));

        assertThat(result.changes()).isEmpty();
        assertThat(result.notices()).isEqualTo(count("select count(*) from notice where repeat_of is null"))
                .isGreaterThan(20);
    }

    @Test
    @DisplayName("every first print is handed over once, in id order, with its texts by field and its rule tags but not "
            + "its keywords")
    void everyFirstPrintOnce() throws Exception {
        long id = count("select min(n.id) from notice n where n.repeat_of is null and n.issuer_found is not null "
                + "and (select count(*) from notice_deadline d where d.notice_id = n.id) > 1");
        try (Connection connection = DATABASE.dataSource().getConnection();
             Statement insert = connection.createStatement()) {
            insert.executeUpdate("insert into notice_tag (notice_id, tag, kind) values (" + id + ", '一个关键词', "
                    + "'keyword')");
        }
        List<TaggedNotices.TaggedNotice> seen = new ArrayList<>();
        long count = notices.forEach(seen::add);

        assertThat(seen).hasSize((int) count);
        assertThat(seen).extracting(TaggedNotices.TaggedNotice::id).isSorted().doesNotHaveDuplicates()
                .containsExactlyElementsOf(Rows.firstColumn(DATABASE.dataSource(),
                        "select id from notice where repeat_of is null order by id").stream().map(Long::valueOf)
                        .toList());
        TaggedNotices.TaggedNotice reference = seen.stream().filter(n -> n.id() == id).findFirst().orElseThrow();
        String where = " from notice where id = " + id;
        assertThat(reference.ruleTags()).doesNotContain("一个关键词").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(Rows.firstColumn(DATABASE.dataSource(),
                        "select tag from notice_tag where kind = 'rule' and notice_id = " + id));
        assertThat(reference.title()).isEqualTo(Rows.firstColumn(DATABASE.dataSource(), "select title" + where).get(0));
        assertThat(reference.text().get(TagField.ISSUER))
                .isEqualTo(Rows.firstColumn(DATABASE.dataSource(), "select issuer_found" + where).get(0));
        assertThat(reference.text().get(TagField.DEADLINE)).isEqualTo(String.join("\n", Rows.firstColumn(
                DATABASE.dataSource(), "select sentence from notice_deadline where notice_id = " + id)));
        assertThat(reference.text().get(TagField.BODY))
                .isEqualTo(Rows.firstColumn(DATABASE.dataSource(), "select body" + where).get(0));
        assertThat(reference.text().get(TagField.GROUP)).isEqualTo(Rows.firstColumn(DATABASE.dataSource(),
                "select g.label from notice n join notice_group g on g.id = n.group_id where n.id = " + id).get(0));
        assertThat(reference.text().get(TagField.CATEGORY)).isEqualTo(Rows.firstColumn(DATABASE.dataSource(),
                "select s.category || chr(10) || s.heading from notice n join notice_group g on g.id = n.group_id "
                        + "join section s on s.id = g.section_id where n.id = " + id).get(0));
    }

    @Test
    @DisplayName("the rules page's count per rule tag is the number of first prints carrying it")
    void ruleTagCounts() throws Exception {
        Map<String, Long> counts = new NoticeQueries(DATABASE.dataSource()).ruleTagCounts();

        assertThat(counts.get("天津")).isEqualTo(count("select count(*) from notice_tag t join notice n "
                + "on n.id = t.notice_id where t.tag = '天津' and t.kind = 'rule' and n.repeat_of is null"))
                .isGreaterThan(5);
        assertThat(counts).doesNotContainKey("no such tag");
    }

    @Test
    @DisplayName("without the 天津 rule every notice tagged 天津 loses it; a new 参比制剂 rule gains its one notice")
    void editedRules() throws Exception {
        String tianjin = "  - tag: 天津\n    any: [天津]\n    in: [group, issuer, title]\n";
        assertThat(Files.readString(TAGS)).contains(tianjin);

        TagDryRun.Result result = dryRun(Files.readString(TAGS).replace(tianjin,
                "  - tag: 参比制剂\n    any: [参比制剂]\n"));

        assertThat(result.changes()).filteredOn(c -> c.change() == Change.GAINED).extracting(TagChange::tag,
                TagChange::title).containsExactly(tuple("参比制剂",
                "关于发布《化学仿制药参比制剂目录（第四十一批）》的公示"));
        assertThat(result.changes()).filteredOn(c -> c.change() == Change.LOST).extracting(TagChange::tag)
                .hasSize((int) count("select count(*) from notice_tag t join notice n on n.id = t.notice_id where "
                        + "t.tag = '天津' and t.kind = 'rule' and n.repeat_of is null")).containsOnly("天津");
    }

    private static TagDryRun.Result dryRun(String rules) throws ConfigException {
        TagDryRun run = new TagDryRun(TagRules.parse("edited rules", rules), 1000);
        notices.forEach(n -> run.compare(n.id(), n.title(), n.text(), n.ruleTags()));
        return run.result();
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(Rows.firstColumn(DATABASE.dataSource(), sql).get(0));
    }
}
