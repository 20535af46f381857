package com.bulletiningest.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.algorithm.MaxHeap;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;

/**
 * HanLP 1.8.6's TextRank keyword ranking ({@code TextRankKeyword}: co-occurrence window of 5 words, damping 0.85, at
 * most 200 iterations until no score moves by more than 0.001), computed on arrays instead of HanLP's maps of boxed
 * floats, which cost a bulletin about a hundred milliseconds. Same float operations in the same order and the same
 * top-n selection, so the ranking is exactly HanLP's ({@code KeywordExtractorTest} holds both to it).
 */
final class TextRank {

    private static final int WINDOW = 5;
    private static final float DAMPING = 0.85f;
    private static final int MAX_ITERATIONS = 200;
    private static final float MIN_DIFF = 0.001f;
    /**
     * HanLP's standard segmenter without its person-name recognition (Chinese and transliterated names), which took
     * half the segmentation time; a name makes a poor tag, and the keywords kept of every corpus notice are the same
     * ({@code KeywordExtractorTest}). Shared: segmenting is thread-safe.
     */
    static final Segment SEGMENT = HanLP.newSegment().enableNameRecognize(false).enableTranslatedNameRecognize(false);

    private TextRank() {
    }

    /** The {@code size} best ranked words of {@code text}, best first: HanLP's {@code TextRankKeyword} on SEGMENT. */
    static List<String> keywords(String text, int size) {
        return top(SEGMENT.seg(text).stream()
                .filter(CoreStopWordDictionary::shouldInclude)
                .map(term -> term.word)
                .toList(), size);
    }

    /** The {@code size} best ranked of {@code words} (the words HanLP keeps of a segmented text, in text order). */
    private static List<String> top(List<String> words, int size) {
        // distinct words in String order, as HanLP's TreeMap holds them
        TreeMap<String, Integer> ids = new TreeMap<>();
        words.forEach(w -> ids.put(w, 0));
        String[] vocabulary = ids.keySet().toArray(String[]::new);
        for (int i = 0; i < vocabulary.length; i++) {
            ids.put(vocabulary[i], i);
        }
        int[][] neighbours = neighbours(words, ids, vocabulary.length);
        float[] score = rank(neighbours);
        // HanLP's final scores are a HashMap filled in vocabulary order, its top n a MaxHeap over that map's entries:
        // built the same way, ties come out in the same order
        Map<String, Float> scores = new HashMap<>();
        for (int i = 0; i < vocabulary.length; i++) {
            scores.put(vocabulary[i], score[i]);
        }
        List<String> top = new ArrayList<>(size);
        new MaxHeap<Map.Entry<String, Float>>(size, Map.Entry.comparingByValue())
                .addAll(scores.entrySet()).toList().forEach(e -> top.add(e.getKey()));
        return top;
    }

    /** Per word, the words within the window of it anywhere in the text, in vocabulary order, itself excluded. */
    private static int[][] neighbours(List<String> words, Map<String, Integer> ids, int count) {
        int[][] linked = new int[count][4];
        int[] sizes = new int[count];
        int[] recent = new int[WINDOW - 1];
        int held = 0;
        for (String word : words) {
            int id = ids.get(word);
            for (int i = 0; i < held; i++) {
                if (recent[i] != id) {
                    link(linked, sizes, id, recent[i]);
                    link(linked, sizes, recent[i], id);
                }
            }
            if (held == recent.length) {
                System.arraycopy(recent, 1, recent, 0, held - 1);
                held--;
            }
            recent[held++] = id;
        }
        int[][] neighbours = new int[count][];
        for (int i = 0; i < count; i++) {
            neighbours[i] = sortedDistinct(linked[i], sizes[i]);
        }
        return neighbours;
    }

    private static int[] sortedDistinct(int[] values, int size) {
        Arrays.sort(values, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }

    private static void link(int[][] linked, int[] sizes, int from, int to) {
        if (sizes[from] == linked[from].length) {
            linked[from] = Arrays.copyOf(linked[from], 2 * sizes[from]);
        }
        linked[from][sizes[from]++] = to;
    }

    private static float[] rank(int[][] neighbours) {
        int count = neighbours.length;
        float[] score = new float[count];
        for (int i = 0; i < count; i++) {
            score[i] = (float) (1 / (1 + Math.exp(-(float) neighbours[i].length)));
        }
        float[] next = new float[count];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            float maxDiff = 0;
            for (int i = 0; i < count; i++) {
                float value = 1 - DAMPING;
                for (int other : neighbours[i]) {
                    value = value + DAMPING / neighbours[other].length * score[other];
                }
                next[i] = value;
                maxDiff = Math.max(maxDiff, Math.abs(value - score[i]));
            }
            float[] previous = score;
            score = next;
            next = previous;
            if (maxDiff <= MIN_DIFF) {
                break;
            }
        }
        return score;
    }
}
