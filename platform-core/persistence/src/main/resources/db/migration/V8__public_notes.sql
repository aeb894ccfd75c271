-- Gongzhi core schema, version 8: what the public may see (issue 12, Open311 privacy).
-- A case is public only when the intake decided so (channel open311; later a resident who agreed);
-- journal notes are internal, public_note is the text written for the public. Also the reporter's
-- e-mail address and the reporting system's address id, which Open311 clients send.

alter table case_record add column public_case boolean not null default false;
alter table case_record add column reporter_email varchar(254);
alter table case_record add column address_id varchar(100);
alter table case_journal add column public_note text;

-- cases that came in through Open311 were published by their client
update case_record set public_case = true where channel = 'open311';
-- updates that Open311 clients posted were public already
update case_journal set public_note = note where actor like 'open311:%' and action = 'PROGRESS';

create index case_tenant_public_reported_idx on case_record (tenant_id, reported_at desc) where public_case;
