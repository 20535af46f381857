package com.bulletiningest.app.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import com.bulletiningest.app.Eventually;
import com.bulletiningest.app.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API on the running service (embedded PostgreSQL and mail), with both corpus bulletins dropped in. */
@DisplayName("REST API of the console")
class WebApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "test-admin-password";

    @RegisterExtension
    static final RunningService service = RunningService.withOwners(RunningService.OWNERS)
            .with("bulletin.admin-password", PASSWORD).with("bulletin.public-url", "https://bulletins.example.org")
            .withIngested("seed-000.pdf", "seed-001.pdf");

    @Test
    @DisplayName("GET /api/notices?q=参比制剂 finds seed-000's pharma notice 4, the words marked in its title")
    void searchByChineseQuery() throws Exception {
        JsonNode results = json("/api/notices?q=" + encode("参比制剂"));

        assertThat(results.get("total").asInt()).isEqualTo(1);
        JsonNode notice = results.get("notices").get(0);
        assertThat(notice.get("issued").asText() + " " + notice.get("category").asText() + "/"
                + notice.get("group").asText() + " " + notice.get("no").asInt()).isEqualTo("2021-03-12 pharma/国家级 4");
        assertThat(notice.get("titleHtml").asText()).contains("<mark>参比制剂</mark>");
    }

    @Test
    @DisplayName("tag 天津 + deadline_after 2021-03-10: exactly tech/天津市 2, 4, 6, 7, 8 of seed-000")
    void tagAndDeadlineAfter() throws Exception {
        JsonNode results = json("/api/notices?tag=" + encode("天津") + "&deadline_after=2021-03-10&sort=issued&size=50");

        assertThat(results.get("notices").findValuesAsText("no")).containsExactly("2", "4", "6", "7", "8");
        assertThat(results.get("notices").findValuesAsText("group")).containsOnly("天津市");
        assertThat(results.get("notices").findValuesAsText("issued")).containsOnly("2021-03-12");
    }

    @Test
    @DisplayName("a one-character query works: 药 finds the pharma notices of both bulletins")
    void oneCharacterQuery() throws Exception {
        JsonNode results = json("/api/notices?q=" + encode("药") + "&category=pharma&size=50");

        assertThat(results.get("total").asInt()).isEqualTo(8);
        assertThat(results.get("notices").findValuesAsText("titleHtml")).allMatch(t -> t.contains("<mark>药</mark>"));
    }

    @Test
    @DisplayName("GET /api/notices/{id}: the notice with its deadlines, its bulletin with a PDF, and the digest that listed it")
    void noticeById() throws Exception {
        long id = json("/api/notices?q=" + encode("参比制剂")).get("notices").get(0).get("id").asLong();

        JsonNode detail = json("/api/notices/" + id);

        assertThat(detail.get("notice").get("title").asText()).contains("化学仿制药参比制剂目录");
        assertThat(detail.get("bulletin").get("originalName").asText()).isEqualTo("inbox/seed-000.pdf");
        assertThat(detail.get("bulletin").get("hasPdf").asBoolean()).isTrue();
        assertThat(detail.get("fields").has("deadlines")).isTrue();
        service.awaitMail("pharma@example.com", 2);
        assertThat(json("/api/notices/" + id).get("digests").findValuesAsText("recipient"))
                .containsExactly("pharma@example.com");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/bulletins/"
                + detail.get("bulletin").get("id").asLong() + "/pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    @DisplayName("GET /api/bulletins counts the notices read by OCR (none in a born-digital bulletin); GET /api/ocr-progress "
            + "lists nothing while no scan is being read")
    void scanMarksAndOcrProgress() throws Exception {
        JsonNode bulletins = json("/api/bulletins");

        assertThat(bulletins.findValuesAsText("originalName")).contains("inbox/seed-000.pdf", "inbox/seed-001.pdf");
        assertThat(bulletins.findValues("scannedNotices")).extracting(JsonNode::asInt).containsOnly(0);
        assertThat(bulletins.findValues("notices")).extracting(JsonNode::asInt).allMatch(n -> n > 0);
        assertThat(json("/api/ocr-progress").isArray()).isTrue();
        assertThat(json("/api/ocr-progress")).isEmpty();
    }

    @Test
    @DisplayName("errors say what was wrong: unknown notice 404, a bad date 400, as JSON")
    void errors() throws Exception {
        HttpResponse<String> missing = get("/api/notices/999999");
        HttpResponse<String> badDate = get("/api/notices?deadline_after=tomorrow");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no notice #999999");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(badDate.body()).get("error").asText())
                .isEqualTo("deadline_after must be a date like 2021-03-12, not 'tomorrow'");
    }

    @Test
    @DisplayName("pages are served as UTF-8 with their Chinese intact")
    void pagesAreUtf8() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(page.body()).contains("周报与失败", "<script src=\"/assets/console.js\">");
    }

    @Test
    @DisplayName("a damaged PDF is listed with its reason; Retry needs the admin password, then puts it back and it is taken again")
    void retrySetAsideFile() throws Exception {
        byte[] pdf = Files.readAllBytes(RunningService.CORPUS.resolve("seed-001.pdf"));
        Files.write(service.inbox().resolve(".late.pdf.part"), Arrays.copyOf(pdf, pdf.length / 2));
        Files.move(service.inbox().resolve(".late.pdf.part"), service.inbox().resolve("late.pdf"));
        Path setAside = service.inbox().resolve(".failed/late.pdf");
        Eventually.within(RunningService.PATIENCE, "late.pdf set aside", () -> Files.exists(setAside));

        JsonNode failures = json("/api/failures");
        assertThat(failures.get("files").findValuesAsText("name")).contains("late.pdf");
        assertThat(failures.get("files").findValuesAsText("reason")).anyMatch(r -> r.startsWith("damaged PDF"));

        assertThat(post("/api/failures/files/late.pdf/retry", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/failures/files/late.pdf/retry", "wrong").statusCode()).isEqualTo(401);
        assertThat(post("/api/failures/files/..%2Fseed-000.pdf/retry", PASSWORD).statusCode()).isEqualTo(404);
        assertThat(Files.exists(setAside)).isTrue();

        Files.write(setAside, pdf); // the admin replaced the damaged copy
        HttpResponse<String> retried = post("/api/failures/files/late.pdf/retry", PASSWORD);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        service.awaitDone("late.pdf");
        assertThat(Files.exists(service.inbox().resolve(".failed/late.pdf.reason.txt"))).isFalse();
        assertThat(json("/api/failures").get("files").findValuesAsText("name")).doesNotContain("late.pdf");
    }

    @Test
    @DisplayName("Resend now (admin) on a digest the mail server refused for good: queued again and delivered once "
            + "more; on an unknown digest: 404")
    void resendFailedDigest() throws Exception {
        String owner = "ip-tech@example.com";
        long id = firstDigestDelivered(owner);
        int delivered = service.subjects(owner).size();
        // as the sender leaves a digest after a 550 reply (SmtpRefusalTest proves that against a real server)
        assertThat(service.count("with failed as (update outbox set sent_at = null, failed_at = now(), "
                + "last_error = '550 5.1.1 mailbox unavailable' where id = " + id + " returning id) "
                + "select count(*) from failed")).isEqualTo(1);
        assertThat(json("/api/digests").findValuesAsText("status")).contains("failed");

        assertThat(post("/api/digests/" + id + "/resend", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/digests/999999/resend", PASSWORD).statusCode()).isEqualTo(404);
        HttpResponse<String> resent = post("/api/digests/" + id + "/resend", PASSWORD);

        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(resent.body()).contains("queued again after its refusal");
        service.awaitMail(owner, delivered + 1);
        RunningService.settle();
        assertThat(service.subjects(owner)).hasSize(delivered + 1);
        assertThat(service.strings("select failed_at is null and sent_at is not null from outbox where id = " + id))
                .containsExactly("t");
    }

    @Test
    @DisplayName("Resend now (admin) on a sent digest: it arrives once more with the same Message-ID and content, and "
            + "the digest list shows it was resent")
    void resendSentDigest() throws Exception {
        String owner = "tech@example.com";
        long id = firstDigestDelivered(owner);
        String messageId = service.strings("select message_id from outbox where id = " + id).get(0);
        int delivered = service.subjects(owner).size();
        String body = service.plainBodies(owner).get(service.messageIds(owner).indexOf(messageId));

        HttpResponse<String> resent = post("/api/digests/" + id + "/resend", PASSWORD);

        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(resent.body()).contains("queued to be sent once more, with the same Message-ID");
        service.awaitMail(owner, delivered + 1);
        RunningService.settle();
        assertThat(service.messageIds(owner)).hasSize(delivered + 1).filteredOn(messageId::equals).hasSize(2);
        assertThat(service.plainBodies(owner).get(service.messageIds(owner).lastIndexOf(messageId))).isEqualTo(body);
        JsonNode digest = json("/api/digests").findParents("id").stream().filter(d -> d.get("id").asLong() == id)
                .findFirst().orElseThrow();
        assertThat(digest.get("status").asText()).isEqualTo("sent");
        assertThat(digest.get("resentAt").isNull()).isFalse();
    }

    @Test
    @DisplayName("with bulletin.public-url set, a received digest links each notice to its page (HTML and plain text)")
    void digestLinksToNoticePages() throws Exception {
        long id = json("/api/notices?q=" + encode("参比制剂")).get("notices").get(0).get("id").asLong();
        String page = "https://bulletins.example.org/notices/" + id;

        service.awaitMail("pharma@example.com", 1);

        assertThat(service.plainBodies("pharma@example.com")).anyMatch(text -> text.contains("在归档中查看 " + page + "\n"));
        assertThat(service.htmlBodies("pharma@example.com"))
                .anyMatch(text -> text.contains("<a href=\"" + page + "\">在归档中查看</a>"));
    }

    /** The id of the owner's first digest, once all of the owner's digests were sent and have arrived. */
    private static long firstDigestDelivered(String owner) throws Exception {
        String digests = "from outbox where recipient = '" + owner + "'";
        Eventually.within(RunningService.PATIENCE, owner + "'s digests sent",
                () -> service.count("select count(*) " + digests + " and sent_at is null") == 0);
        service.awaitMail(owner, (int) service.count("select count(*) " + digests));
        return service.count("select min(id) " + digests);
    }

    private static HttpResponse<String> post(String path, String password) throws Exception {
        return post(service, path, password);
    }

    /** A POST without body, with the admin password as HTTP Basic unless it is null. */
    static HttpResponse<String> post(RunningService service, String path, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(service, path);
    }

    static HttpResponse<String> get(RunningService service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
