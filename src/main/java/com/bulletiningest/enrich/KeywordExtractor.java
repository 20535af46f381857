package com.bulletiningest.enrich;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;


/**
 * The top keywords of a text by HanLP's TextRank, from the dictionaries bundled in the portable jar (no download):
 * what {@code HanLP.extractKeyword} gives, at a fraction of its cost (see {@link TextRank}: segmentation without
 * person names, ranking on arrays). Single characters, numbers and words every notice uses are dropped: they make
 * poor tags.
 */
public class KeywordExtractor {

    /** Words every bulletin notice uses; as keywords they tell notices apart from nothing. */
    private static final Set<String> GENERIC = Set.of("工作", "国家", "企业", "单位", "有关", "相关", "开展", "提供", "服务",
            "发展", "推进", "完善", "加强", "通知", "发布", "要求", "进行", "实施", "支持", "建设", "管理", "中心", "我市");
    private static final Pattern USEFUL = Pattern.compile("(?=.*\\p{IsHan}|.*\\p{IsLatin}{3}).{2,}");
    /** TextRank candidates asked for per keyword kept, since some are filtered out. */
    private static final int CANDIDATES_PER_KEYWORD = 3;

    private final int count;
    private final BiFunction<String, Integer, List<String>> ranking;

    public KeywordExtractor(int count) {
        this(count, TextRank::keywords);
    }

    /** @param ranking the best ranked words of a text, best first, as many as asked for */
    KeywordExtractor(int count, BiFunction<String, Integer, List<String>> ranking) {
        if (count < 1) {
            throw new IllegalArgumentException("keyword count must be at least 1, was " + count);
        }
        this.count = count;
        this.ranking = ranking;
    }

    public List<String> keywords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return ranking.apply(text, count * CANDIDATES_PER_KEYWORD).stream()
                .map(String::strip)
                .filter(k -> USEFUL.matcher(k).matches() && !GENERIC.contains(k))
                .distinct()
                .limit(count)
                .toList();
    }
}
