-- Gongzhi core schema, version 32: the staff's lists count their cases from an index again (issue 17).
--
-- Since V24 every staff list leaves merged duplicates out (merged_into is null, ADR 0034). No index held that
-- column, so the exact total of a list without a narrower filter ("all cases, newest first") read every case of
-- the district from the heap: 1.3-1.5 s p95 at 1,000,000 cases. This partial index holds the district's
-- unmerged cases only, so that count is an index-only scan again (172 ms p95 at 1,000,000; docs/performance.md).
create index case_unmerged_idx on case_record (tenant_id) where merged_into is null;
