-- Gongzhi core schema, version 28: find a case by the reporter's phone (issue 17, search; ADR 0038).
-- The phone is personal data already kept in reporter_phone; the key is the same number reduced to its
-- digits and, when longer, its last 11 (a mainland mobile number or an area code with a landline), so that
-- "+86 138-0013-8000", "8613800138000" and "13800138000" are one key. Only equality is searched (never a
-- part of a number): a btree per district, partial because most cases of some channels carry no phone.
create function gongzhi_phone_key(p text) returns text
    language sql immutable strict parallel safe
    return nullif(right(regexp_replace(p, '[^0-9]', '', 'g'), 11), '');
alter table case_record add column reporter_phone_key text
    generated always as (gongzhi_phone_key(reporter_phone)) stored;
create index case_tenant_phone_key_idx on case_record (tenant_id, reporter_phone_key)
    where reporter_phone_key is not null;
