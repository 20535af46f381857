package com.bulletiningest.split;

import java.util.List;

import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.ExpectedSplit;
import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The corpus bulletins split exactly as their expected.json says")
class CorpusSplitTest {

    private static final List<String> NOTICE_FIELDS = List.of("no", "issuer", "date", "source", "published", "page", "links", "body_links");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seed-000", "seed-001"})
    void splitMatchesExpectedJson(String name) {
        JsonNode expected = ExpectedSplit.parse(CorpusBulletin.resource(name + ".expected.json")).json();
        JsonNode actual = BulletinJson.tree(name + ".pdf", CorpusBulletin.split(name));
        SoftAssertions soft = new SoftAssertions();
        for (String field : List.of("source", "issued", "pages")) {
            soft.assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        JsonNode expectedSections = expected.get("sections");
        JsonNode actualSections = actual.get("sections");
        assertThat(actualSections.size()).as("sections").isEqualTo(expectedSections.size());
        int notices = 0;
        int matching = 0;
        for (int s = 0; s < expectedSections.size(); s++) {
            JsonNode es = expectedSections.get(s);
            JsonNode as = actualSections.get(s);
            String where = "section " + es.get("heading").asText();
            for (String field : List.of("category", "heading", "period", "signoff")) {
                soft.assertThat(as.get(field)).as(where + " " + field).isEqualTo(es.get(field));
            }
            JsonNode eg = es.get("groups");
            JsonNode ag = as.get("groups");
            soft.assertThat(labels(ag)).as(where + " group labels").isEqualTo(labels(eg));
            for (int g = 0; g < Math.min(eg.size(), ag.size()); g++) {
                JsonNode en = eg.get(g).get("notices");
                JsonNode an = ag.get(g).get("notices");
                String group = where + " / " + eg.get(g).get("label").asText();
                soft.assertThat(an.size()).as(group + " notice count").isEqualTo(en.size());
                for (int n = 0; n < en.size(); n++) {
                    notices++;
                    if (n < an.size() && noticeMatches(soft, group + " notice #" + (n + 1), en.get(n), an.get(n))) {
                        matching++;
                    }
                }
            }
        }
        soft.assertThat(matching).as("notices matching of " + notices).isEqualTo(notices);
        soft.assertAll();
    }

    private static boolean noticeMatches(SoftAssertions soft, String where, JsonNode expected, JsonNode actual) {
        int errors = soft.errorsCollected().size();
        soft.assertThat(squeeze(actual.get("title"))).as(where + " title").isEqualTo(squeeze(expected.get("title")));
        for (String field : NOTICE_FIELDS) {
            soft.assertThat(actual.get(field)).as(where + " " + field).isEqualTo(expected.get(field));
        }
        return soft.errorsCollected().size() == errors;
    }

    private static String squeeze(JsonNode text) {
        return text == null ? null : Texts.squeeze(text.asText());
    }

    private static List<String> labels(JsonNode groups) {
        return java.util.stream.StreamSupport.stream(groups.spliterator(), false).map(g -> g.get("label").asText()).toList();
    }
}
