package com.bulletiningest.app.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.bulletiningest.app.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules API on the running service (embedded PostgreSQL and mail) with seed-000 ingested under config/tags.yaml. */
@DisplayName("rules API of the console: the rules in force and the dry run of an edit")
class RulesApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "rules-admin-password";
    private static final Path TAGS = Path.of("config/tags.yaml");
    /** The 天津 rule of config/tags.yaml, which the edits below take out. */
    private static final String TIANJIN_RULE = "  - tag: 天津\n    any: [天津]\n    in: [group, issuer, title]\n";
    @RegisterExtension
    static final RunningService service = RunningService.withOwners(RunningService.OWNERS)
            .with("bulletin.admin-password", PASSWORD).withCopy("bulletin.tags-file", TAGS)
            .withIngested("seed-000.pdf");

    @Test
    @DisplayName("GET /api/rules: the rules of tags.yaml in file order, each with the notices carrying its tag, and the file's text")
    void rulesInForce() throws Exception {
        JsonNode answer = rules();

        assertThat(answer.get("text").asText()).isEqualTo(Files.readString(TAGS));
        assertThat(answer.get("error").isNull()).isTrue();
        JsonNode rules = answer.get("rules");
        assertThat(rules.findValuesAsText("tag")).startsWith("征求意见", "申报", "公示").endsWith("全国", "全国", "有截止日期");
        JsonNode tianjin = rule(rules, "天津");
        assertThat(tianjin.get("kind").asText()).isEqualTo("any");
        assertThat(texts(tianjin.get("terms"))).containsExactly("天津");
        assertThat(texts(tianjin.get("in"))).containsExactly("title", "group", "issuer"); // in TagField order
        assertThat(tianjin.get("notices").asLong()).isEqualTo(carrying("天津")).isGreaterThan(5);
        assertThat(rule(rules, "科技型中小企业").get("threshold").asDouble()).isEqualTo(0.75);
        assertThat(rule(rules, "有截止日期").get("notices").asLong()).isEqualTo(carrying("有截止日期")).isPositive();
    }

    @Test
    @DisplayName("a broken edit of tags.yaml is shown with its line and reason, beside the rules still in force")
    void brokenFile() throws Exception {
        Path file = Path.of(service.properties.get("bulletin.tags-file"));
        String working = Files.readString(file);
        int inForce = rules().get("rules").size();
        String broken = working.replace("    any: [征求意见, 意见稿, 公开征求]\n", "    any: [征求意见, 意见稿, 公开征求]\n"
                + "    regex: \"(\"\n");
        try {
            Files.writeString(file, broken);

            JsonNode answer = rules();

            assertThat(answer.get("error").asText()).isEqualTo(file + " line 18: rule '征求意见' needs exactly one of "
                    + "any, all, exact, regex, fuzzy, found any, regex");
            assertThat(answer.get("text").asText()).isEqualTo(broken);
            assertThat(answer.get("rules")).hasSize(inForce);
        } finally {
            Files.writeString(file, working);
        }
        assertThat(rules().get("error").isNull()).isTrue();
    }

    @Test
    @DisplayName("POST /api/rules/dry-run: without the 天津 rule every notice tagged 天津 loses it, a new 参比制剂 rule "
            + "gains its one notice; nothing is saved")
    void dryRun() throws Exception {
        long ruleTags = service.count("select count(*) from notice_tag where kind = 'rule'");
        String edited = Files.readString(TAGS).replace(TIANJIN_RULE, "  - tag: 参比制剂\n    any: [参比制剂]\n");
        assertThat(edited).isNotEqualTo(Files.readString(TAGS));

        JsonNode result = json(dryRun(edited, PASSWORD));

        long reference = json(HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/notices?q="
                + URLEncoder.encode("参比制剂", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))).get("notices").get(0).get("id").asLong();
        JsonNode changes = result.get("changes");
        assertThat(result.get("notices").asLong()).isEqualTo(service.count(
                "select count(*) from notice where repeat_of is null"));
        assertThat(result.get("complete").asBoolean()).isTrue();
        List<JsonNode> gained = filter(changes, "GAINED");
        assertThat(gained).hasSize(1);
        assertThat(gained.get(0).get("noticeId").asLong()).isEqualTo(reference);
        assertThat(gained.get(0).get("tag").asText()).isEqualTo("参比制剂");
        assertThat(gained.get(0).get("title").asText()).isEqualTo("关于发布《化学仿制药参比制剂目录（第四十一批）》的公示");
        List<JsonNode> lost = filter(changes, "LOST");
        assertThat(lost).hasSize((int) carrying("天津")).allSatisfy(c -> assertThat(c.get("tag").asText()).isEqualTo("天津"));
        assertThat(lost.stream().map(c -> c.get("noticeId").asText()).toList()).containsExactlyInAnyOrderElementsOf(
                service.strings("select notice_id from notice_tag where tag = '天津' and kind = 'rule'"));
        assertThat(result.get("totals").findValuesAsText("tag")).containsExactly("参比制剂", "天津");
        assertThat(service.count("select count(*) from notice_tag where kind = 'rule'")).isEqualTo(ruleTags);
        assertThat(service.count("select count(*) from notice_tag where tag = '参比制剂'")).isZero();
    }

    @Test
    @DisplayName("the unedited rules change nothing")
    void unchangedRules() throws Exception {
        JsonNode result = json(dryRun(Files.readString(TAGS), PASSWORD));

        assertThat(result.get("changes")).isEmpty();
        assertThat(result.get("notices").asLong()).isPositive();
    }

    @Test
    @DisplayName("a broken text is a 400 naming the line and the mistake; the dry run needs the admin password")
    void refusals() throws Exception {
        HttpResponse<String> badRegex = dryRun("rules:\n  - tag: 坏\n    regex: \"(未闭合\"\n", PASSWORD);
        HttpResponse<String> badYaml = dryRun("rules:\n  - tag: 坏\n   any: [x\n", PASSWORD);
        HttpResponse<String> twoKinds = dryRun("rules:\n  - tag: 两种\n    any: [a]\n    exact: b\n", PASSWORD);

        assertThat(badRegex.statusCode()).isEqualTo(400);
        assertThat(error(badRegex)).startsWith("the edited rules line 3: invalid regex: Unclosed group");
        assertThat(badYaml.statusCode()).isEqualTo(400);
        assertThat(error(badYaml)).startsWith("the edited rules line ");
        assertThat(error(twoKinds)).isEqualTo("the edited rules line 2: rule '两种' needs exactly one of any, all, "
                + "exact, regex, fuzzy, found any, exact");
        assertThat(dryRun("", PASSWORD).statusCode()).isEqualTo(400);
        assertThat(dryRun(Files.readString(TAGS), null).statusCode()).isEqualTo(401);
        assertThat(dryRun(Files.readString(TAGS), "wrong").statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> dryRun(String rules, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + "/api/rules/dry-run"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(rules, StandardCharsets.UTF_8));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode rules() throws Exception {
        return json(HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/rules")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private static long carrying(String tag) throws Exception {
        return service.count("select count(*) from notice_tag t join notice n on n.id = t.notice_id where t.tag = '"
                + tag + "' and t.kind = 'rule' and n.repeat_of is null");
    }

    private static JsonNode rule(JsonNode rules, String tag) {
        for (JsonNode rule : rules) {
            if (rule.get("tag").asText().equals(tag)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + tag);
    }

    private static List<JsonNode> filter(JsonNode changes, String change) {
        List<JsonNode> found = new ArrayList<>();
        changes.forEach(c -> {
            if (c.get("change").asText().equals(change)) {
                found.add(c);
            }
        });
        return found;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body()).get("error").asText();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
