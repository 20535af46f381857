package com.bulletiningest.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.bulletiningest.notify.ChannelOutbox.Pending;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the channel messages queued in the {@link ChannelOutbox}, signed the way each platform checks: DingTalk
 * ({@code timestamp} and {@code sign} query parameters), Feishu ({@code timestamp} and {@code sign} in the body), a web
 * hook ({@code X-Bulletin-Signature-256: sha256=<HMAC of the body>}); WeCom carries its key in the URL.
 * <p>
 * Like the mail digests, a message is claimed ({@link QueuedMessages#claim}: committed {@code sending}, then its row
 * locked) while it is posted, and its outcome recorded in that transaction, so no two senders (threads or instances)
 * post it. Unlike a mail, a robot's message has no identity a platform could recognise a copy by, so a message whose
 * sender died while posting it (the robot may or may not have it) is not posted again by itself: it becomes
 * {@code unknown} (at most once), with one WARN line, until an admin checks the group and resends it.
 * <p>
 * No answer, a timeout, 429, 5xx or a robot's "too fast"/"busy" code keep it queued with back-off (5 s, 10 s … 10 min);
 * any other refusal (also HTTP 200 with an error code) marks it failed with the platform's answer, one ERROR line,
 * until Resend now. A robot takes about 20 messages a minute (Feishu: 100, and 5 a second; {@link ChannelType}): what
 * would exceed that waits in the queue for a later run, untouched. The signing secret is read from its environment
 * variable when the message is posted; neither it nor the robot's key in the URL is ever logged.
 */
public final class ChannelSender {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSender.class);
    private static final int BATCH = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChannelOutbox outbox;
    private final UnaryOperator<String> environment;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param environment the environment variables by name ({@code System::getenv}) where the secrets are
     */
    public ChannelSender(ChannelOutbox outbox, UnaryOperator<String> environment, Clock clock) {
        this(outbox, environment, clock, TIMEOUT);
    }

    /** @param timeout how long a platform may take to answer before the message is tried again later */
    ChannelSender(ChannelOutbox outbox, UnaryOperator<String> environment, Clock clock, Duration timeout) {
        this.outbox = outbox;
        this.environment = environment;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Posts the messages that are due; returns how many the platforms took. */
    public int sendPending() {
        for (long id : outbox.leaveAbandonedUnknown()) {
            LOG.warn("Channel message #{} left unknown: the service stopped while posting it, before the robot's answer "
                    + "was recorded, so it may be in the group already. Not posted again by itself: check the group, "
                    + "then Resend now on the Digests page if it is missing", id);
        }
        int sent = 0;
        for (Pending message : outbox.due(BATCH)) {
            if (send(message)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Pending message) {
        Optional<QueuedMessages.Claim> claim = outbox.claim(message.id(), message.channel());
        if (claim.isEmpty()) {
            return false; // sent or postponed meanwhile, another sender has it, or its robot is at its limit: it waits
        }
        try (QueuedMessages.Claim held = claim.get()) {
            RobotAnswer answer = post(message.channel(), message.body());
            if (answer.outcome() == RobotAnswer.Outcome.TAKEN) {
                held.markSent();
                return true;
            }
            notTaken(held, message, answer);
            return false;
        }
    }

    private RobotAnswer post(Channel channel, String body) {
        String secret = null;
        if (channel.secretEnv() != null) {
            secret = environment.apply(channel.secretEnv());
            if (secret == null || secret.isEmpty()) {
                return new RobotAnswer(RobotAnswer.Outcome.RETRY, "the environment variable " + channel.secretEnv()
                        + " (the channel's signing secret) is not set");
            }
        }
        String url = channel.url();
        String json = body;
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8");
        if (secret != null) {
            switch (channel.type()) {
                case DINGTALK -> {
                    long now = clock.millis();
                    url += (url.contains("?") ? "&" : "?") + "timestamp=" + now + "&sign="
                            + URLEncoder.encode(RobotSignatures.dingtalk(secret, now), StandardCharsets.UTF_8);
                }
                case FEISHU -> json = feishuSigned(body, secret, clock.millis() / 1000);
                case WEBHOOK -> request.header("X-Bulletin-Signature-256",
                        RobotSignatures.webhook(secret, body.getBytes(StandardCharsets.UTF_8)));
                case WECOM -> { } // WeCom robots are not signed: the key in the URL is the credential
            }
        }
        try {
            HttpResponse<String> response = http.send(request.uri(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return RobotAnswer.of(channel.type(), response.statusCode(), response.body());
        } catch (IOException e) {
            return RobotAnswer.none(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RobotAnswer.none(e);
        }
    }

    private static String feishuSigned(String body, String secret, long seconds) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(body);
            root.put("timestamp", String.valueOf(seconds));
            root.put("sign", RobotSignatures.feishu(secret, seconds));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a queued Feishu message is not JSON", e);
        }
    }

    private static void notTaken(QueuedMessages.Claim held, Pending message, RobotAnswer answer) {
        if (answer.outcome() == RobotAnswer.Outcome.REFUSED) {
            held.fail(answer.text());
            LOG.error("Channel message #{} to {} refused, not retried (resend it once fixed): {}", message.id(),
                    message.channel(), answer.text());
            return;
        }
        int attempts = held.postpone(answer.text());
        LOG.warn("Channel message #{} to {} not taken (attempt {}), will retry: {}", message.id(), message.channel(),
                attempts, answer.text());
    }
}
