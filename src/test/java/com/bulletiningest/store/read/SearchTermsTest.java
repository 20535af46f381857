package com.bulletiningest.store.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.write.ReceivedBulletin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The terms a notice is indexed under and a query looks for. */
@DisplayName("search terms")
class SearchTermsTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    @Test
    @DisplayName("a run of Chinese characters gives its bigrams, and its single characters when asked")
    void chineseBigrams() {
        assertThat(SearchTerms.of("参比制剂", false)).containsExactlyInAnyOrder("参比", "比制", "制剂");
        assertThat(SearchTerms.of("参比制剂", true)).containsExactlyInAnyOrder("参比", "比制", "制剂", "参", "比", "制", "剂");
    }

    @Test
    @DisplayName("a one-character run is a term even when single characters are not asked for")
    void oneCharacterRun() {
        assertThat(SearchTerms.of("药，械", false)).containsExactlyInAnyOrder("药", "械");
    }

    @Test
    @DisplayName("Latin letters and digits are lower-cased words; punctuation, spaces and other scripts separate")
    void latinWords() {
        assertThat(SearchTerms.of("NMPA-2021号 No.5 Ｘ α", false)).containsExactlyInAnyOrder("nmpa", "2021", "号", "no", "5");
        assertThat(SearchTerms.query("GCP 参比制剂")).isEqualTo("'gcp' & '制剂' & '参比' & '比制'");
        assertThat(SearchTerms.query("——")).as("nothing to look for").isNull();
    }

    @Test
    @DisplayName("a query's Chinese runs, for the check that each is in the text as typed")
    void chineseRuns() {
        assertThat(SearchTerms.cjkRuns("GCP 参比制剂，药 ab")).containsExactly("参比制剂", "药");
    }

    @Test
    @DisplayName("they are the terms of migration V11's SQL search_terms on every corpus notice")
    void sameAsV11() throws Exception {
        List<String> texts = new ArrayList<>(List.of("", "a", "参", "Ab12cD 参比制剂，GCP·药品ＡＢＣ（2021）第5号"));
        for (String name : CorpusBulletin.NAMES) {
            for (Section section : CorpusBulletin.split(name).sections()) {
                for (Group group : section.groups()) {
                    for (Notice notice : group.notices()) {
                        texts.addAll(Arrays.asList(notice.title(), notice.body(), notice.issuer(), notice.source()));
                    }
                }
            }
        }
        try (Connection connection = DATABASE.dataSource().getConnection()) {
            connection.createStatement().execute(v11SearchTerms());
            try (PreparedStatement sql = connection.prepareStatement("select v11_search_terms(?, ?)")) {
                for (String text : texts) {
                    for (boolean withChars : new boolean[] {true, false}) {
                        assertThat(SearchTerms.of(text, withChars)).as("%s (single characters: %s)", text, withChars)
                                .isEqualTo(sqlTerms(sql, text, withChars));
                    }
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(100);
    }

    @Test
    @DisplayName("a word longer than the index holds is left out of it: the notice is stored and found by its other words")
    void overlongWord() throws Exception {
        Notice notice = new Notice(1, "关于参比制剂的通知", "国家药监局", LocalDate.of(2021, 3, 8), null, null, 1, 1, List.of(),
                List.of(), "密钥：" + "A".repeat(3000) + "。");
        Bulletin bulletin = new Bulletin(LocalDate.of(2021, 3, 12), 1, List.of(new Section("pharma", "医药信息篇",
                LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 12), null, List.of(new Group("国家级", List.of(notice))))));
        new BulletinStore(DATABASE.dataSource(), (connection, stored) -> 0).save(new ReceivedBulletin("f".repeat(64),
                "folder", "long.pdf", null, Instant.now(), "text"), bulletin, Unenriched.notices(bulletin));

        assertThat(new NoticeSearch(DATABASE.dataSource()).search(NoticeFilter.query("参比制剂")).hits())
                .extracting(hit -> hit.notice().title()).contains("关于参比制剂的通知");
    }

    /** V11's function as it was created, under another name (V14 dropped it). */
    private static String v11SearchTerms() throws IOException {
        try (InputStream in = SearchTermsTest.class.getResourceAsStream("/db/migration/V11__notice_search.sql")) {
            Matcher function = Pattern.compile("(?s)create function search_terms.*?\\$\\$.*?\\$\\$;")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(function.find()).as("search_terms in V11").isTrue();
            return function.group().replace("create function search_terms", "create function v11_search_terms");
        }
    }

    private static Set<String> sqlTerms(PreparedStatement sql, String text, boolean withChars) throws SQLException {
        sql.setString(1, text);
        sql.setBoolean(2, withChars);
        try (ResultSet row = sql.executeQuery()) {
            row.next();
            Array terms = row.getArray(1);
            return new TreeSet<>(List.of((String[]) terms.getArray()));
        }
    }
}
