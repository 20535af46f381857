-- One row per mailed-in message that was read: recognises a message delivered twice (same Message-ID) and keeps
-- the reason a message failed. Rejected senders leave no row (they are logged and moved to the Rejected folder).
create table mail_messages (
    message_key  char(64)    primary key,   -- SHA-256 (hex) of the Message-ID, or of the whole message without one
    message_id   text,
    sender       text,
    subject      text,
    status       text        not null check (status in ('PROCESSED', 'FAILED')),
    reason       text        not null,      -- what was stored, or why nothing could be
    pdf_count    integer     not null,
    processed_at timestamptz not null
);
