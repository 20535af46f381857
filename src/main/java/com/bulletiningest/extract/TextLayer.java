package com.bulletiningest.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Judges a page's text layer: none at all, garbage (glyphs without a Unicode mapping, private-use or replacement
 * characters: fonts embedded without a ToUnicode map), or the layer another OCR left (Tesseract, as ocrmypdf runs it,
 * spaces out Chinese characters: 「知识产权 信 息 篇」). Such pages are read again by OCR.
 */
final class TextLayer {

    /** More than this share of a page's glyphs unreadable makes its text layer useless. */
    static final double GARBAGE_SHARE = 0.1;
    /** More than this share of CJK characters followed by a blank and another CJK character is Tesseract's shape. */
    static final double SPACED_SHARE = 0.25;
    private static final int MIN_CJK = 20;
    private static final Pattern OTHER_OCR = Pattern.compile("ocrmypdf|tesseract");
    static final int SPARSE = 40;

    private TextLayer() {
    }

    /** Why the page must be read by OCR, or null when its text layer is usable. */
    static String ocrReason(List<TextLine> lines, int glyphs, int unmapped, String producer) {
        if (lines.isEmpty() && glyphs == unmapped) {
            return glyphs == 0 ? "no text layer" : "text layer without Unicode mapping";
        }
        int chars = 0, bad = 0, cjk = 0, spaced = 0;
        for (TextLine line : lines) {
            String t = line.text();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                chars++;
                if (c == '\uFFFD' || (c >= '\uE000' && c <= '\uF8FF') || Character.isISOControl(c)) {
                    bad++;
                }
                if (isCjk(c)) {
                    cjk++;
                    if (i + 2 < t.length() && t.charAt(i + 1) == ' ' && isCjk(t.charAt(i + 2))) {
                        spaced++;
                    }
                }
            }
        }
        if (bad + unmapped > GARBAGE_SHARE * (chars + unmapped)) {
            return "unreadable text layer (" + (bad + unmapped) + " of " + (chars + unmapped) + " glyphs without Unicode)";
        }
        boolean otherOcr = producer != null && OTHER_OCR.matcher(producer.toLowerCase(Locale.ROOT)).find();
        if (cjk >= MIN_CJK && (spaced > SPACED_SHARE * cjk || otherOcr && spaced > 0.05 * cjk)) {
            return "text layer of another OCR (spaced-out characters)";
        }
        return null;
    }

    /** Fewer than {@value #SPARSE} characters: a page number or a stamp, not a page of text. */
    static boolean isSparse(List<TextLine> lines) {
        // blanks are those of a regular expression's \s, counted without compiling one per line
        return lines.stream().mapToLong(l -> l.text().chars().filter(c -> " \t\n\013\f\r".indexOf(c) < 0).count()).sum() < SPARSE;
    }

    private static boolean isCjk(char c) {
        // the common ideographs and all below the first Han character answered without searching the script table
        return c >= '\u4E00' && c <= '\u9FA5'
                || c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
