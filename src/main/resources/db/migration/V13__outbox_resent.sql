-- Resend now (console, POST /api/digests/{id}/resend): when an admin last asked for the digest to be sent (again).
alter table outbox add column resent_at timestamptz;
