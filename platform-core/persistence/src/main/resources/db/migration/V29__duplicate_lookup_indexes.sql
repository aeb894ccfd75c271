-- Gongzhi core schema, version 29: cheaper duplicate and repeat look-ups at intake (issue 17, ADR 0034).
--
-- At 1,000,000 stored cases the repeat count read about 200 rows per intake from the heap: the 30-day range of
-- the 3 × 3 cells of 200 m around the case, of every category, to keep the few of the same category within
-- 50 m. This index puts the category in the key and uses cells of 0.0005° (about 55 × 50 m at 27° N,
-- floor(latitude·2000)·1,000,000 + floor(longitude·2000); GeoCells.repeatCell must stay equal), and carries the
-- coordinates, so the count reads the few nearby reports of the case's category from the index alone.
create index case_repeat_place_idx on case_record
    (tenant_id, category_code, (floor(latitude * 2000)::bigint * 1000000 + floor(longitude * 2000)::bigint), reported_at)
    include (latitude, longitude);

-- Duplicate candidates are open cases only: this range holds just those (its predicate is DuplicateDetector's).
-- It replaces the V24 index on all cases, which nothing else reads.
create index case_open_cell_idx on case_record (tenant_id, geo_cell, reported_at)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED') and merged_into is null;
drop index case_geo_cell_idx;
