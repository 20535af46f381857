package com.bulletiningest.extract;

/** Input that cannot become a bulletin, with a reason a person can read in one line. */
public class UnreadableBulletinException extends Exception {

    /** Why the input was refused; each has its own exit code for the preview command. */
    public enum Reason {
        NOT_PDF(3), DAMAGED(4), ENCRYPTED(5), NO_TEXT(6), NOT_A_BULLETIN(7);

        public final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Reason reason;

    public UnreadableBulletinException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UnreadableBulletinException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
