-- Gongzhi core schema, version 24: duplicates and repeat complaints (重复件与重复投诉, issue 17, ADR 0034).
--
-- geo_cell: the case's cell of a 0.002° grid (about 220 m north-south, 200 m east-west at 27°N), as
-- floor(latitude·500)·1,000,000 + floor(longitude·500); null without coordinates. Intake looks for
-- duplicates and repeats in the cells around a new case, on (tenant_id, geo_cell, reported_at): a few
-- index ranges of the time window, never a scan. Cases without coordinates are looked for on
-- (tenant_id, grid_code, reported_at).
alter table case_record add column geo_cell bigint
    generated always as (floor(latitude * 500)::bigint * 1000000 + floor(longitude * 500)::bigint) stored;
create index case_geo_cell_idx on case_record (tenant_id, geo_cell, reported_at);
create index case_grid_reported_idx on case_record (tenant_id, grid_code, reported_at);
-- a located intake looks in its grid only for cases without coordinates: this range holds just those
create index case_grid_unlocated_idx on case_record (tenant_id, grid_code, reported_at) where geo_cell is null;

-- phone_hash: SHA-256 (hex) of the reporter's phone, digits only. Repeat complaints compare it; the phone
-- itself is never compared, indexed or logged.
alter table case_record add column phone_hash varchar(64);
update case_record set phone_hash = encode(sha256(convert_to(regexp_replace(reporter_phone, '[^0-9]', '', 'g'), 'UTF8')), 'hex')
    where reporter_phone is not null and regexp_replace(reporter_phone, '[^0-9]', '', 'g') <> '';
create index case_phone_hash_idx on case_record (tenant_id, phone_hash, reported_at);

-- The duplicate flag (疑似重复): FLAGGED at intake with its score and candidates (JSON array of
-- {id, number, score, distanceMetres, hours, textOverlap, sameGrid}); MERGED into merged_into (the
-- master) or DISMISSED (不是重复) by the dispatcher. A merged case follows its master and is left out of
-- the lists and the KPIs.
alter table case_record add column duplicate_state varchar(16);
alter table case_record add column duplicate_score real;
alter table case_record add column duplicate_candidates text;
alter table case_record add column merged_into uuid;
alter table case_record add constraint case_duplicate_state_chk
    check (duplicate_state in ('FLAGGED', 'MERGED', 'DISMISSED'));
alter table case_record add constraint case_merged_into_fk foreign key (tenant_id, merged_into)
    references case_record (tenant_id, id);
create index case_merged_into_idx on case_record (merged_into) where merged_into is not null;

-- repeat_number: the how-many-th report this is (第N次反映) of the same category by the same phone or at the
-- same place within 30 days; 1 for a first report.
alter table case_record add column repeat_number integer not null default 1;
