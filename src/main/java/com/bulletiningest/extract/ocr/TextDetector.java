package com.bulletiningest.extract.ocr;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * DB text detection: the model gives each pixel of a page image shrunk to about {@value #LONG_SIDE} px a probability of
 * lying inside a text line's core; each connected region of likely text becomes a rotated rectangle (its principal
 * axis from the region's second moments, so lines of a skewed page stay apart), grown back by DB's unclip distance.
 */
final class TextDetector {

    static final int LONG_SIDE = 960;
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};
    /** PaddleOCR's defaults: pixel threshold, mean region score, unclip ratio, minimum short side. */
    private static final float PIXEL_THRESHOLD = 0.3f;
    private static final float BOX_THRESHOLD = 0.5f;
    private static final double UNCLIP_RATIO = 1.6;
    private static final double MIN_SIDE = 3;
    /** A region this much longer than thick has a reliable principal axis; rounder ones are taken as upright. */
    private static final double ELONGATED = 2.5;

    private final OcrModels models;

    TextDetector(OcrModels models) {
        this.models = models;
    }

    List<TextBox> detect(PageImage page) throws OrtException {
        double scale = Math.min(1.0, (double) LONG_SIDE / Math.max(page.width, page.height));
        int w = Math.max(32, (int) Math.round(page.width * scale / 32) * 32);
        int h = Math.max(32, (int) Math.round(page.height * scale / 32) * 32);
        float[] input = new float[3 * w * h];
        page.sample(new TextBox(0, 0, page.width, 0, 0, page.height, 1), input, 0, w, h, w, MEAN, STD);
        float[] map;
        try (OnnxTensor tensor = OnnxTensor.createTensor(models.env, FloatBuffer.wrap(input), new long[]{1, 3, h, w});
             OrtSession.Result result = models.detector.run(Map.of("x", tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            map = new float[out.remaining()];
            out.get(map);
        }
        return boxes(map, w, h, (double) page.width / w, (double) page.height / h);
    }

    /** The regions of the probability map, in page-image pixels. */
    static List<TextBox> boxes(float[] map, int w, int h, double toPageX, double toPageY) {
        List<TextBox> boxes = new ArrayList<>();
        boolean[] seen = new boolean[map.length];
        int[] queue = new int[map.length];
        for (int start = 0; start < map.length; start++) {
            if (seen[start] || map[start] <= PIXEL_THRESHOLD) {
                continue;
            }
            int size = 0;
            queue[size++] = start;
            seen[start] = true;
            for (int head = 0; head < size; head++) {
                int p = queue[head];
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            int q = ny * w + nx;
                            if (!seen[q] && map[q] > PIXEL_THRESHOLD) {
                                seen[q] = true;
                                queue[size++] = q;
                            }
                        }
                    }
                }
            }
            TextBox box = region(map, queue, size, w, toPageX, toPageY);
            if (box != null) {
                boxes.add(box);
            }
        }
        return boxes;
    }

    private static TextBox region(float[] map, int[] pixels, int size, int w, double toPageX, double toPageY) {
        if (size < 4) {
            return null;
        }
        double sx = 0, sy = 0, score = 0;
        for (int i = 0; i < size; i++) {
            sx += pixels[i] % w + 0.5;
            sy += pixels[i] / w + 0.5;
            score += map[pixels[i]];
        }
        score /= size;
        if (score < BOX_THRESHOLD) {
            return null;
        }
        double mx = sx / size, my = sy / size;
        double cxx = 0, cyy = 0, cxy = 0;
        for (int i = 0; i < size; i++) {
            double dx = pixels[i] % w + 0.5 - mx;
            double dy = pixels[i] / w + 0.5 - my;
            cxx += dx * dx;
            cyy += dy * dy;
            cxy += dx * dy;
        }
        double angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
        double spread = Math.sqrt(Math.pow(cxx - cyy, 2) + 4 * cxy * cxy);
        double major = (cxx + cyy + spread) / 2;
        double minor = Math.max(1e-9, (cxx + cyy - spread) / 2);
        if (major / minor < ELONGATED * ELONGATED || Math.abs(angle) > Math.PI / 4) {
            angle = 0; // a character or a square blob: no direction of its own
        }
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            double dx = pixels[i] % w + 0.5 - mx;
            double dy = pixels[i] / w + 0.5 - my;
            double u = dx * cos + dy * sin;
            double v = -dx * sin + dy * cos;
            minU = Math.min(minU, u - 0.5);
            maxU = Math.max(maxU, u + 0.5);
            minV = Math.min(minV, v - 0.5);
            maxV = Math.max(maxV, v + 0.5);
        }
        double length = maxU - minU, thickness = maxV - minV;
        if (Math.min(length, thickness) < MIN_SIDE) {
            return null;
        }
        double grow = length * thickness * UNCLIP_RATIO / (2 * (length + thickness));
        minU -= grow;
        maxU += grow;
        minV -= grow;
        maxV += grow;
        double x0 = mx + minU * cos - minV * sin;
        double y0 = my + minU * sin + minV * cos;
        double ax = (maxU - minU) * cos, ay = (maxU - minU) * sin;
        double bx = -(maxV - minV) * sin, by = (maxV - minV) * cos;
        return new TextBox(x0 * toPageX, y0 * toPageY, ax * toPageX, ay * toPageY, bx * toPageX, by * toPageY, score);
    }
}
