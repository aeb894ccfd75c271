-- Gongzhi core schema, version 9: the dispatcher's inbox (issue 13). The console lists a district's
-- cases by several statuses at once, soonest due first, counts them per status with overdue and due
-- soon, filters by co-handling department and by a plugin's attribute (e.g. colour). Measured with
-- 100,000 cases in one district: docs/performance.md.

-- per-status counts with overdue / due soon, and "these statuses, soonest due first", read this index
-- alone; it replaces the (tenant_id, status) index of V1, whose queries it serves as well
create index case_tenant_status_due_idx on case_record (tenant_id, status, due_at);
drop index case_tenant_status_idx;

-- a department sees, and is filtered by, the cases it leads (V1's lead index) or co-handles
create index case_co_departments_idx on case_record using gin (co_departments);

-- the triaging plugin's attributes, a JSON object of strings, searched by containment (colour=red)
create index case_triage_attributes_idx on case_record using gin ((cast(triage_attributes as jsonb)) jsonb_path_ops);
