package com.bulletiningest.notify;

import java.net.URI;

/**
 * One place an owner's digests are posted to, besides or instead of mail.
 *
 * @param url       the robot's or hook's address; it may carry the robot's key or token in its query, so it is shown
 *                  and logged only {@link #masked()}
 * @param secretEnv the environment variable holding the signing secret, or null when the robot is not signed (the
 *                  secret itself is read when a message is sent, never kept in a file, the database or a log)
 */
public record Channel(ChannelType type, String url, String secretEnv) {

    /** The address without its query and user info: {@code https://oapi.dingtalk.com/robot/send?…}. */
    public String masked() {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?…");
    }

    @Override
    public String toString() {
        return type.code() + " " + masked();
    }
}
