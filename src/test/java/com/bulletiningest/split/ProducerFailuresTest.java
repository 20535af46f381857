package com.bulletiningest.split;

import java.util.List;

import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.extract.TextLine;
import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.fixtures.ProducerFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The three ways the split broke on bulletins from real producers, each on a fixture that shows it (each test first
 * checks that the fixture really has the layout in question).
 */
@DisplayName("What went wrong on PDFs from real producers")
class ProducerFailuresTest {

    private final BulletinReader reader = new BulletinReader(Categories.defaults());

    private static List<String> lines(String fixture) throws UnreadableBulletinException {
        return new PdfExtractor().extract(ProducerFixtures.resource(fixture + ".pdf")).lines().stream().map(TextLine::text).toList();
    }

    private Bulletin split(String fixture) throws UnreadableBulletinException {
        return reader.read(ProducerFixtures.resource(fixture + ".pdf"));
    }

    private static Notice notice(Bulletin bulletin, String category, int no) {
        return bulletin.sections().stream().filter(s -> s.category().equals(category)).flatMap(s -> s.groups().stream())
                .flatMap(g -> g.notices().stream()).filter(n -> n.no() == no).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("a cover and a contents page in front")
    class FrontMatter {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"seed-000.chromium-a4-sans", "seed-000.chromium-letter-light", "seed-000.writer-a4-serif-contents",
                "seed-001.chromium-a4-sans", "seed-001.chromium-letter-light", "seed-001.writer-a4-serif-contents"})
        void neverBecomeSectionsOrNoticesAndTheListedTitlesAreFoundWhereTheyAre(String fixture) throws Exception {
            List<String> lines = lines(fixture);
            assertThat(lines).as("the fixture has a contents page").anyMatch(l -> l.replace(" ", "").equals("目录"));
            Bulletin bulletin = split(fixture);
            String firstHeading = bulletin.sections().get(0).heading();
            assertThat(lines.stream().filter(l -> l.startsWith(firstHeading + "（"))).as("the contents list the headings").hasSize(2);

            int expectedNotices = fixture.startsWith("seed-000") ? 15 : 10;
            assertThat(bulletin.sections()).hasSize(3);
            assertThat(bulletin.notices()).hasSize(expectedNotices).allSatisfy(n -> assertThat(n.page()).isGreaterThan(2));
        }
    }

    @Nested
    @DisplayName("a wrapped body line that begins with the next number")
    class WrappedNumber {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"seed-000.chromium-a4-narrow"})
        void staysInTheBodyAndTheRealNoticeIsFound(String fixture) throws Exception {
            assertThat(lines(fixture)).as("the fixture wraps before 3、4）").anyMatch(l -> l.startsWith("3、4）"));

            Bulletin bulletin = split(fixture);

            assertThat(bulletin.sections().get(0).groups().get(0).notices()).extracting(Notice::no).containsExactly(1, 2, 3, 4);
            assertThat(notice(bulletin, "pharma", 2).body()).contains("3、4），其中");
            assertThat(notice(bulletin, "pharma", 3).title()).startsWith("国家药监局药审中心关于发布《中药变更受理审查指南");
        }
    }

    @Nested
    @DisplayName("a title with its issuer after it")
    class TitleAndIssuer {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"seed-000.chromium-a4-sans", "seed-000.chromium-letter-light", "seed-000.writer-a4-sans",
                "seed-000.writer-a4-serif-contents", "seed-000.chromium-a4-narrow", "seed-000.chromium-a5-anywhere"})
        void areSeparatedWhateverStandsBetweenThemAndATitleClosingABracketIsWhole(String fixture) throws Exception {
            Bulletin bulletin = split(fixture);

            assertThat(List.of(notice(bulletin, "tech", 5), notice(bulletin, "tech", 7)))
                    .extracting(n -> Texts.squeeze(n.title()), Notice::issuer)
                    .containsExactly(tuple("天津市国家高新技术企业认定主要政策解答（2021）", "天津市科技局"),
                            tuple("关于开展2021年天津市质量攻关项目申报工作的通知", "天津市市场监督管理委员会"));
        }
    }
}
