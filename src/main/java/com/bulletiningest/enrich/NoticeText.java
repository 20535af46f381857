package com.bulletiningest.enrich;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The texts of one notice that tag rules look at, by field; a missing field reads as empty. */
public record NoticeText(Map<TagField, String> fields) {

    /**
     * What the tag rules read of a notice, built here once for the enricher and for the dry run of edited rules over
     * the stored notices, so that the two cannot drift apart. Null parts are left out.
     *
     * @param group     the label of the notice's group
     * @param issuer    the issuer enrich found in the body
     * @param deadlines the sentences of its deadlines, in the order enrich found them
     */
    public static NoticeText of(String title, String body, String group, String category, String heading,
                                String issuer, List<String> deadlines) {
        return new Builder()
                .with(TagField.TITLE, title)
                .with(TagField.BODY, body)
                .with(TagField.GROUP, group)
                .with(TagField.CATEGORY, category)
                .with(TagField.CATEGORY, heading)
                .with(TagField.ISSUER, issuer)
                .with(TagField.DEADLINE, String.join("\n", deadlines))
                .build();
    }

    public NoticeText {
        fields = Map.copyOf(fields);
    }

    public String get(TagField field) {
        return fields.getOrDefault(field, "");
    }

    /** Any texts by field, for tests of the rules; production builds the rules' text with {@link #of} only. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<TagField, String> fields = new EnumMap<>(TagField.class);

        public Builder with(TagField field, String text) {
            if (text != null) {
                fields.merge(field, text, (a, b) -> a + "\n" + b);
            }
            return this;
        }

        public NoticeText build() {
            return new NoticeText(fields);
        }
    }
}
