package com.bulletiningest.intake.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static com.bulletiningest.intake.mail.TestMails.attachment;
import static com.bulletiningest.intake.mail.TestMails.fakePdf;
import static com.bulletiningest.intake.mail.TestMails.forwarded;
import static com.bulletiningest.intake.mail.TestMails.message;
import static com.bulletiningest.intake.mail.TestMails.pdfAttachment;
import static com.bulletiningest.intake.mail.TestMails.rfc2047Disposition;
import static com.bulletiningest.intake.mail.TestMails.rfc2231Disposition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message goes through a real SMTP server and is read back over IMAP, copied locally as the mailbox route
 * copies it.
 */
class PdfAttachmentFinderTest {

    private static final String CHINESE_NAME = "医药信息篇.pdf";

    private final PdfAttachmentFinder finder = new PdfAttachmentFinder(DataSize.parse("1KB"));
    private GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        greenMail.setUser(TestMails.MAILBOX, "bulletins", "secret");
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    @Test
    @DisplayName("a PDF attachment is found with its name and exact bytes")
    void plainAttachment() throws Exception {
        byte[] pdf = fakePdf("plain");

        MailPdfs found = roundTrip(message("alice@example.com", "简报", pdfAttachment(pdf, "bulletin-2026-47.pdf")));

        assertThat(found.pdfs()).singleElement().satisfies(p -> {
            assertThat(p.originalName()).isEqualTo("bulletin-2026-47.pdf");
            assertThat(p.content()).isEqualTo(pdf);
        });
        assertThat(found.skipped()).isEmpty();
    }

    @Test
    @DisplayName("two PDFs in one mail are both found, in order; the same PDF attached twice is found once")
    void twoPdfsInOneMail() throws Exception {
        byte[] first = fakePdf("first");
        byte[] second = fakePdf("second");

        MailPdfs found = roundTrip(message("alice@example.com", "两期简报",
                pdfAttachment(first, "a.pdf"), pdfAttachment(second, "b.pdf"), pdfAttachment(first, "a-again.pdf")));

        assertThat(found.pdfs()).extracting(FoundPdf::originalName).containsExactly("a.pdf", "b.pdf");
        assertThat(found.pdfs().get(1).content()).isEqualTo(second);
        assertThat(found.skipped()).containsExactly(new SkippedPart("a-again.pdf", "the same PDF as a.pdf"));
    }

    @Test
    @DisplayName("a PDF inside a forward of a forward (message/rfc822 two levels deep) is found")
    void forwardAsAttachmentTwoLevelsDeep() throws Exception {
        byte[] pdf = fakePdf("deep");
        MimeMessage original = message("office@example.gov", "原始简报", pdfAttachment(pdf, "original.pdf"));
        MimeMessage firstForward = message("bob@example.org", "Fwd: 原始简报", forwarded(original));

        MailPdfs found = roundTrip(message("alice@example.com", "Fwd: Fwd: 原始简报", forwarded(firstForward)));

        assertThat(found.pdfs()).singleElement().satisfies(p -> {
            assertThat(p.originalName()).isEqualTo("original.pdf");
            assertThat(p.content()).isEqualTo(pdf);
        });
    }

    @Test
    @DisplayName("a Chinese name encoded per RFC 2231 (filename*=UTF-8''%E5%8C%BB…) is decoded")
    void rfc2231ChineseName() throws Exception {
        MailPdfs found = roundTrip(message("alice@example.com", "简报",
                attachment(fakePdf("2231"), "application/pdf", rfc2231Disposition(CHINESE_NAME))));

        assertThat(found.pdfs()).extracting(FoundPdf::originalName).containsExactly(CHINESE_NAME);
    }

    @Test
    @DisplayName("a long Chinese name split into RFC 2231 continuations (filename*0*, filename*1*) is joined and decoded")
    void rfc2231Continuations() throws Exception {
        String name = "国家药监局关于发布药品注册管理办法配套文件的公告汇编.pdf";
        String encoded = rfc2231Disposition(name).substring("attachment; filename*=UTF-8''".length());
        int cut = encoded.indexOf('%', encoded.length() / 2);
        String disposition = "attachment; filename*0*=UTF-8''" + encoded.substring(0, cut)
                + ";\r\n filename*1*=" + encoded.substring(cut);

        MailPdfs found = roundTrip(message("alice@example.com", "简报",
                attachment(fakePdf("continued"), "application/pdf", disposition)));

        assertThat(found.pdfs()).extracting(FoundPdf::originalName).containsExactly(name);
    }

    @Test
    @DisplayName("a Chinese name encoded per RFC 2047 (=?UTF-8?B?…?=) is decoded")
    void rfc2047ChineseName() throws Exception {
        MailPdfs found = roundTrip(message("alice@example.com", "简报",
                attachment(fakePdf("2047"), "application/pdf", rfc2047Disposition(CHINESE_NAME))));

        assertThat(found.pdfs()).extracting(FoundPdf::originalName).containsExactly(CHINESE_NAME);
    }

    @Test
    @DisplayName("names sent as raw UTF-8 (not encoded), at the top and inside a forward, are read as UTF-8")
    void rawUtf8Names() throws Exception {
        MimeMessage original = message("office@ministry.example", "简报", pdfAttachment(fakePdf("nested"), "周报.pdf"));
        MailPdfs found = roundTrip(message("alice@example.com", "Fwd: 简报",
                pdfAttachment(fakePdf("top"), CHINESE_NAME), forwarded(original),
                attachment(fakePdf("latin"), "application/pdf", "attachment; filename=\"r\u00e9sum\u00e9.pdf\"")));

        assertThat(found.pdfs()).extracting(FoundPdf::originalName).containsExactly(CHINESE_NAME, "周报.pdf", "résumé.pdf");
    }

    @Test
    @DisplayName("a name with directories and control characters is reduced to a harmless display name")
    void traversalNameIsHarmless() throws Exception {
        MailPdfs found = roundTrip(message("alice@example.com", "简报",
                pdfAttachment(fakePdf("traversal"), "../../etc/x.pdf"),
                pdfAttachment(fakePdf("backslash"), "..\\\\..\\\\windows\\\\y.pdf"),
                attachment(fakePdf("control"), "application/pdf", rfc2231Disposition("z\u0007\u202E.pdf"))));

        assertThat(found.pdfs()).extracting(FoundPdf::originalName).containsExactly("x.pdf", "y.pdf", "z.pdf");
    }

    @Test
    @DisplayName("a non-PDF attachment and a non-PDF named .pdf are skipped; a PDF declared as octet-stream is found")
    void decidedByBytesNotByNameOrType() throws Exception {
        byte[] disguised = fakePdf("disguised");

        MailPdfs found = roundTrip(message("alice@example.com", "简报",
                attachment("PK\u0003\u0004 docx".getBytes(StandardCharsets.ISO_8859_1),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "attachment; filename=\"notes.docx\""),
                attachment("<html>not a pdf</html>".getBytes(StandardCharsets.US_ASCII), "application/pdf",
                        "attachment; filename=\"fake.pdf\""),
                attachment(disguised, "application/octet-stream", "attachment; filename=\"scan.bin\"")));

        assertThat(found.pdfs()).singleElement().satisfies(p -> {
            assertThat(p.originalName()).isEqualTo("scan.bin");
            assertThat(p.content()).isEqualTo(disguised);
        });
        assertThat(found.skipped()).containsExactly(
                new SkippedPart("notes.docx", "not a PDF"), new SkippedPart("fake.pdf", "not a PDF"));
    }

    @Test
    @DisplayName("a PDF over the size limit is skipped with the reason; one at the limit is found")
    void oversizeSkipped() throws Exception {
        byte[] atLimit = paddedPdf(1024);
        byte[] overLimit = paddedPdf(1025);

        MailPdfs found = roundTrip(message("alice@example.com", "简报",
                pdfAttachment(overLimit, "huge.pdf"), pdfAttachment(atLimit, "fits.pdf")));

        assertThat(found.pdfs()).extracting(FoundPdf::originalName).containsExactly("fits.pdf");
        assertThat(found.skipped()).containsExactly(new SkippedPart("huge.pdf", "larger than the limit of 1 KB"));
    }

    @Test
    @DisplayName("an inline PDF without any name is found under a generated name")
    void inlineUnnamedPdf() throws Exception {
        MailPdfs found = roundTrip(message("alice@example.com", "简报",
                attachment(fakePdf("inline"), "application/pdf", "inline")));

        assertThat(found.pdfs()).extracting(FoundPdf::originalName).containsExactly("attachment-2.pdf");
    }

    private static byte[] paddedPdf(int size) {
        byte[] pdf = Arrays.copyOf(fakePdf("padded"), size);
        Arrays.fill(pdf, fakePdf("padded").length, size, (byte) ' ');
        return pdf;
    }

    private MailPdfs roundTrip(MimeMessage message) throws Exception {
        try (Transport smtp = greenMail.getSmtp().createSession().getTransport("smtp")) {
            smtp.connect();
            smtp.sendMessage(message, message.getAllRecipients());
        }
        Store store = greenMail.getImap().createStore();
        store.connect("bulletins", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(1);
            return finder.find(new MimeMessage((MimeMessage) messages[0]));
        } finally {
            store.close();
        }
    }
}
