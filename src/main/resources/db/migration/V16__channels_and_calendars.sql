-- Channel deliveries: one message per bulletin, owner and channel (a DingTalk, WeCom or Feishu group robot, or a web
-- hook), queued in the store's transaction with the mail digests and sent by notify.ChannelSender with the same
-- guarantees (row lock while sent, back-off, failed with the platform's own answer). The body is the message before
-- signing; the signing secret is never stored (secret_env names the environment variable that holds it).
create table channel_delivery (
    id              bigserial primary key,
    bulletin_id     bigint not null references bulletin (id),
    owner           text not null,
    channel_type    text not null,
    url             text not null,
    secret_env      text,
    title           text not null,
    body            text not null,
    notices         integer not null,
    created_at      timestamptz not null default now(),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz,
    failed_at       timestamptz,
    resent_at       timestamptz,
    unique (bulletin_id, owner, channel_type, url)
);
create index channel_delivery_pending on channel_delivery (next_attempt_at) where sent_at is null and failed_at is null;
-- a robot takes about 20 messages a minute: the sender counts what it sent to each in the last minute
create index channel_delivery_robot_sent on channel_delivery (url, sent_at) where sent_at is not null;

-- Each owner's deadline calendar is served at /calendar/<token>.ics: a random token, replaced (and so revoked) on
-- request.
create table calendar_token (
    owner     text primary key,
    token     text not null unique,
    issued_at timestamptz not null default now()
);
