package com.bulletiningest.notify;

import java.net.URI;

/**
 * One place an owner's digests are posted to, besides or instead of mail.
 *
 * @param url       the robot's or hook's address; it carries the robot's key or token (DingTalk and WeCom in the
 *                  query, Feishu as the last part of the path, a web hook perhaps either), so it is shown and logged
 *                  only {@link #masked()}
 * @param secretEnv the environment variable holding the signing secret, or null when the robot is not signed (the
 *                  secret itself is read when a message is sent, never kept in a file, the database or a log)
 */
public record Channel(ChannelType type, String url, String secretEnv) {

    /**
     * The address without what may be a key: no user info, no query, and for Feishu and web hooks not the last part
     * of the path ({@code https://oapi.dingtalk.com/robot/send?…}, {@code https://open.feishu.cn/open-apis/bot/v2/hook/…}).
     */
    public String masked() {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (type == ChannelType.FEISHU || type == ChannelType.WEBHOOK) {
            path = path.replaceAll("/[^/]+/?$", "/…");
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
                + (uri.getRawQuery() == null ? "" : "?…");
    }

    @Override
    public String toString() {
        return type.code() + " " + masked();
    }
}
