package com.bulletiningest.store.write;

/**
 * What {@link BulletinStore#save} did: stored a new bulletin, or found its content already stored ({@code duplicate},
 * counts 0).
 *
 * @param notices all notices stored, {@code repeats} of them reprinted from an earlier bulletin
 * @param tags         rule tags given to the notices, all notices together
 * @param withDeadline notices with at least one deadline
 * @param digests what the {@link StoredListener} queued: one digest per owner with new notices in the bulletin
 */
public record StoreResult(long bulletinId, boolean duplicate, int sections, int notices, int repeats, int tags,
                          int withDeadline, int digests) {

    static StoreResult duplicateOf(long bulletinId) {
        return new StoreResult(bulletinId, true, 0, 0, 0, 0, 0, 0);
    }

    /** Notices seen for the first time: the ones the digests carry. */
    public int newNotices() {
        return notices - repeats;
    }

    /** For the progress log: {@code 3 sections, 15 notices (2 repeats), 31 tags, 9 with a deadline, 4 digests queued}. */
    @Override
    public String toString() {
        return duplicate ? "duplicate of bulletin #" + bulletinId
                : sections + " sections, " + notices + " notices (" + repeats + " repeats), " + tags + " tags, "
                + withDeadline + " with a deadline, " + digests + " digests queued";
    }
}
