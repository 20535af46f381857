-- What enrich found in each notice: the fields readers filter on as columns, all of them as jsonb.
alter table notice
    add column document_number  text,
    add column issuer_found     text,
    add column issuer_date      date,
    -- the earliest deadline on or after the bulletin's issue date (the latest one when all have passed)
    add column nearest_deadline date,
    add column fields           jsonb;

-- rule tags from config/tags.yaml and HanLP keywords, kept apart by kind
create table notice_tag (
    notice_id bigint not null references notice (id),
    tag       text not null,
    kind      text not null check (kind in ('rule', 'keyword')),
    primary key (notice_id, kind, tag)
);
create index notice_tag_tag on notice_tag (tag);

-- every deadline of a notice, for "tagged X with a deadline after D"
create table notice_deadline (
    notice_id bigint not null references notice (id),
    deadline  date not null,
    sentence  text not null
);
create index notice_deadline_notice on notice_deadline (notice_id, deadline);
