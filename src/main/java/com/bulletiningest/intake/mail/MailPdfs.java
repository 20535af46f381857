package com.bulletiningest.intake.mail;

import java.util.List;

/** What {@link PdfAttachmentFinder} found in one message: the PDFs, and the named parts it skipped with reasons. */
public record MailPdfs(List<FoundPdf> pdfs, List<SkippedPart> skipped) {

    public MailPdfs {
        pdfs = List.copyOf(pdfs);
        skipped = List.copyOf(skipped);
    }
}
