-- One row per distinct bulletin content (SHA-256), with what it was split into and the digests to send.
create table bulletin (
    id            bigserial primary key,
    sha256        text not null unique,
    source_kind   text not null,
    original_name text not null,
    message_id    text,
    received_at   timestamptz not null,
    issued        date,
    pages         integer not null,
    text          text not null
);

create table section (
    id           bigserial primary key,
    bulletin_id  bigint not null references bulletin (id),
    position     integer not null,
    category     text not null,
    heading      text not null,
    period_start date,
    period_end   date,
    signoff_dept text,
    signoff_date date
);

create table notice_group (
    id         bigserial primary key,
    section_id bigint not null references section (id),
    position   integer not null,
    label      text not null
);

create table notice (
    id         bigserial primary key,
    group_id   bigint not null references notice_group (id),
    no         integer not null,
    title      text not null,
    -- SHA-256 of normalised title + issuer (NoticeFingerprint): the notice's identity across bulletins
    fingerprint text not null,
    issuer     text,
    date       date,
    source     text,
    published  text,
    page       integer not null,
    last_page  integer not null,
    links      text[] not null,
    body_links text[] not null,
    body       text not null,
    -- the first notice with the same fingerprint, in an earlier bulletin
    repeat_of  bigint references notice (id)
);
create index notice_fingerprint on notice (fingerprint);

-- transactional outbox: written with the bulletin, sent by OutboxSender
create table outbox (
    id              bigserial primary key,
    bulletin_id     bigint not null references bulletin (id),
    recipient       text not null,
    subject         text not null,
    body            text not null,
    message_id      text not null unique,
    created_at      timestamptz not null default now(),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz
);
create index outbox_pending on outbox (next_attempt_at) where sent_at is null;
