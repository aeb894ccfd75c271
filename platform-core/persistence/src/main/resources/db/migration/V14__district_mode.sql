-- Gongzhi core schema, version 14: the operating mode of each district (平时/战时, issue 15, seed 004)
-- and the cases that wartime touched.
--
-- district_mode holds the mode in force, one row per district once it was first switched (no row:
-- NORMAL, never switched). district_mode_switch journals every switch: who, why, when, from which
-- mode. A switch writes both in one transaction, guarded by the row (insert ... on conflict ... where
-- the mode differs), and announces itself with pg_notify('gongzhi_district_mode', <tenant id>).

create table district_mode (
    tenant_id    varchar(32)  primary key references tenant (id),
    mode         varchar(16)  not null,
    since        timestamptz  not null,
    reason       varchar(500) not null,
    switched_by  varchar(200) not null,
    constraint district_mode_chk check (mode in ('NORMAL', 'WARTIME'))
);

create table district_mode_switch (
    id           bigint generated always as identity primary key,
    tenant_id    varchar(32)  not null references tenant (id),
    mode         varchar(16)  not null,
    previous     varchar(16)  not null,
    switched_at  timestamptz  not null,
    reason       varchar(500) not null,
    switched_by  varchar(200) not null,
    constraint district_mode_switch_chk check (mode in ('NORMAL', 'WARTIME') and previous in ('NORMAL', 'WARTIME')
        and mode <> previous)
);
create index district_mode_switch_tenant_at_idx on district_mode_switch (tenant_id, switched_at);

-- wartime: the case's clock started under the emergency plan (registered in wartime); it keeps the
-- due time it was given after the district switches back (ADR 0021).
-- command_post: routed straight to the command post at intake (a command-post category in wartime).
alter table case_record add column wartime boolean not null default false;
alter table case_record add column command_post boolean not null default false;
create index case_tenant_command_post_idx on case_record (tenant_id, reported_at desc) where command_post;
