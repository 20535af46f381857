package com.bulletiningest.store.write;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told by {@link BulletinStore#save} about each new bulletin, inside the store's transaction: what it writes on
 * {@code connection} commits with the bulletin, and a failure rolls the bulletin back. This is how the outbox queues
 * digests without the store knowing about owners or mail.
 */
@FunctionalInterface
public interface StoredListener {

    /** @return how many messages it queued for the bulletin, for the progress log */
    int onStored(Connection connection, StoredBulletin bulletin) throws SQLException;
}
