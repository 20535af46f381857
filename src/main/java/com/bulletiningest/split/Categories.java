package com.bulletiningest.split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

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

    public static Categories load(Path file) {
        try {
            Object root;
            try {
                root = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            } catch (YamlEngineException e) {
                throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " "), e);
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + ": expected a map of section heading to category code");
            }
            Object nested = map.get("categories");
            Map<String, String> codes = new LinkedHashMap<>();
            (nested instanceof Map<?, ?> m ? m : map).forEach((k, v) -> {
                if (k != null && v instanceof String code) {
                    codes.put(k.toString().strip(), code.strip());
                }
            });
            Set<String> labels = new LinkedHashSet<>();
            if (map.get("groupLabels") instanceof List<?> list) {
                list.forEach(l -> labels.add(String.valueOf(l).strip()));
            }
            return new Categories(codes, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read categories file " + file, e);
        }
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
