package com.bulletiningest.app.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.bulletiningest.app.RunningService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The console bound beyond loopback: every page, API answer and the API's description need the admin password. */
@DisplayName("console beyond loopback")
class BeyondLoopbackTest {

    private static final String PASSWORD = "beyond-loopback-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final RunningService service = RunningService.withOwners(RunningService.OWNERS)
            .with("bulletin.http.bind-address", "0.0.0.0").with("bulletin.admin-password", PASSWORD);

    @Test
    @DisplayName("without the password: 401 for the search page, the notices and /api/openapi.json; with it: 200")
    void readsNeedThePassword() throws Exception {
        for (String path : new String[] {"/", "/api/notices?q=药", "/api/openapi.json"}) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path + " without password").isEqualTo(401);
            assertThat(anonymous.body()).as(path).doesNotContain(PASSWORD).doesNotContain("paths");
            assertThat(get(path, "wrong").statusCode()).as(path + " with a wrong password").isEqualTo(401);
            assertThat(get(path, PASSWORD).statusCode()).as(path + " with the password").isEqualTo(200);
        }
        assertThat(get("/api/openapi.json", PASSWORD).body()).contains("\"/api/notices\"");
    }

    private static HttpResponse<String> get(String path, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path.replace("药", "%E8%8D%AF")));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
