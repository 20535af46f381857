package com.bulletiningest.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Small PDFs made with PDFBox for the bad-input and normalisation cases the corpus lacks. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** One A4 page with the given lines in Helvetica (ASCII) or, when {@code cjk}, in Noto Sans SC. */
    public static PDDocument text(boolean cjk, String... lines) throws IOException {
        PDDocument document = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDFont font = cjk ? notoSans(document) : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(font, 12);
            content.setLeading(18);
            content.newLineAtOffset(50, 780);
            for (String line : lines) {
                content.showText(line);
                content.newLine();
            }
            content.endText();
        }
        return document;
    }

    public static byte[] imageOnly() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            scan.getGraphics().drawString("scanned text", 10, 50);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, scan), 50, 600);
            }
            return bytes(document);
        }
    }

    public static byte[] encrypted(String ownerPassword, String userPassword) throws IOException {
        try (PDDocument document = text(false, "Weekly bulletin")) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return bytes(document);
        }
    }

    /** {@code pages} A4 pages, each showing {@code image} (painted white first) over the whole page: a blank scan. */
    public static byte[] blankScan(BufferedImage image, int pages) throws IOException {
        java.awt.Graphics g = image.getGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        try (PDDocument document = new PDDocument()) {
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(xobject, 0, 0, 595, 842);
                }
            }
            return bytes(document);
        }
    }

    public static byte[] bytes(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    static PDFont notoSans(PDDocument document) throws IOException {
        try (InputStream font = TestPdfs.class.getResourceAsStream("/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf")) {
            if (font == null) {
                throw new UncheckedIOException(new IOException("Noto Sans SC not on the test classpath"));
            }
            return PDType0Font.load(document, font);
        }
    }
}
