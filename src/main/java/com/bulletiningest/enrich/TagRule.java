package com.bulletiningest.enrich;

import java.util.Set;

/**
 * One admin rule: the notice gets {@code tag} when {@code matcher} matches any of the {@code in} fields.
 *
 * @param line the rule's line in its file, for messages
 */
public record TagRule(String tag, TagMatcher matcher, Set<TagField> in, int line) {

    public TagRule {
        in = Set.copyOf(in);
    }

    public boolean matches(NoticeText text) {
        return in.stream().map(text::get).filter(t -> !t.isEmpty()).anyMatch(matcher::matches);
    }
}
