package com.bulletiningest.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.notify.ChannelType;
import com.bulletiningest.notify.LoopbackRobots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service killed with SIGKILL (the JVM and its PostgreSQL) after a WeCom group robot took its message but before
 * the service learnt it, then started again on the same data: the message is not posted a second time by itself
 * (a robot has no way to recognise a copy), it is shown as {@code unknown} with the reason, and Resend now posts it.
 */
@DisplayName("channel message, service killed while the robot had it")
class ChannelDeliveryCrashIT {

    private static final String PASSWORD = "crash-admin-password";

    @TempDir
    Path home;

    private LoopbackRobots robots;
    private ServiceProcess service;

    @BeforeEach
    void create() throws Exception {
        robots = new LoopbackRobots();
        service = new ServiceProcess(home, """
                owners:
                  - name: 医药群
                    categories: [pharma]
                    channels:
                      - type: wecom
                        url: %s
                """.formatted(robots.url(ChannelType.WECOM)));
        service.properties.put("bulletin.keywords.enabled", "false");
        service.properties.put("bulletin.admin-password", PASSWORD);
    }

    @AfterEach
    void close() throws Exception {
        robots.answerHeld();
        service.close();
        robots.close();
    }

    @Test
    @DisplayName("killed between the robot's taking the message and the commit: after the restart it is unknown, "
            + "posted once in all, with a WARN; Resend now posts it once more")
    void killedWhileTheRobotHadIt() throws Exception {
        robots.holdAnswers();
        service.start();
        service.drop(CorpusBulletin.load("seed-000").pdf(), "seed-000.pdf");
        Eventually.within(ServiceProcess.PATIENCE, "the robot has the message",
                () -> robots.received(ChannelType.WECOM).size() == 1);
        service.kill9();
        robots.answerHeld();

        service.start();
        service.awaitLog("Channel message #1 left unknown");
        Thread.sleep(3000); // six more runs of the sender (every 500 ms): none posts it
        assertThat(robots.received(ChannelType.WECOM)).as("posts to the robot").hasSize(1);
        assertThat(strings("select state || ' ' || attempts || ' ' || last_error from (select *, case "
                + "when sent_at is not null then 'sent' when unknown_at is not null then 'unknown' else 'other' end "
                + "as state from channel_delivery) d")).singleElement().asString()
                .startsWith("unknown 1 the service stopped while posting it");
        assertThat(service.awaitLog("left unknown")).contains("Resend now");

        HttpResponse<String> resend = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + service.properties.get("bulletin.http.port") + "/api/channel-messages/1/resend"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resend.statusCode()).as(resend.body()).isEqualTo(200);
        assertThat(resend.body()).contains("although it may have arrived before");
        Eventually.within(Duration.ofSeconds(30), "posted again once resent",
                () -> robots.received(ChannelType.WECOM).size() == 2);
        Eventually.within(Duration.ofSeconds(30), "marked sent",
                () -> strings("select count(*) from channel_delivery where sent_at is not null").equals(List.of("1")));
        assertThat(robots.received(ChannelType.WECOM).get(1).body())
                .isEqualTo(robots.received(ChannelType.WECOM).get(0).body());
    }

    private List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(service.database(), sql);
    }
}
