-- The first occurrence of each notice fingerprint: the notice that is new, every later one with the same fingerprint
-- in another bulletin is a repeat of it. Its primary key makes "a fingerprint is new in exactly one bulletin" hold
-- whatever the interleaving of concurrent saves: a second transaction inserting the same fingerprint waits for the
-- first one and then conflicts (or wins, if the first rolled back). The repeat_of subquery alone could not see
-- another transaction's uncommitted notices, so two copies saved at once both counted their notices as new.
create table notice_first (
    fingerprint text primary key,
    notice_id   bigint not null references notice (id)
);

-- existing notices: the earliest of each fingerprint
insert into notice_first (fingerprint, notice_id)
select distinct on (fingerprint) fingerprint, id from notice order by fingerprint, id;
