package com.bulletiningest.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signatures each platform checks, HMAC-SHA256 each, as the platforms document them. */
final class RobotSignatures {

    private RobotSignatures() {
    }

    /** DingTalk: Base64 of HMAC-SHA256 keyed by the secret over {@code "<timestamp ms>\n<secret>"} (URL-encode it). */
    static String dingtalk(String secret, long timestampMillis) {
        return Base64.getEncoder().encodeToString(hmac(secret, timestampMillis + "\n" + secret));
    }

    /** Feishu: Base64 of HMAC-SHA256 keyed by {@code "<timestamp s>\n<secret>"} over an empty message. */
    static String feishu(String secret, long timestampSeconds) {
        return Base64.getEncoder().encodeToString(hmac(timestampSeconds + "\n" + secret, ""));
    }

    /** A web hook: {@code sha256=<hex of HMAC-SHA256 keyed by the secret over the body>}, as GitHub signs. */
    static String webhook(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(String key, String message) {
        return hmac(key.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
