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
 * Whether a page was scanned upside down, by PaddleOCR's text-line classifier (classes 0° and 180°) voting over the
 * page's longest lines: a single line can fool it, most of a page's lines do not.
 */
final class OrientationClassifier {

    private static final int HEIGHT = 48;
    private static final int WIDTH = 192;
    private static final int VOTERS = 12;
    /** PaddleOCR's cls_thresh: a line counts as turned only when the classifier is this sure. */
    private static final float SURE = 0.9f;
    private static final float[] HALF = {0.5f, 0.5f, 0.5f};

    private final OcrModels models;

    OrientationClassifier(OcrModels models) {
        this.models = models;
    }

    boolean upsideDown(PageImage page, List<TextBox> boxes) throws OrtException {
        List<TextBox> voters = new ArrayList<>(boxes.stream().filter(b -> b.length() > 2 * b.thickness()).toList());
        voters.sort(Comparator.comparingDouble(TextBox::length).reversed());
        voters = voters.subList(0, Math.min(VOTERS, voters.size()));
        if (voters.isEmpty()) {
            return false;
        }
        int plane = WIDTH * HEIGHT;
        float[] input = new float[voters.size() * 3 * plane];
        for (int b = 0; b < voters.size(); b++) {
            TextBox box = middle(voters.get(b));
            int width = (int) Math.min(WIDTH, Math.ceil(HEIGHT * box.length() / Math.max(1, box.thickness())));
            page.sample(box, input, b * 3 * plane, width, HEIGHT, WIDTH, HALF, HALF);
        }
        int turned = 0;
        try (OnnxTensor tensor = OnnxTensor.createTensor(models.env, FloatBuffer.wrap(input), new long[]{voters.size(), 3, HEIGHT, WIDTH});
             OrtSession.Result result = models.classifier.run(Map.of("x", tensor))) {
            FloatBuffer p = ((OnnxTensor) result.get(0)).getFloatBuffer();
            for (int b = 0; b < voters.size(); b++) {
                if (p.get(b * 2 + 1) > SURE) {
                    turned++;
                }
            }
        }
        return turned * 2 > voters.size();
    }

    /** The middle of a long line, as long as the classifier's input is wide: squeezed whole, its glyphs are unreadable. */
    private static TextBox middle(TextBox box) {
        double share = Math.min(1, (double) WIDTH / HEIGHT * box.thickness() / box.length());
        double skip = (1 - share) / 2;
        return new TextBox(box.x0() + box.alongX() * skip, box.y0() + box.alongY() * skip, box.alongX() * share,
                box.alongY() * share, box.acrossX(), box.acrossY(), box.score());
    }
}
