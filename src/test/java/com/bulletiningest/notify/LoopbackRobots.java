package com.bulletiningest.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A DingTalk, a WeCom and a Feishu group robot and a web hook receiver on loopback (JDK HTTP server, a free port),
 * each checking what the real one checks and answering the way it does: HTTP 200 with an error code in the body for
 * a wrong token or key, a bad signature, a timestamp outside the hour, a body of the wrong shape or too large, more
 * than 20 messages a minute (DingTalk); the web hook answers 401 to a wrong signature. What each accepted is kept.
 * {@link #answerNext} makes the next requests fail on purpose (429, 503, no answer in time: nothing is posted).
 */
public final class LoopbackRobots implements AutoCloseable {

    public static final String DINGTALK_TOKEN = "dt-token-1";
    public static final String WECOM_KEY = "wecom-key-1";
    public static final String FEISHU_HOOK = "feishu-hook-1";
    private static final long ONE_HOUR_MS = 3_600_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message a robot accepted: the JSON body as posted, with the query string it came with. */
    public record Received(ChannelType type, JsonNode body, String query, Map<String, String> headers, int bytes) {
    }

    /** A forced answer: the status and body, or a delay before answering normally. */
    public record Forced(int status, String body, Duration delay) {
    }

    private final HttpServer server;
    private final Map<ChannelType, String> secrets = new HashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Forced> forced = new ConcurrentLinkedDeque<>();
    private final Deque<Instant> dingtalkTimes = new ConcurrentLinkedDeque<>();
    private final Deque<Instant> feishuTimes = new ConcurrentLinkedDeque<>();
    private volatile CountDownLatch held = new CountDownLatch(0);

    public LoopbackRobots() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/robot/send", e -> handle(e, ChannelType.DINGTALK));
        server.createContext("/cgi-bin/webhook/send", e -> handle(e, ChannelType.WECOM));
        server.createContext("/open-apis/bot/v2/hook/", e -> handle(e, ChannelType.FEISHU));
        server.createContext("/hooks/bulletins", e -> handle(e, ChannelType.WEBHOOK));
        server.start();
    }

    /** The robot of this type checks signatures with this secret. */
    public LoopbackRobots secret(ChannelType type, String secret) {
        secrets.put(type, secret);
        return this;
    }

    public String url(ChannelType type) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return switch (type) {
            case DINGTALK -> base + "/robot/send?access_token=" + DINGTALK_TOKEN;
            case WECOM -> base + "/cgi-bin/webhook/send?key=" + WECOM_KEY;
            case FEISHU -> base + "/open-apis/bot/v2/hook/" + FEISHU_HOOK;
            case WEBHOOK -> base + "/hooks/bulletins";
        };
    }

    public void answerNext(Forced... answers) {
        forced.addAll(List.of(answers));
    }

    /**
     * From now on a robot takes a message (it counts in {@link #received()}) but holds its answer back until
     * {@link #answerHeld()}: the window in which a sender that dies never learns that the message was taken.
     */
    public void holdAnswers() {
        held = new CountDownLatch(1);
    }

    /** Answers the held messages, and the next ones at once again. */
    public void answerHeld() {
        held.countDown();
    }

    /** Lets the robots' minute pass, as the test moves the sender's past posts a minute back. */
    public void minutePassed() {
        dingtalkTimes.clear();
        feishuTimes.clear();
    }

    /** The messages accepted, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(ChannelType type) {
        return received().stream().filter(r -> r.type() == type).toList();
    }

    /** The answers refusing a message, as sent. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void handle(HttpExchange exchange, ChannelType type) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        Forced next = forced.poll();
        if (next != null && next.delay() != null) {
            sleep(next.delay()); // a robot that hangs: by the time it answers, the sender has given up
            answer(exchange, 504, "Gateway Timeout");
            return;
        }
        if (next != null) {
            answer(exchange, next.status(), next.body());
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String refusal;
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
            refusal = switch (type) {
                case DINGTALK -> dingtalk(query, body, bytes.length);
                case WECOM -> wecom(query, body);
                case FEISHU -> feishu(exchange.getRequestURI().getPath(), body, bytes.length);
                case WEBHOOK -> webhook(exchange.getRequestHeaders().getFirst("X-Bulletin-Signature-256"), bytes);
            };
        } catch (IOException e) {
            body = null;
            refusal = type == ChannelType.FEISHU ? "{\"code\":9499,\"msg\":\"Bad Request\"}"
                    : "{\"errcode\":40001,\"errmsg\":\"invalid json\"}";
        }
        if (refusal != null) {
            refusals.add(refusal);
            answer(exchange, type == ChannelType.WEBHOOK ? 401 : 200, refusal);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        received.add(new Received(type, body, exchange.getRequestURI().getRawQuery(), headers, bytes.length));
        awaitAnswer();
        answer(exchange, 200, switch (type) {
            case DINGTALK, WECOM -> "{\"errcode\":0,\"errmsg\":\"ok\"}";
            case FEISHU -> "{\"code\":0,\"msg\":\"success\",\"data\":{}}";
            case WEBHOOK -> "";
        });
    }

    /** As DingTalk: token, then signature and timestamp (within an hour), body shape, 20 messages a minute. */
    private String dingtalk(Map<String, String> query, JsonNode body, int size) {
        if (!DINGTALK_TOKEN.equals(query.get("access_token"))) {
            return "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}";
        }
        String secret = secrets.get(ChannelType.DINGTALK);
        if (secret != null) {
            String timestamp = query.get("timestamp");
            if (timestamp == null || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > ONE_HOUR_MS) {
                return "{\"errcode\":310000,\"errmsg\":\"timestamp is not within one hour\"}";
            }
            if (!base64Hmac(secret, timestamp + "\n" + secret).equals(query.get("sign"))) {
                return "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
            }
        }
        if (!"markdown".equals(body.path("msgtype").asText()) || body.path("markdown").path("title").asText().isEmpty()
                || body.path("markdown").path("text").asText().isEmpty()) {
            return "{\"errcode\":40035,\"errmsg\":\"缺少参数 markdown\"}";
        }
        if (size > 20_000) {
            return "{\"errcode\":460101,\"errmsg\":\"message too long\"}";
        }
        Instant now = Instant.now();
        dingtalkTimes.removeIf(t -> t.isBefore(now.minusSeconds(60)));
        if (dingtalkTimes.size() >= 20) {
            return "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}";
        }
        dingtalkTimes.add(now);
        return null;
    }

    /** As WeCom: the key, body shape, markdown content at most 4096 bytes. */
    private static String wecom(Map<String, String> query, JsonNode body) {
        if (!WECOM_KEY.equals(query.get("key"))) {
            return "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
        }
        String content = body.path("markdown").path("content").asText();
        if (!"markdown".equals(body.path("msgtype").asText()) || content.isEmpty()) {
            return "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}";
        }
        if (content.getBytes(StandardCharsets.UTF_8).length > 4096) {
            return "{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096\"}";
        }
        return null;
    }

    /**
     * As Feishu: the hook, timestamp (seconds, within an hour) and sign in the body, a card or post, at most 20 KB,
     * 100 messages a minute and 5 a second.
     */
    private String feishu(String path, JsonNode body, int size) {
        if (!path.endsWith("/" + FEISHU_HOOK)) {
            return "{\"code\":19001,\"msg\":\"param invalid: incoming webhook access token invalid\"}";
        }
        String secret = secrets.get(ChannelType.FEISHU);
        if (secret != null) {
            String timestamp = body.path("timestamp").asText();
            if (timestamp.isEmpty() || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 3600
                    || !base64Hmac(timestamp + "\n" + secret, "").equals(body.path("sign").asText())) {
                return "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}";
            }
        }
        boolean card = "interactive".equals(body.path("msg_type").asText()) && body.path("card").path("elements").isArray();
        boolean post = "post".equals(body.path("msg_type").asText()) && body.path("content").path("post").isObject();
        if (!card && !post) {
            return "{\"code\":9499,\"msg\":\"Bad Request\"}";
        }
        if (size > 20 * 1024) {
            return "{\"code\":9499,\"msg\":\"request body too large\"}";
        }
        synchronized (feishuTimes) {
            Instant now = Instant.now();
            feishuTimes.removeIf(t -> t.isBefore(now.minusSeconds(60)));
            if (feishuTimes.size() >= 100 || feishuTimes.stream().filter(t -> t.isAfter(now.minusSeconds(1))).count() >= 5) {
                return "{\"code\":11232,\"msg\":\"frequency limited\"}";
            }
            feishuTimes.add(now);
        }
        return null;
    }

    private String webhook(String signature, byte[] body) {
        String secret = secrets.get(ChannelType.WEBHOOK);
        if (secret != null && !("sha256=" + java.util.HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body))).equals(signature)) {
            return "{\"error\":\"bad signature\"}";
        }
        return null;
    }

    /** Written out here from the platforms' documentation, apart from the code under test. */
    private static String base64Hmac(String key, String message) {
        return java.util.Base64.getEncoder().encodeToString(hmac(key.getBytes(StandardCharsets.UTF_8),
                message.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private void awaitAnswer() {
        try {
            held.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
