package com.bulletiningest.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a channel posts: a DingTalk (钉钉), WeCom (企业微信) or Feishu (飞书) group robot, or any web hook that takes a
 * JSON document. Each robot takes only so many messages a minute; beyond that it refuses them, so the sender queues.
 *
 * @param perMinute messages one robot takes a minute (DingTalk and WeCom: 20; Feishu: 100), 0 for no limit
 * @param perSecond messages one robot takes a second (Feishu: 5), 0 for no limit of its own
 */
public enum ChannelType {
    DINGTALK(20, 0), WECOM(20, 0), FEISHU(100, 5), WEBHOOK(0, 0);

    private final int perMinute;
    private final int perSecond;

    ChannelType(int perMinute, int perSecond) {
        this.perMinute = perMinute;
        this.perSecond = perSecond;
    }

    public int perMinute() {
        return perMinute;
    }

    public int perSecond() {
        return perSecond;
    }

    /** As written in owners.yaml and shown by the API: {@code dingtalk}, {@code wecom}, {@code feishu}, {@code webhook}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ChannelType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
