package com.bulletiningest.split;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The corpus bulletins of src/test/resources/corpus, read once per test class that asks. */
final class Corpus {

    private Corpus() {
    }

    static byte[] pdf(String name) {
        return resource(name + ".pdf");
    }

    static JsonNode expected(String name) {
        try {
            return new ObjectMapper().readTree(resource(name + ".expected.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Bulletin split(String name) {
        try {
            return new BulletinReader(Categories.defaults()).read(pdf(name));
        } catch (UnreadableBulletinException e) {
            throw new AssertionError(name + " should split: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
