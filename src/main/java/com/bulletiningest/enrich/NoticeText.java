package com.bulletiningest.enrich;

import java.util.EnumMap;
import java.util.Map;

/** The texts of one notice that tag rules look at, by field; a missing field reads as empty. */
public record NoticeText(Map<TagField, String> fields) {

    public NoticeText {
        fields = Map.copyOf(fields);
    }

    public String get(TagField field) {
        return fields.getOrDefault(field, "");
    }

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
