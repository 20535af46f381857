package com.bulletiningest.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the attachments a notice lists: {@code 附件：name} on one line, or {@code 附件：} followed by numbered lines
 * ({@code 1．…}, {@code 1-1．…}). Mentions such as {@code （见附件）} are not lists and are ignored.
 */
final class Attachments {

    private static final Pattern HEADER = Pattern.compile("^(?:附件|附表)\\s*\\d*\\s*[：:]\\s*(.*)$");
    private static final Pattern ITEM = Pattern.compile("^\\d+(?:-\\d+)?\\s*[．.、]\\s*(.+)$");

    private Attachments() {
    }

    static List<String> find(String body) {
        List<String> attachments = new ArrayList<>();
        List<String> paragraphs = TextParts.paragraphs(body);
        for (int i = 0; i < paragraphs.size(); i++) {
            Matcher header = HEADER.matcher(paragraphs.get(i));
            if (!header.matches()) {
                continue;
            }
            String inline = header.group(1).strip();
            if (!inline.isEmpty()) {
                addItem(attachments, inline);
                continue;
            }
            for (int j = i + 1; j < paragraphs.size(); j++) {
                Matcher item = ITEM.matcher(paragraphs.get(j));
                if (!item.matches()) {
                    break;
                }
                addItem(attachments, item.group(1));
                i = j;
            }
        }
        return attachments;
    }

    private static void addItem(List<String> attachments, String text) {
        Matcher numbered = ITEM.matcher(text);
        String item = TextParts.collapse(numbered.matches() ? numbered.group(1) : text);
        if (!attachments.contains(item)) {
            attachments.add(item);
        }
    }
}
