-- A digest the SMTP server refused for good (a 5xx reply) is failed: failed_at is set, last_error keeps the server's
-- reply, and it is not tried again until someone re-queues it (Outbox.requeue).
alter table outbox add column failed_at timestamptz;

drop index outbox_pending;
create index outbox_pending on outbox (next_attempt_at) where sent_at is null and failed_at is null;
