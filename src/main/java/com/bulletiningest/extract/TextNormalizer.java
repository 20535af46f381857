package com.bulletiningest.extract;

import java.text.Normalizer;
import java.util.Map;

/**
 * Maps radical look-alikes back to the ideographs they stand for. Fonts whose cmap points common ideographs at the
 * Kangxi radicals (U+2F00–U+2FDF) or the CJK radicals supplement (U+2E80–U+2EFF) make text extraction return
 * ⼀ for 一 or ⻅ for 见; the text looks right but does not match or search. No-break and ideographic spaces (office
 * software prints them between a title and its issuer) become plain blanks.
 */
public final class TextNormalizer {

    /** The supplement's simplified-form radicals and the ideographs they are drawn from (NFKC leaves these alone). */
    private static final Map<Character, Character> RADICALS_SUPPLEMENT = Map.ofEntries(
            Map.entry('⺁', '厂'), Map.entry('⺇', '几'), Map.entry('⺈', '刀'), Map.entry('⺊', '卜'),
            Map.entry('⺌', '小'), Map.entry('⺍', '小'), Map.entry('⺎', '兀'), Map.entry('⺐', '尢'),
            Map.entry('⺓', '幺'), Map.entry('⺔', '彐'), Map.entry('⺖', '心'), Map.entry('⺗', '心'),
            Map.entry('⺘', '手'), Map.entry('⺙', '攴'), Map.entry('⺛', '旡'), Map.entry('⺜', '日'),
            Map.entry('⺝', '月'), Map.entry('⺟', '母'), Map.entry('⺠', '民'), Map.entry('⺡', '水'),
            Map.entry('⺢', '水'), Map.entry('⺣', '火'), Map.entry('⺤', '爪'), Map.entry('⺥', '爪'),
            Map.entry('⺦', '丬'), Map.entry('⺧', '牛'), Map.entry('⺨', '犬'), Map.entry('⺩', '王'),
            Map.entry('⺪', '疋'), Map.entry('⺫', '目'), Map.entry('⺬', '示'), Map.entry('⺭', '示'),
            Map.entry('⺮', '竹'), Map.entry('⺯', '糸'), Map.entry('⺰', '纟'), Map.entry('⺱', '网'),
            Map.entry('⺲', '网'), Map.entry('⺳', '网'), Map.entry('⺴', '网'), Map.entry('⺵', '网'),
            Map.entry('⺶', '羊'), Map.entry('⺷', '羊'), Map.entry('⺸', '羊'), Map.entry('⺹', '老'),
            Map.entry('⺺', '肀'), Map.entry('⺻', '聿'), Map.entry('⺼', '肉'), Map.entry('⺽', '臼'),
            Map.entry('⺾', '艸'), Map.entry('⺿', '艸'), Map.entry('⻀', '艸'), Map.entry('⻁', '虎'),
            Map.entry('⻂', '衣'), Map.entry('⻃', '覀'), Map.entry('⻄', '西'), Map.entry('⻅', '见'),
            Map.entry('⻆', '角'), Map.entry('⻇', '角'), Map.entry('⻈', '讠'), Map.entry('⻉', '贝'),
            Map.entry('⻊', '足'), Map.entry('⻋', '车'), Map.entry('⻌', '辶'), Map.entry('⻍', '辶'),
            Map.entry('⻎', '辶'), Map.entry('⻏', '阝'), Map.entry('⻐', '钅'), Map.entry('⻑', '長'),
            Map.entry('⻒', '镸'), Map.entry('⻓', '长'), Map.entry('⻔', '门'), Map.entry('⻕', '阜'),
            Map.entry('⻖', '阝'), Map.entry('⻗', '雨'), Map.entry('⻘', '青'), Map.entry('⻙', '韦'),
            Map.entry('⻚', '页'), Map.entry('⻛', '风'), Map.entry('⻜', '飞'), Map.entry('⻝', '食'),
            Map.entry('⻞', '食'), Map.entry('⻟', '食'), Map.entry('⻠', '饣'), Map.entry('⻡', '首'),
            Map.entry('⻢', '马'), Map.entry('⻣', '骨'), Map.entry('⻤', '鬼'), Map.entry('⻥', '鱼'),
            Map.entry('⻦', '鸟'), Map.entry('⻧', '卤'), Map.entry('⻨', '麦'), Map.entry('⻩', '黄'),
            Map.entry('⻪', '黾'), Map.entry('⻫', '斉'), Map.entry('⻬', '齐'), Map.entry('⻭', '歯'),
            Map.entry('⻮', '齿'), Map.entry('⻯', '竜'), Map.entry('⻰', '龙'), Map.entry('⻱', '龜'),
            Map.entry('⻲', '亀'), Map.entry('⻳', '龟'));

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2F00' && c <= '\u2FDF') {
                out.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
            } else if (c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000') {
                out.append(' '); // no-break and ideographic spaces are blanks to every pattern and comparison
            } else if (c >= '\u2E80' && c <= '\u2EFF') {
                out.append(RADICALS_SUPPLEMENT.getOrDefault(c, c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
