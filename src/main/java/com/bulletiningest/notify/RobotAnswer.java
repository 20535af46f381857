package com.bulletiningest.notify;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a platform's answer means for the message: taken, try again later (a timeout, 429, 5xx, or a robot's own
 * "too fast" or "busy" code), or refused for good. DingTalk, WeCom and Feishu answer HTTP 200 also when they refuse
 * (a wrong signature, a disbanded group, a message too long): their code in the body decides.
 *
 * @param text the answer as received (status and body, shortened), kept with the message
 */
record RobotAnswer(Outcome outcome, String text) {

    enum Outcome { TAKEN, RETRY, REFUSED }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_CHARACTERS = 500;
    /** DingTalk: -1 system busy, 130101 more than 20 messages a minute. */
    private static final Set<Integer> DINGTALK_LATER = Set.of(-1, 130101);
    /** WeCom: -1 system busy, 45009 over the API's frequency limit. */
    private static final Set<Integer> WECOM_LATER = Set.of(-1, 45009);
    /** Feishu: 11232 over the robot's frequency limit. */
    private static final Set<Integer> FEISHU_LATER = Set.of(11232);

    static RobotAnswer of(ChannelType type, int status, String body) {
        String text = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + shorten(body.strip()));
        if (status == 429 || status >= 500) {
            return new RobotAnswer(Outcome.RETRY, text);
        }
        if (status < 200 || status >= 300) {
            return new RobotAnswer(Outcome.REFUSED, text);
        }
        Integer code = switch (type) {
            case DINGTALK, WECOM -> code(body, "errcode");
            case FEISHU -> code(body, "code") != null ? code(body, "code") : code(body, "StatusCode");
            case WEBHOOK -> null;
        };
        if (code == null || code == 0) {
            if (type != ChannelType.WEBHOOK && code == null) {
                // a robot always answers with a code; anything else is not the robot (a proxy's page, a captive portal)
                return new RobotAnswer(Outcome.RETRY, text + " (no answer code from the robot)");
            }
            return new RobotAnswer(Outcome.TAKEN, text);
        }
        Set<Integer> later = switch (type) {
            case DINGTALK -> DINGTALK_LATER;
            case WECOM -> WECOM_LATER;
            default -> FEISHU_LATER;
        };
        return new RobotAnswer(later.contains(code) ? Outcome.RETRY : Outcome.REFUSED, text);
    }

    /** No answer at all: refused connection, timeout, reset. */
    static RobotAnswer none(Exception failure) {
        return new RobotAnswer(Outcome.RETRY, "no answer: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + shorten(failure.getMessage())));
    }

    private static Integer code(String body, String field) {
        try {
            JsonNode node = JSON.readTree(body).get(field);
            return node != null && node.canConvertToInt() ? node.asInt() : null;
        } catch (JsonProcessingException e) {
            return null; // not JSON
        }
    }

    private static String shorten(String text) {
        return text.length() <= KEPT_CHARACTERS ? text : text.substring(0, KEPT_CHARACTERS) + "…";
    }
}
