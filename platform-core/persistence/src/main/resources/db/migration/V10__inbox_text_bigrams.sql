-- Gongzhi core schema, version 10: the bigrams of V9 in a column. V9 indexed the expression
-- gongzhi_bigrams(title || ' ' || address); a query that re-checks rows (a page walked in reporting
-- order) then computed the function for each row it read. Kept in a generated column, they are read,
-- not computed (docs/performance.md: the page of a common two-character search 25 ms → 0.7 ms).
-- A text of two characters without letter case is its own bigram: the index alone decides, no ilike.
drop index case_text_bigrams_idx;
alter table case_record add column text_bigrams text[]
    generated always as (gongzhi_bigrams(title || ' ' || coalesce(address, ''))) stored;
create index case_text_bigrams_idx on case_record using gin (text_bigrams);
