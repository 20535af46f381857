package com.bulletiningest.extract;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Gives OCR's punctuation the width Chinese text sets it in. The recogniser often reads a full-width bracket, comma or
 * colon as its half-width twin (「（2021/3/8~2021/3/12)」); next to Chinese characters, or paired with a full-width
 * bracket, they become full-width again, as a text layer would have them; straight double quotes there become “ and ”.
 * A closing bracket without an opening one inside 《… is the 》 a blurred scan reads as ）. Punctuation between Latin letters or digits
 * (URLs, 3.5, 10:30) stays. A blank next to full-width punctuation is a gap the recogniser saw in the punctuation's
 * own width, never one a Chinese text layer has: it goes.
 */
final class OcrPunctuation {

    private static final String HALF = "(),:;?!";
    private static final String FULL = "（），：；？！";

    private OcrPunctuation() {
    }

    static String fold(String text) {
        char[] out = text.toCharArray();
        Deque<Integer> open = new ArrayDeque<>();
        boolean quoted = false;
        int titles = 0; // 《 not yet closed
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c == '“' || c == '”') {
                quoted = c == '“';
            } else if (c == '"' && (chinese(out, i - 1, -1) || chinese(out, i + 1, 1))) {
                out[i] = quoted ? '”' : '“'; // straight quotes in Chinese text open and close in turn
                quoted = !quoted;
            } else if (c == '(' || c == '（') {
                open.push(i);
                if (c == '(' && chinese(out, i + 1, 1)) {
                    out[i] = '（';
                }
            } else if (c == '《' || c == '》') {
                titles = Math.max(0, titles + (c == '《' ? 1 : -1));
            } else if ((c == ')' || c == '）') && open.isEmpty() && titles > 0) {
                out[i] = '》'; // a closing bracket with none open, inside 《…: the recogniser's reading of 》
                titles--;
            } else if ((c == ')' || c == '）') && !open.isEmpty()) {
                int o = open.pop();
                boolean full = out[o] == '（' || c == '）' || chinese(out, i - 1, -1) || chinese(out, i + 1, 1) || chinese(out, o - 1, -1);
                if (full) {
                    out[o] = '（';
                    out[i] = '）';
                }
            } else if (HALF.indexOf(c) >= 2 && chinese(out, i - 1, -1) && !isUrlColon(out, i)) {
                out[i] = FULL.charAt(HALF.indexOf(c));
            }
        }
        StringBuilder folded = new StringBuilder(out.length);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == ' ' && (fullWidth(out, i - 1) || fullWidth(out, i + 1))) {
                continue;
            }
            folded.append(out[i]);
        }
        return folded.toString();
    }

    private static boolean fullWidth(char[] text, int i) {
        return i >= 0 && i < text.length && "，。、；：？！（）《》“”".indexOf(text[i]) >= 0;
    }

    /** Whether the first character from {@code i} on in {@code direction} that is not a blank is Chinese. */
    private static boolean chinese(char[] text, int i, int direction) {
        while (i >= 0 && i < text.length && text[i] == ' ') {
            i += direction;
        }
        return isChinese(text, i);
    }

    private static boolean isChinese(char[] text, int i) {
        return i >= 0 && i < text.length && (Character.UnicodeScript.of(text[i]) == Character.UnicodeScript.HAN
                || "，。、；：？！（）《》“”".indexOf(text[i]) >= 0);
    }

    private static boolean isUrlColon(char[] text, int i) {
        return text[i] == ':' && i + 2 < text.length && text[i + 1] == '/' && text[i + 2] == '/';
    }
}
