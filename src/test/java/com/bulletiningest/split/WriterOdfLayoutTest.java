package com.bulletiningest.split;

import java.io.IOException;
import java.util.List;

import com.bulletiningest.fixtures.ProducerFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulletins written as Writer documents of their own (flat ODF with 公文 styles, a running header and footer and
 * Writer's Fontwork watermark; {@code ProducerSplitTest} checks their split): each test first shows the PDF has the
 * feature, then that the split leaves it out of every notice.
 */
@DisplayName("A Writer document with header, footer and a shape watermark splits without them")
class WriterOdfLayoutTest {

    private final BulletinReader reader = new BulletinReader(Categories.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"seed-000", "seed-001"})
    void headerAndFooterOfEveryPageStayOutOfTheNotices(String bulletin) throws Exception {
        byte[] pdf = ProducerFixtures.resource(bulletin + ".writer-odf-gongwen.pdf");
        List<String> pages = ProducerFixtures.pageTexts(pdf);
        assertThat(pages).as("Writer printed the header and the — N — footer on every page").allSatisfy(text ->
                assertThat(text).contains("政策信息周报2021年第").containsPattern("—\\d+—"));

        Bulletin split = reader.read(pdf);

        assertThat(split.notices()).isNotEmpty().allSatisfy(notice -> {
            assertThat(notice.title() + notice.body()).doesNotContain("政策信息周报 2021", "— ", "内部资料", "注意保存");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-000", "seed-001"})
    void itIsWritersOwnExport(String bulletin) throws IOException {
        try (PDDocument document = Loader.loadPDF(ProducerFixtures.resource(bulletin + ".writer-odf-gongwen.pdf"))) {
            assertThat(document.getDocumentInformation().getCreator()).isEqualTo("Writer");
            assertThat(document.getDocumentInformation().getProducer()).startsWith("LibreOffice");
        }
    }
}
