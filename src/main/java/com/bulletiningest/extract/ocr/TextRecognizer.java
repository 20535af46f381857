package com.bulletiningest.extract.ocr;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * CRNN recognition with CTC decoding: each box is cut out of the page straightened and scaled to {@value #HEIGHT} px
 * high, boxes of similar length run together (padded to the longest of the batch, at least {@value #MIN_WIDTH} px, as
 * PaddleOCR does), and each time step's most likely class gives the text (blanks and repeats dropped).
 */
final class TextRecognizer {

    static final int HEIGHT = 48;
    private static final int MIN_WIDTH = 320;
    private static final int MAX_WIDTH = 3200;
    private static final int BATCH = 6;
    private static final float[] HALF = {0.5f, 0.5f, 0.5f};

    /** A box's text and the mean probability of its characters. */
    record Reading(TextBox box, String text, float confidence) {
    }

    private final OcrModels models;

    TextRecognizer(OcrModels models) {
        this.models = models;
    }

    /**
     * @param deadline {@link System#nanoTime()} after which reading stops with {@link OcrTimeoutException}
     */
    List<Reading> read(PageImage page, List<TextBox> boxes, long deadline) throws OrtException, OcrTimeoutException {
        List<TextBox> order = new ArrayList<>(boxes);
        order.sort(Comparator.comparingDouble(TextRecognizer::ratio));
        List<Reading> readings = new ArrayList<>();
        for (int from = 0; from < order.size(); from += BATCH) {
            if (System.nanoTime() > deadline) {
                throw new OcrTimeoutException();
            }
            List<TextBox> batch = order.subList(from, Math.min(order.size(), from + BATCH));
            readings.addAll(readBatch(page, batch));
        }
        return readings;
    }

    private List<Reading> readBatch(PageImage page, List<TextBox> batch) throws OrtException {
        int width = MIN_WIDTH;
        for (TextBox box : batch) {
            width = Math.max(width, widthOf(box));
        }
        int plane = width * HEIGHT;
        float[] input = new float[batch.size() * 3 * plane]; // zero = mid grey after normalisation, PaddleOCR's padding
        for (int b = 0; b < batch.size(); b++) {
            page.sample(batch.get(b), input, b * 3 * plane, widthOf(batch.get(b)), HEIGHT, width, HALF, HALF);
        }
        List<Reading> readings = new ArrayList<>();
        try (OnnxTensor tensor = OnnxTensor.createTensor(models.env, FloatBuffer.wrap(input), new long[]{batch.size(), 3, HEIGHT, width});
             OrtSession.Result result = models.recognizer.run(Map.of("x", tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] shape = out.getInfo().getShape();
            FloatBuffer probabilities = out.getFloatBuffer();
            int steps = (int) shape[1];
            int classes = (int) shape[2];
            for (int b = 0; b < batch.size(); b++) {
                readings.add(decode(batch.get(b), probabilities, b * steps * classes, steps, classes));
            }
        }
        return readings;
    }

    private Reading decode(TextBox box, FloatBuffer p, int offset, int steps, int classes) {
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int kept = 0;
        int previous = 0;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            float max = -1;
            int row = offset + t * classes;
            for (int c = 0; c < classes; c++) {
                float v = p.get(row + c);
                if (v > max) {
                    max = v;
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                text.append(models.characters[best]);
                confidence += max;
                kept++;
            }
            previous = best;
        }
        return new Reading(box, text.toString().strip(), kept == 0 ? 0 : (float) (confidence / kept));
    }

    private static double ratio(TextBox box) {
        return box.length() / Math.max(1, box.thickness());
    }

    private static int widthOf(TextBox box) {
        return (int) Math.max(1, Math.min(MAX_WIDTH, Math.ceil(HEIGHT * ratio(box))));
    }
}
