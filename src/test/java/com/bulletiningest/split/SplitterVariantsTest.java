package com.bulletiningest.split;

import java.util.List;
import java.util.stream.Stream;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.fixtures.BulletinPdfWriter;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.SplitDiff;
import com.bulletiningest.fixtures.Variants;
import com.bulletiningest.fixtures.Variants.Variant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The splitter is general, not fitted to the two corpus PDFs: the corpus bulletins rendered again by the fixtures'
 * writer, as written and rewritten (wrapped at other widths, numbered {@code 1.} / {@code 1．}, with running headers
 * and footers, with URLs printed at the page bottom, sections reordered or alone, the whole bulletin printed three
 * times over), split into the same notices, with the pages where each title now lands.
 */
@DisplayName("Rewritten corpus bulletins split into the same notices")
class SplitterVariantsTest {

    /** Copies of a bulletin printed as one: sections and numbering start again in every copy. */
    private static final int REPEATS = 3;

    private final BulletinReader reader = new BulletinReader(Categories.defaults());
    private final BulletinPdfWriter writer = new BulletinPdfWriter();

    static Stream<Variant> variants() {
        return CorpusBulletin.NAMES.stream().map(CorpusBulletin::load)
                .flatMap(b -> Stream.of(Stream.of(Variants.original(b)), Variants.of(b).stream(),
                        Stream.of(Variants.repeated(b, REPEATS))).flatMap(s -> s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void splitsIntoTheExpectedNotices(Variant variant) throws UnreadableBulletinException {
        Bulletin bulletin = reader.read(writer.write(variant.text()));

        List<String> diffs = SplitDiff.of(variant.expected(), BulletinJson.tree(variant.source().name() + ".pdf", bulletin));

        assertThat(diffs).as("%s: differences from the expected split", variant).isEmpty();
    }
}
