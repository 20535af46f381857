package com.bulletiningest.intake.mail;

import com.bulletiningest.extract.UnreadableBulletinException;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;

/**
 * The step of the {@code inbox-mail} route: hands the polled message to {@link MailIntake}, sends each PDF to
 * {@code direct:ingest}, and sets the {@code moveTo} header that camel-mail obeys once the exchange completed.
 * <p>
 * Headers set: {@code moveTo} (Processed, Rejected or Failed), {@code bulletinMailStatus}, {@code bulletinMailNote}.
 */
public class MailIntakeProcessor implements Processor {

    static final String INGEST = "direct:ingest";

    private final MailIntake intake;
    private final ProducerTemplate template;

    public MailIntakeProcessor(MailIntake intake, CamelContext context) {
        this.intake = intake;
        this.template = context.createProducerTemplate();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MimeMessage polled = (MimeMessage) exchange.getIn(MailMessage.class).getOriginalMessage();
        MailOutcome outcome = intake.handle(polled, this::ingest);
        exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, outcome.status().folder());
        exchange.getIn().setHeader("bulletinMailStatus", outcome.status().name());
        exchange.getIn().setHeader("bulletinMailNote", outcome.note());
    }

    private String ingest(FoundPdf pdf, String messageId) throws UnreadableBulletinException {
        Exchange result = template.send(INGEST, ingest -> {
            ingest.getIn().setBody(pdf.content());
            ingest.getIn().setHeader("bulletinSourceKind", "mail");
            ingest.getIn().setHeader("bulletinOriginalName", pdf.originalName());
            ingest.getIn().setHeader("bulletinMessageId", messageId);
        });
        UnreadableBulletinException unreadable = result.getException(UnreadableBulletinException.class);
        if (unreadable != null) {
            throw unreadable;
        }
        if (result.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(result.getException());
        }
        return result.getIn().getHeader("bulletinOutcome", String.class);
    }
}
