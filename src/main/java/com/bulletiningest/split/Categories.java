package com.bulletiningest.split;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.YamlNode;

/**
 * The admin's map from section heading (医药信息篇) to category code (pharma), from {@code config/categories.yaml}:
 * <pre>
 * categories:
 *   医药信息篇: pharma
 * groupLabels: [国家级, 地方级]    # optional hint: group labels known to be labels whatever their shape
 * </pre>
 * A flat {@code heading: code} map is read as well. Unknown headings get {@link #OTHER}.
 */
public final class Categories {

    public static final String OTHER = "other";
    private static final String CATEGORIES = "categories";
    private static final String GROUP_LABELS = "groupLabels";

    private final Map<String, String> codes;
    private final Set<String> groupLabels;

    public Categories(Map<String, String> codes, Set<String> groupLabels) {
        this.codes = Map.copyOf(codes);
        this.groupLabels = Set.copyOf(groupLabels);
    }

    public static Categories defaults() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("医药信息篇", "pharma");
        codes.put("知识产权信息篇", "ip");
        codes.put("科技项目篇", "tech");
        return new Categories(codes, Set.of("国家级", "省级", "市级", "地方级", "资讯"));
    }

    /** A {@link com.bulletiningest.config.ConfigParser} for the categories file: a wrong entry names its line. */
    public static Categories parse(String source, String text) throws ConfigException {
        Map<String, YamlNode> root = YamlNode.parse(source, text).asMap("the categories file");
        Map<String, YamlNode> headings = new LinkedHashMap<>(root);
        headings.remove(GROUP_LABELS);
        YamlNode nested = root.get(CATEGORIES);
        if (nested != null) {
            headings.remove(CATEGORIES);
            if (!headings.isEmpty()) {
                Map.Entry<String, YamlNode> stray = headings.entrySet().iterator().next();
                throw stray.getValue().fail("unknown key '" + stray.getKey() + "' (expected 'categories:' and 'groupLabels:')");
            }
            headings = nested.isEmpty() ? Map.of() : nested.asMap(CATEGORIES);
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> heading : headings.entrySet()) {
            String code = heading.getValue().asText("the category code of " + heading.getKey());
            if (code.isBlank()) {
                throw heading.getValue().fail("the category code of " + heading.getKey() + " must not be blank");
            }
            codes.put(heading.getKey().strip(), code.strip());
        }
        Set<String> labels = new LinkedHashSet<>();
        YamlNode labelList = root.get(GROUP_LABELS);
        if (labelList != null && !labelList.isEmpty()) {
            labelList.asTextList(GROUP_LABELS).forEach(label -> labels.add(label.strip()));
        }
        return new Categories(codes, labels);
    }

    /** The category code of a section heading such as 医药信息篇 (whitespace ignored), {@link #OTHER} if unknown. */
    public String codeFor(String heading) {
        String key = Texts.squeeze(heading);
        return codes.entrySet().stream().filter(e -> Texts.squeeze(e.getKey()).equals(key))
                .map(Map.Entry::getValue).findFirst().orElse(OTHER);
    }

    boolean isKnownGroupLabel(String text) {
        return groupLabels.contains(text.strip());
    }
}
