-- Digests go out as multipart/alternative: outbox.body keeps the plain text, html the HTML alternative
-- (null for digests queued before this migration: they are sent as plain text).
alter table outbox add column html text;
comment on column outbox.body is 'plain-text part of the digest';
