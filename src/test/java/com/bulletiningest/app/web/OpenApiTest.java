package com.bulletiningest.app.web;

import com.bulletiningest.app.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document of the running service's REST API, generated from routes/web.yaml. */
@DisplayName("OpenAPI document of the REST API")
class OpenApiTest {

    @RegisterExtension
    static final RunningService service = RunningService.withOwners(RunningService.OWNERS);

    @Test
    @DisplayName("GET /api/openapi.json: OpenAPI 3 listing every API path, /api/notices with its query parameters")
    void describesTheApi() throws Exception {
        var response = WebApiTest.get(service, "/api/openapi.json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode document = new ObjectMapper().readTree(response.body());
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.get("info").get("title").asText()).isEqualTo("bulletin-ingest console API");
        assertThat(document.get("servers").findValuesAsText("url")).containsExactly(service.url());
        JsonNode paths = document.get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/notices", "/api/notices/{id}", "/api/facets",
                "/api/deadlines", "/api/bulletins", "/api/ocr-progress", "/api/bulletins/{id}/pdf", "/api/digests", "/api/failures",
                "/api/failures/files/{name}/retry", "/api/failures/mails/{messageId}/retry",
                "/api/digests/{id}/resend", "/api/rules", "/api/rules/dry-run");
        assertThat(paths.get("/api/notices").get("get").get("parameters").findValuesAsText("name")).containsExactly(
                "q", "category", "group", "tag", "issuer", "issued_from", "issued_to", "has_deadline",
                "deadline_after", "deadline_before", "sort", "page", "size");
        assertThat(paths.get("/api/notices").get("get").get("parameters").findValuesAsText("in")).containsOnly("query");
        assertThat(paths.get("/api/notices").get("get").get("parameters").findValuesAsText("required"))
                .containsOnly("false");
        assertThat(paths.get("/api/rules/dry-run").get("post").get("summary").asText()).contains("nothing is saved");
        assertThat(paths.get("/api/notices/{id}").get("get").get("parameters").findValuesAsText("in"))
                .containsExactly("path");
    }
}
