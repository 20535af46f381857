package com.bulletiningest.intake.mail;

/**
 * What became of one mail message, and so where it goes in the mailbox.
 *
 * @param status what happened
 * @param note   one line for the log: what was stored, or why nothing was
 */
public record MailOutcome(Status status, String note) {

    /** Each status names the mailbox folder the message is moved to (created when missing). */
    public enum Status {
        /** Its PDFs are stored (or were already), or it had none. */
        PROCESSED("Processed"),
        /** Its sender is not allowed; nothing was read from it. */
        REJECTED("Rejected"),
        /** It had PDFs and none of them could become a bulletin. */
        FAILED("Failed");

        private final String folder;

        Status(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }
}
