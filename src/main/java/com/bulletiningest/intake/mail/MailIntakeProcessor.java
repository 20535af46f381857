package com.bulletiningest.intake.mail;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.ingest.Headers;
import com.bulletiningest.store.db.DatabaseUnavailableException;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.DefaultMessage;

/**
 * The step of the {@code inbox-mail} route: hands the polled message to {@link MailIntake}, sends each PDF to
 * {@code direct:ingest}, and sets the {@code moveTo} header that camel-mail obeys once the exchange completed.
 * <p>
 * Headers set: {@code moveTo} (Processed, Rejected or Failed), {@code bulletinMailStatus}, {@code bulletinMailNote}.
 * <p>
 * Two messages of a poll are read and ingested at a time ({@link MailReadAhead}), each moved by its own exchange.
 * <p>
 * Once the database turned out unreachable in a poll, or the connection to the mailbox was lost, the rest of that
 * poll's messages are left for the next poll without being tried (each would fail the same way): the first failing
 * exchange carries the property {@link Headers#MAIL_WAITING} with how many messages of the poll wait, so the route
 * logs one line per poll; the others fail with the same exception and without it.
 */
public class MailIntakeProcessor implements Processor {

    static final String INGEST = "direct:ingest";

    private final MailIntake intake;
    private final MailboxOutage outage;
    private final ProducerTemplate template;
    private final MailReadAhead readAhead = new MailReadAhead();
    /**
     * The database or mailbox failure seen in the current poll, or null; camel-mail runs a poll's exchanges one after
     * another.
     */
    private RuntimeException pollFailure;

    /** @param outage told when the connection to the mailbox breaks while a message is read */
    public MailIntakeProcessor(MailIntake intake, MailboxOutage outage, CamelContext context) {
        this.intake = intake;
        this.outage = outage;
        this.template = context.createProducerTemplate();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        int index = exchange.getProperty(ExchangePropertyKey.BATCH_INDEX, 0, Integer.class);
        if (index == 0) {
            pollFailure = null; // a new poll
        }
        if (pollFailure != null) {
            throw pollFailure;
        }
        MimeMessage polled = (MimeMessage) exchange.getIn(MailMessage.class).getOriginalMessage();
        // From here on a plain message: camel-mail's would map every header of the mail the first time one is read or
        // set, through the IMAP server's envelope, which fails for a header the server cannot parse (GreenMail).
        exchange.setIn(new DefaultMessage(exchange));
        int batch = exchange.getProperty(ExchangePropertyKey.BATCH_SIZE, 1, Integer.class);
        MailOutcome outcome;
        try {
            outcome = readAhead.outcome(polled, index < batch - 1, message -> intake.handle(message, this::ingest));
        } catch (DatabaseUnavailableException | MailboxConnectionLostException e) {
            if (e instanceof MailboxConnectionLostException) {
                outage.failed(e);
            }
            pollFailure = e;
            exchange.setProperty(Headers.MAIL_WAITING, batch - index);
            throw e;
        }
        exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, outcome.status().folder());
        exchange.getIn().setHeader(Headers.MAIL_STATUS, outcome.status().name());
        exchange.getIn().setHeader(Headers.MAIL_NOTE, outcome.note());
    }

    private String ingest(FoundPdf pdf, String messageId) throws UnreadableBulletinException {
        Exchange result = template.send(INGEST, ingest -> {
            ingest.getIn().setBody(pdf.content());
            ingest.getIn().setHeader(Headers.SOURCE_KIND, Headers.FROM_MAIL);
            ingest.getIn().setHeader(Headers.ORIGINAL_NAME, pdf.originalName());
            ingest.getIn().setHeader(Headers.MESSAGE_ID, messageId);
        });
        UnreadableBulletinException unreadable = result.getException(UnreadableBulletinException.class);
        if (unreadable != null) {
            throw unreadable;
        }
        if (result.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(result.getException());
        }
        return result.getIn().getHeader(Headers.OUTCOME, String.class);
    }
}
