package com.bulletiningest.split;

import java.util.List;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.fixtures.ExpectedSplit;
import com.bulletiningest.fixtures.ProducerFixtures;
import com.bulletiningest.fixtures.SplitDiff;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus bulletins as real producers make them (laid out as HTML, printed by headless Chromium or exported by
 * LibreOffice Writer, in several fonts, sizes, pages and margins, some with a cover and a contents page with or
 * without page numbers; {@code src/test/fixtures/producers/make-fixtures.sh}) split exactly into the corpus notices:
 * titles, groups, sections, numbers, issuers, dates, media names, links and the pages where the titles now stand.
 */
@DisplayName("Bulletins printed by Chromium and LibreOffice split like the corpus")
class ProducerSplitTest {

    private final BulletinReader reader = new BulletinReader(Categories.defaults());

    static List<String> fixtures() {
        return ProducerFixtures.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void splitsIntoTheCorpusNotices(String fixture) throws UnreadableBulletinException {
        Bulletin bulletin = reader.read(ProducerFixtures.resource(fixture + ".pdf"));
        ExpectedSplit expected = ExpectedSplit.parse(ProducerFixtures.resource(fixture + ".expected.json"));

        List<String> diffs = SplitDiff.of(expected.json(), BulletinJson.tree(fixture + ".pdf", bulletin));

        assertThat(diffs).as("%s: differences from the expected split", fixture).isEmpty();
    }
}
