package com.bulletiningest.store;

/** The database failed (not the bulletin's fault): the input is kept for a retry. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
