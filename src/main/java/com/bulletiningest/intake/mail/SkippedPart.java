package com.bulletiningest.intake.mail;

/**
 * A part of a mail message that was not taken as a PDF, with a reason a person can read in one line.
 *
 * @param name   the decoded, sanitised name of the part, or a description such as {@code "body part 2"} when it has none
 * @param reason why it was skipped
 */
public record SkippedPart(String name, String reason) {

    @Override
    public String toString() {
        return name + ": " + reason;
    }
}
