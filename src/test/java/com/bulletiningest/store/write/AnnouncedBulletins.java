package com.bulletiningest.store.write;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** A {@link StoredListener} that keeps what the store announced, in order; it queues nothing. */
final class AnnouncedBulletins implements StoredListener {

    private final List<StoredBulletin> announced = new ArrayList<>();

    @Override
    public synchronized int onStored(Connection connection, StoredBulletin bulletin) {
        announced.add(bulletin);
        return 0;
    }

    synchronized List<StoredBulletin> all() {
        return List.copyOf(announced);
    }

    /** What was announced about bulletin {@code id}. */
    synchronized StoredBulletin of(long id) {
        return announced.stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }
}
