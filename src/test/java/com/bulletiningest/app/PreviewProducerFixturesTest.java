package com.bulletiningest.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.bulletiningest.fixtures.ExpectedSplit;
import com.bulletiningest.fixtures.ProducerFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees when trying preview on a bulletin exported by Chromium or LibreOffice: the corpus outline. */
@DisplayName("preview on PDFs from real producers")
class PreviewProducerFixturesTest {

    @TempDir
    Path dir;

    static java.util.List<String> fixtures() {
        return ProducerFixtures.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void printsTheOutlineOfTheCorpusBulletin(String fixture) throws Exception {
        Path pdf = Files.write(dir.resolve(fixture + ".pdf"), ProducerFixtures.resource(fixture + ".pdf"));
        ExpectedSplit split = ExpectedSplit.parse(ProducerFixtures.resource(fixture + ".expected.json"));
        JsonNode expected = split.json();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new PreviewCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run("--no-keywords", pdf.toString());

        String outline = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(outline).startsWith(fixture + ".pdf: " + expected.get("pages").asInt() + " pages, issued "
                + expected.get("issued").asText() + ", " + expected.get("sections").size() + " sections, "
                + split.notices().size() + " notices");
        // sections, groups and notices in print order, each title with the page it is printed on
        String squeezed = outline.replaceAll("\\s+", "");
        int at = 0;
        for (JsonNode section : expected.get("sections")) {
            at = after(squeezed, section.get("heading").asText() + "[" + section.get("category").asText() + "]", at);
            for (JsonNode group : section.get("groups")) {
                at = after(squeezed, group.get("label").asText(), at);
                for (JsonNode notice : group.get("notices")) {
                    at = after(squeezed, notice.get("no").asInt() + "." + notice.get("title").asText() + "(p."
                            + notice.get("page").asInt(), at);
                }
            }
        }
    }

    private static int after(String outline, String wanted, int from) {
        String squeezed = wanted.replaceAll("\\s+", "");
        int found = outline.indexOf(squeezed, from);
        assertThat(found).as("outline shows %s after offset %d", wanted, from).isGreaterThanOrEqualTo(0);
        return found + squeezed.length();
    }
}
