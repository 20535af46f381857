-- The writer computes a notice's search terms (store.SearchTerms, the same terms as V11's search_terms, which its
-- regular expressions made cost PostgreSQL about 25 ms of CPU per bulletin) and so does a query: notice.search becomes
-- a plain column, keeping what is indexed, and the SQL definitions go so that there is only one.
alter table notice alter column search drop expression;
drop function search_query(text);
drop function search_terms(text, boolean);

-- A PDF's streams are compressed already: PostgreSQL's attempt to compress it again only costs time.
alter table bulletin_pdf alter column content set storage external;
