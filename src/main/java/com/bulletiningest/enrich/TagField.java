package com.bulletiningest.enrich;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a tag rule looks ({@code in:} in tags.yaml). */
public enum TagField {
    TITLE,
    BODY,
    /** the group label: 国家级, 地方级, 天津市 … */
    GROUP,
    /** the section's category code and heading: {@code pharma 医药信息篇} */
    CATEGORY,
    /** the extracted issuer */
    ISSUER,
    /** the sentences deadlines were found in, empty when there is none */
    DEADLINE;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<TagField> fromYaml(String name) {
        return Arrays.stream(values()).filter(f -> f.yamlName().equals(name)).findFirst();
    }
}
