-- Gongzhi core schema, version 33: word search and the category filter over the open cases (issue 17).
--
-- At 1,000,000 cases a two-character word in the dispatcher's open inbox took 534-628 ms p95: the bigram index
-- returns every case with the word (66,848 for the commonest), and the status filter then dropped all but the
-- 2,076 open ones, one heap row at a time. The category filter of the inbox sorted the open cases of a category
-- by due time (120-190 ms). Both indexes hold only open, unmerged cases (a few percent of a district with
-- years of history), with the same predicate as V29's: a query whose status list names open statuses only is
-- proven to imply it.
create index case_open_text_bigrams_idx on case_record using gin (text_bigrams)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED') and merged_into is null;

create index case_open_category_due_idx on case_record (tenant_id, category_code, due_at)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED') and merged_into is null;
