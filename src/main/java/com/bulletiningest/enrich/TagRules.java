package com.bulletiningest.enrich;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.YamlNode;

/**
 * The admin's tag rules (config/tags.yaml), in file order. Several rules may give the same tag; a notice gets each tag
 * once, in the order the tags first appear in the file.
 *
 * <pre>
 * rules:
 *   - tag: 征求意见
 *     any: [征求意见, 意见稿]   # or all: [...], exact: phrase, regex: pattern, fuzzy: phrase (+ threshold: 0.8)
 *     in: [title]               # title, body, group, category, issuer, deadline; default [title, body]
 * </pre>
 */
public record TagRules(List<TagRule> rules) {

    static final double DEFAULT_THRESHOLD = 0.8;
    private static final Set<TagField> DEFAULT_FIELDS = EnumSet.of(TagField.TITLE, TagField.BODY);
    private static final List<String> KINDS = List.of("any", "all", "exact", "regex", "fuzzy");
    private static final Set<String> KEYS = Set.of("tag", "any", "all", "exact", "regex", "fuzzy", "threshold", "in");

    public TagRules {
        rules = List.copyOf(rules);
    }

    public List<String> tagsFor(NoticeText text) {
        Map<TagField, MatchText> prepared = new EnumMap<>(TagField.class);
        Function<TagField, MatchText> fields = field -> prepared.computeIfAbsent(field, f -> new MatchText(text.get(f)));
        Set<String> tags = new LinkedHashSet<>();
        for (TagRule rule : rules) {
            if (!tags.contains(rule.tag()) && rule.matches(fields)) {
                tags.add(rule.tag());
            }
        }
        return List.copyOf(tags);
    }

    /** Reads tags.yaml; any mistake is reported with its line. Usable as a {@code ConfigParser}. */
    public static TagRules parse(String source, String text) throws ConfigException {
        YamlNode root = YamlNode.parse(source, text);
        Map<String, YamlNode> top = root.asMap("the file");
        for (String key : top.keySet()) {
            if (!key.equals("rules")) {
                throw top.get(key).fail("unknown key '" + key + "' (expected 'rules')");
            }
        }
        List<TagRule> rules = new ArrayList<>();
        if (top.containsKey("rules") && !top.get("rules").isEmpty()) {
            for (YamlNode item : top.get("rules").asList("rules")) {
                rules.add(rule(item));
            }
        }
        return new TagRules(rules);
    }

    private static TagRule rule(YamlNode node) throws ConfigException {
        Map<String, YamlNode> entries = node.asMap("a rule");
        for (Map.Entry<String, YamlNode> entry : entries.entrySet()) {
            if (!KEYS.contains(entry.getKey())) {
                throw entry.getValue().fail("unknown key '" + entry.getKey() + "' in a rule (expected one of tag, "
                        + String.join(", ", KINDS) + ", threshold, in)");
            }
        }
        if (!entries.containsKey("tag") || entries.get("tag").asText("tag").isBlank()) {
            throw node.fail("a rule needs a tag");
        }
        String tag = entries.get("tag").asText("tag").strip();
        List<String> kinds = KINDS.stream().filter(entries::containsKey).toList();
        if (kinds.size() != 1) {
            throw node.fail("rule '" + tag + "' needs exactly one of " + String.join(", ", KINDS)
                    + (kinds.isEmpty() ? "" : ", found " + String.join(", ", kinds)));
        }
        String kind = kinds.get(0);
        if (entries.containsKey("threshold") && !kind.equals("fuzzy")) {
            throw entries.get("threshold").fail("threshold only applies to fuzzy rules");
        }
        TagMatcher matcher = matcher(kind, entries);
        return new TagRule(tag, matcher, fields(entries.get("in")), node.line());
    }

    private static TagMatcher matcher(String kind, Map<String, YamlNode> entries) throws ConfigException {
        YamlNode value = entries.get(kind);
        return switch (kind) {
            case "any" -> new TagMatcher.AnyWord(value.asTextList("any"));
            case "all" -> new TagMatcher.AllWords(value.asTextList("all"));
            case "exact" -> new TagMatcher.ExactPhrase(single(value, "exact"));
            case "regex" -> {
                try {
                    yield new TagMatcher.RegexFind(Pattern.compile(single(value, "regex")));
                } catch (PatternSyntaxException e) {
                    throw value.fail("invalid regex: " + e.getDescription() + " near index " + e.getIndex());
                }
            }
            default -> new TagMatcher.FuzzyPhrase(single(value, "fuzzy"), threshold(entries.get("threshold")));
        };
    }

    private static String single(YamlNode value, String what) throws ConfigException {
        String text = value.asText(what);
        if (text.isBlank()) {
            throw value.fail(what + " must not be blank");
        }
        return text;
    }

    private static double threshold(YamlNode value) throws ConfigException {
        if (value == null) {
            return DEFAULT_THRESHOLD;
        }
        try {
            double threshold = Double.parseDouble(value.asText("threshold"));
            if (threshold > 0 && threshold <= 1) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw value.fail("threshold must be a number above 0 and at most 1");
    }

    private static Set<TagField> fields(YamlNode value) throws ConfigException {
        if (value == null) {
            return DEFAULT_FIELDS;
        }
        Set<TagField> fields = EnumSet.noneOf(TagField.class);
        for (String name : value.asTextList("in")) {
            fields.add(TagField.fromYaml(name.strip()).orElseThrow(() -> value.fail("unknown field '" + name
                    + "' in 'in' (expected title, body, group, category, issuer or deadline)")));
        }
        return fields;
    }
}
