-- Gongzhi core schema, version 25: a case's named handler (承办人, issue 17 part 3, ADR 0035).
--
-- assignee: the username of the person of the district who holds the case now (a department handler of
-- its lead department or a grid worker of its grid), assigned and reassigned by the holding department,
-- the grid or the centre; every change is a journal entry on the case. Kept after closing, so that the
-- person-level figures (workload, the top-ten awards) count the case for whoever held it last.
-- assigned_at: when the current assignee took it. Both empty while nobody is named.
alter table case_record add column assignee varchar(64);
alter table case_record add column assigned_at timestamptz;

-- "mine" lists and the workload per person: the cases of one person by status.
create index case_tenant_assignee_idx on case_record (tenant_id, assignee, status) where assignee is not null;
