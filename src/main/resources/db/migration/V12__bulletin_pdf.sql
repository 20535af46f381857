-- The PDF each bulletin was read from, so the console can serve it (a notice page links to its pages). Written right
-- after the bulletin's transaction (routes/ingest.yaml); a bulletin stored before this migration has none until the
-- same PDF is dropped again.
create table bulletin_pdf (
    bulletin_id bigint primary key references bulletin (id),
    content     bytea  not null
);
