package com.bulletiningest.enrich;

import java.util.Set;
import java.util.function.Function;

/**
 * One admin rule: the notice gets {@code tag} when {@code matcher} matches any of the {@code in} fields.
 *
 * @param line the rule's line in its file, for messages
 */
public record TagRule(String tag, TagMatcher matcher, Set<TagField> in, int line) {

    public TagRule {
        in = Set.copyOf(in);
    }

    /** @param fields the notice's fields, each prepared once for all the rules ({@link TagRules#tagsFor}) */
    boolean matches(Function<TagField, MatchText> fields) {
        return in.stream().map(fields).filter(t -> !t.isEmpty()).anyMatch(matcher::matches);
    }
}
