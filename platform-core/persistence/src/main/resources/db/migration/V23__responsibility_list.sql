-- Gongzhi core schema, version 23: the responsibility list (责任清单 / 派单目录, issue 17, ADR 0033).
--
-- responsibility_list holds a district's list once its administrator replaced it (no row: the list of
-- the district's definition, responsibility.yaml, is in force). entries is the JSON array of the lines
-- (categoryCode, gridCode, leadDepartment, coDepartments, tier); the platform reads the row on every
-- registration, so a change holds on every node at once, without a restart.
create table responsibility_list (
    tenant_id      varchar(32)  primary key references tenant (id),
    auto_dispatch  boolean      not null,
    entries        text         not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(200) not null
);

-- The dispatch proposed for the case (派单建议), at intake and again at registration: the lead and
-- co-handling departments, the tier, and where the proposal came from (list, triage:<model> or
-- list+triage:<model>). Empty when nothing proposed one.
alter table case_record add column proposed_lead varchar(32);
alter table case_record add column proposed_co varchar(32)[] not null default '{}';
alter table case_record add column proposed_tier varchar(16);
alter table case_record add column proposal_source varchar(80);
