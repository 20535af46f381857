package com.bulletiningest.store;

/**
 * What {@link BulletinStore#save} did: stored a new bulletin, or found its content already stored ({@code duplicate},
 * counts 0).
 */
public record StoreResult(long bulletinId, boolean duplicate, int sections, int notices, int repeats, int digests) {

    static StoreResult duplicateOf(long bulletinId) {
        return new StoreResult(bulletinId, true, 0, 0, 0, 0);
    }

    /** For the progress log: {@code 3 sections, 15 notices (2 repeats), 4 digests queued}. */
    @Override
    public String toString() {
        return duplicate ? "duplicate of bulletin #" + bulletinId
                : sections + " sections, " + notices + " notices (" + repeats + " repeats), " + digests + " digests queued";
    }
}
