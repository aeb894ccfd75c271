-- Gongzhi core schema, version 27: cross-district transfer (跨区转办, issue 17 part 5, ADR 0037).
--
-- Where the reporter lives and the district of their household registration (户籍), when given: personal
-- data, shown to the district's staff only. The rule of seed 002 (service matters by residence, rights
-- matters by household registration) proposes a transfer from them.
alter table case_record add column residence_district varchar(32);
alter table case_record add column household_district varchar(32);

-- A case's part in a transfer: PENDING while a transfer from it awaits the receiver (the case takes no step),
-- SENT once the receiver took it over (closed here, left out of this district's KPIs). Null otherwise, and
-- on the receiver's copy, which is an ordinary case of its district.
alter table case_record add column transfer_state varchar(16);
alter table case_record add constraint case_transfer_state_chk check (transfer_state in ('PENDING', 'SENT'));

-- One transfer between two districts of a city. It belongs to both: the sender writes it, the receiver
-- answers it, so it carries both tenant ids and the foreign keys keep each case inside its own tenant. At most
-- one transfer of a case is pending at a time.
create table case_transfer (
    id              uuid         primary key,
    from_tenant     varchar(32)  not null references tenant (id),
    from_case_id    uuid         not null,
    to_tenant       varchar(32)  not null references tenant (id),
    to_case_id      uuid,
    state           varchar(16)  not null,
    note            varchar(1000),
    reason          varchar(1000),
    transferred_by  varchar(200) not null,
    transferred_at  timestamptz  not null,
    decided_by      varchar(200),
    decided_at      timestamptz,
    constraint case_transfer_state_chk check (state in ('PENDING', 'ACCEPTED', 'REFUSED')),
    constraint case_transfer_districts_chk check (from_tenant <> to_tenant),
    constraint case_transfer_from_fk foreign key (from_tenant, from_case_id) references case_record (tenant_id, id),
    constraint case_transfer_to_fk foreign key (to_tenant, to_case_id) references case_record (tenant_id, id)
);

create unique index case_transfer_pending_uq on case_transfer (from_tenant, from_case_id) where state = 'PENDING';
create index case_transfer_to_idx on case_transfer (to_tenant, transferred_at desc);
create index case_transfer_from_case_idx on case_transfer (from_tenant, from_case_id);
create index case_transfer_to_case_idx on case_transfer (to_tenant, to_case_id) where to_case_id is not null;
