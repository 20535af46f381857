package com.bulletiningest.notify;

/**
 * One owner's mail about one bulletin's new notices.
 *
 * @param recipient the owner's address
 * @param subject   e.g. {@code 【政策周报】医药信息篇、科技项目篇 2021-03-08~2021-03-12：12 条新通知}
 * @param text      the plain-text part
 * @param html      the HTML part (same content, titles linked to their source)
 * @param notices   how many notices it lists
 */
public record Digest(String recipient, String subject, String text, String html, int notices) {
}
