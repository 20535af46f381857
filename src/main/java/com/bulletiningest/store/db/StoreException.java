package com.bulletiningest.store.db;

import java.sql.SQLException;

/**
 * The database failed (not the bulletin's fault). When it could not be reached at all it is the subclass
 * {@link DatabaseUnavailableException}, and the intakes keep the input for a retry.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /** {@link DatabaseUnavailableException} when the database could not be reached, else a StoreException. */
    public static StoreException of(String message, SQLException cause) {
        return DatabaseUnavailableException.isCause(cause)
                ? new DatabaseUnavailableException(message, cause)
                : new StoreException(message, cause);
    }
}
