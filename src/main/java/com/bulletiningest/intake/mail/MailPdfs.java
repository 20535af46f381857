package com.bulletiningest.intake.mail;

import java.util.List;

/**
 * What {@link PdfAttachmentFinder} found in one message: the PDFs, the named parts it skipped with reasons, and the
 * parts whose structure could not be read (a multipart without boundary, broken MIME), which may have hidden PDFs.
 */
public record MailPdfs(List<FoundPdf> pdfs, List<SkippedPart> skipped, List<SkippedPart> unreadable) {

    public MailPdfs {
        pdfs = List.copyOf(pdfs);
        skipped = List.copyOf(skipped);
        unreadable = List.copyOf(unreadable);
    }
}
