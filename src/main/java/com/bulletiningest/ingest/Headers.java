package com.bulletiningest.ingest;

/**
 * The names of the exchange headers and properties that the routes (routes/*.yaml) and the Java steps share, in one
 * place. Java code uses these constants; the YAML files spell the same names out (a route file cannot import them),
 * so renaming one means changing the routes that name it too.
 */
public final class Headers {

    /**
     * Header, {@code folder} or {@code mail}: set by inbox-folder.yaml and mail's {@code MailIntakeProcessor} before
     * {@code direct:ingest}; read by {@code IngestSteps.store} and {@code BulletinMetrics.finish}.
     */
    public static final String SOURCE_KIND = "bulletinSourceKind";
    /**
     * Header, the input's name as it may be logged and stored: set by inbox-folder.yaml (from {@link #INBOX_NAME}) and
     * {@code MailIntakeProcessor}; read by ingest.yaml's log lines and {@code IngestSteps.store}.
     */
    public static final String ORIGINAL_NAME = "bulletinOriginalName";
    /** Header, the mail's Message-ID (mail intake only): set by MailIntakeProcessor; read by IngestSteps.store. */
    public static final String MESSAGE_ID = "bulletinMessageId";
    /**
     * Header, the SHA-256 of the PDF's bytes: set by ingest.yaml; read by {@code IngestSteps.storedId} and
     * {@code IngestSteps.store}, and by {@code FolderIntake} to count a failed file's attempts.
     */
    public static final String SHA256 = "bulletinSha256";
    /** Header, the stored bulletin's id: set by ingest.yaml and IngestSteps.store; read by ingest.yaml's logs. */
    public static final String BULLETIN_ID = "bulletinId";
    /**
     * Header, {@code STORED} or {@code DUPLICATE}: set by ingest.yaml and {@code IngestSteps.store}; read by
     * {@code MailIntakeProcessor} after {@code direct:ingest} and by {@code BulletinMetrics.finish}.
     */
    public static final String OUTCOME = "bulletinOutcome";

    /** {@link #OUTCOME} of a bulletin stored now. */
    public static final String STORED = "STORED";
    /** {@link #OUTCOME} of a bulletin stored before (same SHA-256): nothing stored or sent. */
    public static final String DUPLICATE = "DUPLICATE";
    /** {@link #SOURCE_KIND} of a bulletin from the inbox folder. */
    public static final String FROM_FOLDER = "folder";
    /** {@link #SOURCE_KIND} of a bulletin mailed in. */
    public static final String FROM_MAIL = "mail";
    /** Exchange property, the PDF's bytes, kept by ingest.yaml for {@code bulletinPdfs} once the bulletin is stored. */
    public static final String PDF = "bulletinPdf";
    /** Exchange property, the {@code StoreResult} of {@code IngestSteps.store}: set and logged by ingest.yaml. */
    public static final String STORE_RESULT = "storeResult";

    /** Header, the mail's {@code MailOutcome.Status}: set by {@code MailIntakeProcessor}; for the log and tests. */
    public static final String MAIL_STATUS = "bulletinMailStatus";
    /** Header, the note on the mail's outcome: set by {@code MailIntakeProcessor}; for the log and tests. */
    public static final String MAIL_NOTE = "bulletinMailNote";
    /**
     * Exchange property, how many of a poll's mails wait because the database is down: set by
     * {@code MailIntakeProcessor} on the first exchange that found it down; read by inbox-mail.yaml's outage log.
     */
    public static final String MAIL_WAITING = "bulletinMailWaiting";

    /**
     * Header, {@code inbox/<name>} with control characters escaped: set by inbox-folder.yaml (from
     * {@code FolderIntake.displayName}); read by its log lines.
     */
    public static final String INBOX_NAME = "inboxName";
    /**
     * Exchange property, where the file moves when the exchange completes ({@code .done}, or {@code .failed} once set
     * aside): set by inbox-folder.yaml and {@code FolderIntake.setAside}; read by the file endpoint's {@code move}.
     */
    public static final String INBOX_DESTINATION = "inboxDestination";
    /**
     * Exchange property, the {@code FolderIntake.Verdict} on a failed file: set by {@code FolderIntake.judge}; read by
     * inbox-folder.yaml's error handling.
     */
    public static final String INBOX_VERDICT = "inboxVerdict";
    /**
     * Exchange property, why a file failed, one line: set by inbox-folder.yaml (empty file) and {@code FolderIntake};
     * read by inbox-folder.yaml's log lines and {@code FolderIntake.setAside} (the reason file).
     */
    public static final String INBOX_REASON = "inboxReason";

    private Headers() {
    }
}
