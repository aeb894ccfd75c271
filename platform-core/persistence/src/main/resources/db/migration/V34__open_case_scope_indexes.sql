-- Gongzhi core schema, version 34: the scoped inboxes and the plugin-attribute filter over the open cases
-- (issue 17).
--
-- At 1,000,000 cases the grid worker's inbox took 213-226 ms p95, the department's 147-173 ms and the inbox
-- filtered by a plugin attribute (Jizhou's colour red) 152-166 ms. Each page is quick (the due-time index
-- stops after 50 rows); the count is not: the grid path and lead department indexes and the attribute GIN index
-- hold every case of the district, so the count read 50,000-200,000 index entries and then the heap rows of
-- each to drop the closed ones. These hold only open, unmerged cases, with V29's and V33's predicate, which
-- the inbox's list of open statuses is proven to imply. The co-handling departments keep V9's GIN index:
-- they are few per case, so its matches are few.
create index case_open_grid_path_idx on case_record (tenant_id, grid_path varchar_pattern_ops)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED') and merged_into is null;

create index case_open_lead_department_idx on case_record (tenant_id, lead_department)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED') and merged_into is null;

create index case_open_triage_attributes_idx on case_record using gin ((cast(triage_attributes as jsonb)) jsonb_path_ops)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED') and merged_into is null;
