package com.bulletiningest.enrich;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dry run of edited tag rules: fed the notices one at a time with the rule tags they carry, it tells which notices
 * the edited rules would give a tag they lack (gained) or no longer give a tag they carry (lost). Nothing is kept but
 * the differences, so the notices can be streamed. Keyword tags are not rule tags: callers pass only rule tags.
 */
public final class TagDryRun {

    /** Whether a notice would gain or lose the tag. */
    public enum Change { GAINED, LOST }

    /** One tag one notice would gain or lose. */
    public record TagChange(long noticeId, String title, String tag, Change change) {
    }

    /** How many notices would gain and lose the tag. */
    public record TagTotals(String tag, long gained, long lost) {
    }

    /**
     * @param notices  how many notices were compared
     * @param changes  the changes in the order the notices came, at most the limit given
     * @param complete false when there were more changes than listed (the totals count them all)
     * @param totals   per tag, in the order the tags first changed
     */
    public record Result(long notices, List<TagChange> changes, boolean complete, List<TagTotals> totals) {
    }

    private final TagRules rules;
    private final int limit;
    private final List<TagChange> changes = new ArrayList<>();
    private final Map<String, long[]> totals = new LinkedHashMap<>();
    private long notices;
    private boolean complete = true;

    /** @param limit the most changes listed one by one; the totals count every change */
    public TagDryRun(TagRules rules, int limit) {
        this.rules = rules;
        this.limit = limit;
    }

    /** Compares what the rules give {@code text} with the rule tags the notice carries. */
    public void compare(long noticeId, String title, NoticeText text, Collection<String> ruleTags) {
        notices++;
        Set<String> now = new LinkedHashSet<>(rules.tagsFor(text));
        for (String tag : now) {
            if (!ruleTags.contains(tag)) {
                record(new TagChange(noticeId, title, tag, Change.GAINED));
            }
        }
        for (String tag : new TreeSet<>(ruleTags)) {
            if (!now.contains(tag)) {
                record(new TagChange(noticeId, title, tag, Change.LOST));
            }
        }
    }

    public Result result() {
        return new Result(notices, List.copyOf(changes), complete, totals.entrySet().stream()
                .map(e -> new TagTotals(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }

    private void record(TagChange change) {
        totals.computeIfAbsent(change.tag(), tag -> new long[2])[change.change() == Change.GAINED ? 0 : 1]++;
        if (changes.size() < limit) {
            changes.add(change);
        } else {
            complete = false;
        }
    }
}
