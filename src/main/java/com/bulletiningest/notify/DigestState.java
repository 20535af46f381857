package com.bulletiningest.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a digest in the outbox stands, or a channel message in {@code channel_delivery} (the same columns). Defined
 * once, as SQL over its row ({@link #OF_ROW}), for every query that shows it (the console), counts it (the metrics)
 * or acts on it (resend).
 */
public enum DigestState {
    /** not tried yet, or due again after a resend */
    QUEUED,
    /** refused for now (the server was away, or answered 4xx): retried with back-off */
    FAILING,
    /** being handed over right now (SMTP, a robot's POST): committed before, so a crash in between is seen */
    SENDING,
    /**
     * its sender died while handing it over: it may or may not have arrived. Only a channel message ends here (a
     * robot cannot recognise a copy); it is left for an admin (Resend now), a digest is sent again instead
     */
    UNKNOWN,
    SENT,
    /** refused for good (5xx): not tried again unless resent */
    FAILED;

    /** The state of the outbox row in scope, as its {@link #label()}. */
    static final String OF_ROW = "(case when sent_at is not null then 'sent' when failed_at is not null then 'failed' "
            + "when unknown_at is not null then 'unknown' when sending_at is not null then 'sending' "
            + "when last_error is not null then 'failing' else 'queued' end)";

    /** The digests still to be sent: queued, failing or being sent. */
    static final String WAITING = OF_ROW + " in (" + Arrays.stream(values()).filter(DigestState::waiting)
            .map(state -> "'" + state.label() + "'").collect(Collectors.joining(", ")) + ")";

    /** The state as the console, the API and the metrics spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Still to be sent by the sender. */
    public boolean waiting() {
        return this == QUEUED || this == FAILING || this == SENDING;
    }
}
