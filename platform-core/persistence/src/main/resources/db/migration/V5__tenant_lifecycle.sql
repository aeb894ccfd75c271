-- Gongzhi core schema, version 5: the tenant lifecycle and residents' own cases.
-- A deleted district keeps its tenant row as a tombstone (status DELETED, every other row of it
-- removed), so that start-up does not create it again from its definition files.
alter table tenant drop constraint tenant_status_chk;
alter table tenant add constraint tenant_status_chk check (status in ('ACTIVE', 'SUSPENDED', 'DELETED'));
alter table tenant add column status_changed_at timestamptz;
alter table tenant add column status_reason varchar(200);

-- The identity subject (Keycloak "sub") of the resident who reported a case.
alter table case_record add column reporter_subject varchar(64);
create index case_tenant_reporter_idx on case_record (tenant_id, reporter_subject) where reporter_subject is not null;
