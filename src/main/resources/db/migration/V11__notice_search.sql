-- Chinese full-text search without an extra server. PostgreSQL cannot segment Chinese, so the index holds character
-- bigrams (and single characters, so that a one-character query works) of every run of CJK characters, and whole
-- words of every run of Latin letters and digits, as a tsvector under no text search configuration
-- (array_to_tsvector keeps the terms as they are). Title weighs most (A), then issuer and document number (B),
-- then the body (D). A generated column keeps the index right for every writer and back-fills existing notices.

-- The terms of a text: bigrams of each CJK run, its single characters too when with_chars (or when the run is one
-- character long), lower-cased Latin/digit words. A query uses the same function without single characters, so
-- '参比制剂' looks for 参比, 比制, 制剂.
create function search_terms(doc text, with_chars boolean) returns text[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct term), '{}')
    from (select m[1] as run
          from regexp_matches(lower(coalesce(doc, '')), '([\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+)', 'g') m) runs,
         lateral (select substr(run, i, 2) from generate_series(1, length(run) - 1) i
                  where run ~ '^[\u3400-\u9fff\uf900-\ufaff]'
                  union all
                  select substr(run, i, 1) from generate_series(1, length(run)) i
                  where run ~ '^[\u3400-\u9fff\uf900-\ufaff]' and (with_chars or length(run) = 1)
                  union all
                  select run where run !~ '^[\u3400-\u9fff\uf900-\ufaff]') terms(term)
$$;

-- A search text as a query: every term must be present (null when the text has no term).
create function search_query(q text) returns tsquery
    language sql immutable parallel safe as $$
    select case when cardinality(t) = 0 then null
                else array_to_string(array(select quote_literal(x) from unnest(t) x), ' & ')::tsquery end
    from (select search_terms(q, false) t) terms
$$;

alter table notice add column search tsvector generated always as (
    setweight(array_to_tsvector(search_terms(title, true)), 'A')
    || setweight(array_to_tsvector(search_terms(coalesce(issuer, '') || ' ' || coalesce(issuer_found, '') || ' '
                                                || coalesce(document_number, ''), true)), 'B')
    || setweight(array_to_tsvector(search_terms(body, true)), 'D')) stored;

create index notice_search on notice using gin (search);
-- filters of the console: bulletin date range, deadline ranges
create index bulletin_issued on bulletin (issued);
create index notice_deadline_deadline on notice_deadline (deadline);
