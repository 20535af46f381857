package com.bulletiningest.app;

import java.util.function.Supplier;

import com.bulletiningest.embedded.EmbeddedMailServer;
import com.bulletiningest.notify.Owners;

/**
 * The embedded mail server when one runs (no SMTP or no IMAP host configured), else none; {@code smtp} when it is
 * the digests' SMTP server, which then keeps a mailbox for every owner.
 */
public record EmbeddedMail(EmbeddedMailServer server, boolean smtp) {

    static EmbeddedMail none() {
        return new EmbeddedMail(null, false);
    }

    /**
     * The owners, each with a mailbox on the embedded SMTP server when it runs: the current owners get theirs now,
     * and an owner added while running gets one before the first digest to it is queued.
     */
    Supplier<Owners> withMailboxes(Supplier<Owners> owners) {
        if (!smtp) {
            return owners;
        }
        server.addMailboxes(owners.get().addresses());
        return () -> {
            Owners current = owners.get();
            server.addMailboxes(current.addresses());
            return current;
        };
    }
}
