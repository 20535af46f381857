package com.bulletiningest.store.read;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.bulletiningest.enrich.Enricher;
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

/** Search over the two corpus bulletins, stored enriched on a real (embedded) PostgreSQL. */
@DisplayName("notice search")
class NoticeSearchTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    private static NoticeSearch search;

    @BeforeAll
    static void storeCorpus() throws Exception {
        BulletinStore store = new BulletinStore(DATABASE.dataSource(), (connection, bulletin) -> 0);
        Enricher enricher = Enrichers.create(Path.of("config/tags.yaml"), false, 0);
        for (String name : List.of("seed-000", "seed-001")) {
            Bulletin bulletin = CorpusBulletin.split(name);
            store.save(new ReceivedBulletin(name.repeat(8).substring(0, 64), "folder", name + ".pdf", null,
                    Instant.now(), "text"), bulletin, enricher.enrich(bulletin));
        }
        search = new NoticeSearch(DATABASE.dataSource());
    }

    @Test
    @DisplayName("参比制剂 finds exactly seed-000's pharma notice 4")
    void chineseQueryFindsTheNotice() {
        assertThat(search.search(NoticeFilter.query("参比制剂")).hits()).extracting(NoticeSearchTest::describe)
                .containsExactly("2021-03-12 pharma/国家级 4");
    }

    @Test
    @DisplayName("a one-character query finds every notice holding that character, and only those")
    void oneCharacterQuery() throws Exception {
        SearchPage page = search.search(new NoticeFilter("药", null, null, null, null, null, null, null, null, null,
                null, 1, 100));

        assertThat(page.hits()).isNotEmpty().allSatisfy(hit -> assertThat(hit.notice().title() + hit.notice().body()
                + hit.notice().issuer() + hit.notice().documentNumber()).contains("药"));
        assertThat(page.total()).isEqualTo(Long.parseLong(Rows.firstColumn(
                DATABASE.dataSource(), "select count(*) from notice n where repeat_of is null and strpos(n.title || "
                        + "coalesce(n.issuer, '') || coalesce(n.issuer_found, '') || coalesce(n.document_number, '') "
                        + "|| n.body, '药') > 0").get(0)));
    }

    @Test
    @DisplayName("tag 天津 with a deadline after 2021-03-10: exactly tech/天津市 2, 4, 6, 7 and 8 of 2021-03-12")
    void tagAndDeadlineFilter() {
        SearchPage page = search.search(new NoticeFilter(null, null, null, "天津", null, null, null, null,
                LocalDate.of(2021, 3, 10), null, NoticeFilter.Sort.ISSUED, 1, 100));

        assertThat(page.hits()).extracting(NoticeSearchTest::describe).containsExactly("2021-03-12 tech/天津市 2",
                "2021-03-12 tech/天津市 4", "2021-03-12 tech/天津市 6", "2021-03-12 tech/天津市 7",
                "2021-03-12 tech/天津市 8");
    }

    @Test
    @DisplayName("query and filters combine: 天津 in category ip of the 2021-03-12 bulletin gives ip/地方级 1 and 2")
    void queryAndFiltersCombine() {
        SearchPage page = search.search(new NoticeFilter("天津", "ip", null, null, null, LocalDate.of(2021, 3, 12),
                LocalDate.of(2021, 3, 12), null, null, null, null, 1, 20));

        assertThat(page.hits()).extracting(NoticeSearchTest::describe)
                .containsExactlyInAnyOrder("2021-03-12 ip/地方级 1", "2021-03-12 ip/地方级 2");
    }

    @Test
    @DisplayName("ranked: notices with the words in their title come before those with them only in the body")
    void titleMatchesRankFirst() {
        List<NoticeHit> hits = search.search(new NoticeFilter("天津", null, null, null, null, null, null, null, null,
                null, null, 1, 100)).hits();

        int lastInTitle = -1;
        int firstInBodyOnly = hits.size();
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).notice().title().contains("天津")) {
                lastInTitle = i;
            } else {
                firstInBodyOnly = Math.min(firstInBodyOnly, i);
            }
        }
        assertThat(lastInTitle).isLessThan(firstInBodyOnly);
        assertThat(firstInBodyOnly).isLessThan(hits.size());
    }

    @Test
    @DisplayName("sorted by deadline: soonest first; has-deadline false gives only notices without one")
    void deadlineSortAndHasDeadline() {
        List<NoticeHit> withDeadline = search.search(new NoticeFilter(null, null, null, null, null, null, null, true,
                null, null, NoticeFilter.Sort.DEADLINE, 1, 100)).hits();
        List<NoticeHit> without = search.search(new NoticeFilter(null, null, null, null, null, null, null, false,
                null, null, null, 1, 100)).hits();

        assertThat(withDeadline).isNotEmpty().extracting(hit -> hit.notice().nearestDeadline()).isSorted()
                .doesNotContainNull();
        assertThat(without).isNotEmpty().allSatisfy(hit -> assertThat(hit.notice().nearestDeadline()).isNull());
    }

    @Test
    @DisplayName("pages: the second page of 5 continues the first, total counts all matches")
    void pagination() {
        SearchPage all = search.search(new NoticeFilter("天津", null, null, null, null, null, null, null, null, null,
                null, 1, 100));
        SearchPage second = search.search(new NoticeFilter("天津", null, null, null, null, null, null, null, null, null,
                null, 2, 5));

        assertThat(second.total()).isEqualTo(all.total()).isGreaterThan(10);
        assertThat(second.hits()).extracting(hit -> hit.notice().id())
                .containsExactlyElementsOf(all.hits().subList(5, 10).stream().map(hit -> hit.notice().id()).toList());
    }

    private static String describe(NoticeHit hit) {
        StoredNotice n = hit.notice();
        return hit.issued() + " " + n.category() + "/" + n.group() + " " + n.no();
    }
}
