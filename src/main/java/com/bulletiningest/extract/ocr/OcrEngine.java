package com.bulletiningest.extract.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.onnxruntime.OrtException;

/**
 * Reads the text of a page image with PaddleOCR's PP-OCRv4 models: detection, page orientation, recognition, then
 * the recognised boxes joined into visual lines of the deskewed page. The models are loaded at the first page read
 * (start-up does not pay for them) and shared by all threads.
 */
public final class OcrEngine {

    public static final String NAME = OcrModels.ENGINE;
    /** Boxes whose reading is less likely than this are noise (specks, stamps, halftone). */
    private static final float MIN_CONFIDENCE = 0.5f;
    /** Only boxes this much longer than thick say which way the page is skewed. */
    private static final double LINE_LIKE = 4;

    private volatile Models models;

    private record Models(OcrModels files, TextDetector detector, TextRecognizer recognizer, OrientationClassifier classifier) {
    }

    /**
     * @param deadline {@link System#nanoTime()} after which the page is given up
     * @throws IOException when the models cannot be loaded or run
     */
    public OcrPage read(BufferedImage image, long deadline) throws IOException, OcrTimeoutException {
        Models m = models();
        try {
            PageImage page = new PageImage(image);
            List<TextBox> boxes = m.detector.detect(page);
            boolean turned = m.classifier.upsideDown(page, boxes);
            if (turned) {
                page = new PageImage(turn(image));
                boxes = boxes.stream().map(b -> b.inTurnedImage(image.getWidth(), image.getHeight())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new OcrTimeoutException();
            }
            List<TextRecognizer.Reading> readings = new ArrayList<>();
            for (TextRecognizer.Reading r : m.recognizer.read(page, boxes, deadline)) {
                if (!r.text().isBlank() && r.confidence() >= MIN_CONFIDENCE) {
                    readings.add(r);
                }
            }
            double skew = skew(readings);
            return new OcrPage(LineAssembler.lines(page, readings, skew), turned, Math.toDegrees(skew));
        } catch (OrtException e) {
            throw new IOException("OCR failed: " + e.getMessage(), e);
        }
    }

    private Models models() throws IOException {
        Models m = models;
        if (m == null) {
            synchronized (this) {
                m = models;
                if (m == null) {
                    try {
                        OcrModels files = OcrModels.load();
                        m = new Models(files, new TextDetector(files), new TextRecognizer(files), new OrientationClassifier(files));
                    } catch (OrtException e) {
                        throw new IOException("OCR models cannot be loaded: " + e.getMessage(), e);
                    }
                    models = m;
                }
            }
        }
        return m;
    }

    /** The median direction of the line-like boxes. */
    private static double skew(List<TextRecognizer.Reading> readings) {
        List<Double> angles = new ArrayList<>();
        for (TextRecognizer.Reading r : readings) {
            if (r.box().length() > LINE_LIKE * r.box().thickness()) {
                angles.add(r.box().angle());
            }
        }
        if (angles.isEmpty()) {
            return 0;
        }
        angles.sort(Comparator.naturalOrder());
        return angles.get(angles.size() / 2);
    }

    private static BufferedImage turn(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        BufferedImage turned = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w / 2; x++) {
                int t = row[x];
                row[x] = row[w - 1 - x];
                row[w - 1 - x] = t;
            }
            turned.setRGB(0, h - 1 - y, w, 1, row, 0, w);
        }
        return turned;
    }
}
