package com.bulletiningest.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Notice bodies cut from a corpus bulletin's text (CORPUS.md format): lines {@code from}–{@code to} joined into
 * paragraphs the way the splitter joins them, link lines dropped. Lets the extractor be specified line by line.
 */
final class CorpusText {

    private CorpusText() {
    }

    static String body(String file, int from, int to) {
        List<String> lines = lines(file).subList(from - 1, to);
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("http") || line.startsWith("javascript:")) {
                continue;
            }
            body.append(line.strip());
            if (line.endsWith(" ")) {
                body.append('\n');
            }
        }
        return body.toString().strip();
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of("src/test/resources/corpus", file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
