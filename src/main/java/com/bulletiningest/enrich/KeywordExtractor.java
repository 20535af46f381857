package com.bulletiningest.enrich;

import java.util.List;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;

/**
 * The top keywords of a text by HanLP's TextRank, from the dictionaries bundled in the portable jar (no download).
 * Single characters and numbers are dropped: they make poor tags.
 */
public class KeywordExtractor {

    private static final Pattern USEFUL = Pattern.compile("(?=.*\\p{IsHan}|.*\\p{IsLatin}{3}).{2,}");
    /** TextRank candidates asked for per keyword kept, since some are filtered out. */
    private static final int CANDIDATES_PER_KEYWORD = 3;

    private final int count;

    public KeywordExtractor(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("keyword count must be at least 1, was " + count);
        }
        this.count = count;
    }

    public List<String> keywords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return HanLP.extractKeyword(text, count * CANDIDATES_PER_KEYWORD).stream()
                .map(String::strip)
                .filter(k -> USEFUL.matcher(k).matches())
                .distinct()
                .limit(count)
                .toList();
    }
}
