package com.bulletiningest.extract;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A page's text layer is used unless it is missing, garbage or another OCR's spaced-out reading")
class TextLayerTest {

    @Test
    void aPageWithoutGlyphsHasNoTextLayer() {
        assertThat(TextLayer.ocrReason(List.of(), 0, 0, null)).isEqualTo("no text layer");
    }

    @Test
    void glyphsWithoutUnicodeMakeTheLayerUnusable() {
        assertThat(TextLayer.ocrReason(List.of(), 250, 250, null)).isEqualTo("text layer without Unicode mapping");
        assertThat(TextLayer.ocrReason(lines("国家药监局关于发布通告"), 100, 80, null))
                .isEqualTo("unreadable text layer (80 of 91 glyphs without Unicode)");
    }

    @Test
    void privateUseAndReplacementCharactersAreGarbage() {
        assertThat(TextLayer.ocrReason(lines("\uE001\uE002\uE003国家\uFFFD\uFFFD"), 7, 0, null)).startsWith("unreadable text layer (5 of 7");
    }

    @Test
    void tesseractsSpacedOutChineseIsReadAgain() {
        List<TextLine> spaced = lines("知识产权 信 息 篇 （2021/03/06~2021/03/12)", "1 、 关 于 印 发 《 天 津 市 知 识 产 权 局 2021 年 工 作 要 点 》 的 通 知");
        assertThat(TextLayer.ocrReason(spaced, 60, 0, null)).isEqualTo("text layer of another OCR (spaced-out characters)");
    }

    @Test
    void anOrdinaryChineseLayerIsKept() {
        List<TextLine> layer = lines("知识产权信息篇（2021/03/06~2021/03/12）", "1、关于印发《天津市知识产权局 2021 年工作要点》的通知  天津市知识产权局（2021-3-8）");
        assertThat(TextLayer.ocrReason(layer, 80, 0, "ocrmypdf 16.0 / Tesseract")).isNull();
        assertThat(TextLayer.ocrReason(layer, 80, 0, "Microsoft Word")).isNull();
    }

    private static List<TextLine> lines(String... texts) {
        return Arrays.stream(texts).map(t -> new TextLine(1, 50, 500, 100, 10, 10, false, 0, t)).toList();
    }
}
