-- Which service instance is taking which inbox file right now: the folder intake's shared read lock, so that several
-- instances watching one inbox take each file once. A claim lives from the read lock until the file has been moved
-- (or given back for a retry); a claim left by an instance that died is taken over once it is older than
-- bulletin.inbox.claim-expiry.
create table file_claim (
    key_hash   char(64)    primary key,   -- SHA-256 (hex) of file_key: an absolute path can be longer than an index allows
    file_key   text        not null,      -- the claimed file's absolute path, for people reading the table
    claimed_by text        not null,      -- the instance (pid@host)
    claimed_at timestamptz not null
);
