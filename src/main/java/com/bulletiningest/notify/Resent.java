package com.bulletiningest.notify;

/** What a Resend now did to a queued message (mail digest or channel message), by the state it was in. */
public enum Resent {
    /** it was queued or failing: its back-off is cut short */
    AT_ONCE,
    /** it was failed (refused for good): queued again with a fresh back-off, e.g. once the address is fixed */
    REQUEUED,
    /** it was sent: queued to go out once more, same content, attempts counted afresh */
    AGAIN,
    /** it was unknown (its sender died while handing it over): queued to go out, though it may have arrived */
    UNKNOWN;

    /** What the admin is told; {@code again}: what happens to a message that was sent already. */
    public String outcome(String again) {
        return switch (this) {
            case AT_ONCE -> "tried at the next send, without waiting for its back-off";
            case REQUEUED -> "queued again after its refusal; the next send takes it";
            case AGAIN -> again;
            case UNKNOWN -> "queued to go out at the next send, although it may have arrived before (check first)";
        };
    }
}
