-- Failed attempts at one input (a file by its content's SHA-256, a mail by its message key), counted here so that
-- restarts and several instances agree on when an input that keeps failing is set aside. A row is removed when the
-- input finally succeeds or is set aside.
create table intake_attempt (
    kind       text        not null check (kind in ('file', 'mail')),
    input_key  text        not null,
    attempts   integer     not null,
    last_error text        not null,
    first_at   timestamptz not null,
    last_at    timestamptz not null,
    primary key (kind, input_key)
);
