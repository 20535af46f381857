package com.bulletiningest.intake.mail;

import com.bulletiningest.extract.UnreadableBulletinException;

/** Takes one PDF found in a mail into the store; the mail route hands each one to {@code direct:ingest}. */
@FunctionalInterface
public interface PdfIngest {

    /**
     * @return the outcome, {@code STORED} or {@code DUPLICATE}
     * @throws UnreadableBulletinException when the PDF cannot become a bulletin; any other exception (the database
     *                                     is down) leaves the whole message in the mailbox to be tried again
     */
    String ingest(FoundPdf pdf, String messageId) throws UnreadableBulletinException;
}
