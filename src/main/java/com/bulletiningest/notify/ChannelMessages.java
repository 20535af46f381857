package com.bulletiningest.notify;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.bulletiningest.enrich.EnrichmentJson;
import com.bulletiningest.split.Notice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes one message per bulletin for a channel, from the same {@link DigestSelection} as the mail: the JSON body the
 * platform takes, before signing (a signature depends on the moment it is sent). Robots get a short markdown list
 * that reads well on a phone, deadlines first, each title linking to its page in the console (else to its source);
 * when the list is longer than the platform takes (WeCom: 4096 bytes of markdown), it ends with
 * 「其余 N 条见控制台」 instead of being split into a flood of messages. A web hook gets the whole digest as data.
 */
final class ChannelMessages {

    /** Bytes of markdown per message: WeCom's documented limit; DingTalk and Feishu take 20 KB per request. */
    static final int WECOM_MARKDOWN_BYTES = 4096;
    static final int DINGTALK_MARKDOWN_BYTES = 18_000;
    static final int FEISHU_MARKDOWN_BYTES = 18_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEADLINES = "有截止日期（按截止日期先后）";

    /** Where the console is ({@code https://bulletins.example.org}), or null. */
    private final String console;

    /** @param console the console's public address without trailing slash, or null when it is not configured */
    ChannelMessages(String console) {
        this.console = console;
    }

    /** The message for a channel of this type, as JSON text. */
    String message(ChannelType type, String ownerName, DigestSelection digest) {
        ObjectNode root = JSON.createObjectNode();
        switch (type) {
            case DINGTALK -> {
                root.put("msgtype", "markdown");
                ObjectNode markdown = root.putObject("markdown");
                markdown.put("title", digest.subject());
                markdown.put("text", markdown("#### " + digest.subject() + "\n\n", digest, DINGTALK_MARKDOWN_BYTES));
            }
            case WECOM -> {
                root.put("msgtype", "markdown");
                root.putObject("markdown").put("content",
                        markdown("**" + digest.subject() + "**\n", digest, WECOM_MARKDOWN_BYTES));
            }
            case FEISHU -> {
                root.put("msg_type", "interactive");
                ObjectNode card = root.putObject("card");
                card.putObject("config").put("wide_screen_mode", true);
                ObjectNode header = card.putObject("header");
                header.put("template", "blue");
                header.putObject("title").put("tag", "plain_text").put("content", digest.subject());
                ObjectNode text = card.putArray("elements").addObject().put("tag", "div").putObject("text");
                text.put("tag", "lark_md").put("content", markdown("", digest, FEISHU_MARKDOWN_BYTES));
            }
            case WEBHOOK -> webhook(root, ownerName, digest);
        }
        return write(root);
    }

    /**
     * The greeting, then one line per notice under its heading (the deadlines, then each section), as many as fit in
     * {@code limit} bytes with the closing line; the rest are counted in 「其余 N 条见控制台」.
     */
    private String markdown(String title, DigestSelection digest, int limit) {
        List<DigestEntry> entries = digest.deadlinesFirst();
        StringBuilder text = new StringBuilder(title).append(digest.intro()).append('\n');
        String heading = null;
        int shown = 0;
        for (DigestEntry entry : entries) {
            String block = entry.deadline() != null ? DEADLINES : entry.notice().section().heading();
            String lines = (block.equals(heading) ? "" : "\n**" + block + "**\n") + line(entry, entry.deadline() == null) + "\n";
            String rest = closing(entries.size() - shown - 1, digest);
            if (bytes(text) + bytes(lines) + bytes(rest) > limit) {
                break;
            }
            text.append(lines);
            heading = block;
            shown++;
        }
        return text.append(closing(entries.size() - shown, digest)).toString();
    }

    /** {@code - [title](link) · 截止 2021-03-15} or, outside the deadlines, {@code - [title](link) · 国家级}. */
    private static String line(DigestEntry entry, boolean withGroup) {
        Notice notice = entry.notice().notice();
        String link = entry.link();
        // brackets in a title would end the link text early
        String title = notice.title().replace('[', '［').replace(']', '］');
        StringBuilder line = new StringBuilder("- ").append(link == null ? title : "[" + title + "](" + link + ")");
        if (entry.deadline() != null) {
            line.append(" · 截止 ").append(entry.deadline()).append(entry.passed() ? "（已过）" : "");
        }
        if (withGroup && !entry.notice().group().label().isEmpty()) {
            line.append(" · ").append(entry.notice().group().label());
        }
        return line.toString();
    }

    /** The footer, or 「其余 N 条见控制台」 (linked to the console when its address is known) when some did not fit. */
    private String closing(int left, DigestSelection digest) {
        if (left <= 0) {
            return "\n" + digest.footer();
        }
        String more = "其余 " + left + " 条见控制台";
        return "\n" + (console == null ? more : "[" + more + "](" + console + "/bulletins)");
    }

    private static int bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The digest as data: {@code bulletin} (id, issued, subject), {@code owner}, {@code text} (the greeting) and
     * {@code notices}, deadlines first, each with where it stands, its page, its links and what enrich found
     * ({@code tags}, {@code keywords}, {@code fields}, as in the console's API).
     */
    private static void webhook(ObjectNode root, String ownerName, DigestSelection digest) {
        ObjectNode bulletin = root.putObject("bulletin");
        bulletin.put("id", digest.bulletinId());
        bulletin.put("issued", digest.issued() == null ? null : digest.issued().toString());
        bulletin.put("subject", digest.subject());
        root.put("owner", ownerName);
        root.put("text", digest.intro());
        ArrayNode notices = root.putArray("notices");
        for (DigestEntry entry : digest.deadlinesFirst()) {
            Notice notice = entry.notice().notice();
            ObjectNode node = notices.addObject();
            node.put("id", entry.id());
            node.put("url", entry.page());
            node.put("category", entry.notice().section().category());
            node.put("section", entry.notice().section().heading());
            node.put("group", entry.notice().group().label());
            node.put("no", notice.no());
            node.put("title", notice.title());
            node.put("issuer", notice.issuer());
            node.put("date", notice.date() == null ? null : notice.date().toString());
            node.put("deadline", entry.deadline() == null ? null : entry.deadline().toString());
            ArrayNode links = node.putArray("links");
            notice.links().forEach(links::add);
            node.setAll(EnrichmentJson.tree(entry.notice().enrichment()));
        }
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a channel message", e);
        }
    }
}
