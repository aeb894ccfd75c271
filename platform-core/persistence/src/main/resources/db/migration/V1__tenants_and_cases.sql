-- Gongzhi core schema, version 1: districts (tenants), cases and their journal.
-- Every tenant-owned table carries tenant_id; Hibernate's @TenantId adds the filter to every
-- query, and the foreign keys below keep rows of one case inside one tenant.

create table tenant (
    id          varchar(32)  primary key,
    name        varchar(100) not null,
    name_en     varchar(100),
    city        varchar(100),
    admin_code  char(6)      not null,
    status      varchar(16)  not null default 'ACTIVE',
    created_at  timestamptz  not null default now(),
    constraint tenant_status_chk check (status in ('ACTIVE', 'SUSPENDED'))
);

create sequence case_number_seq;

create table case_record (
    id               uuid         primary key,
    tenant_id        varchar(32)  not null references tenant (id),
    case_number      varchar(40)  not null,
    title            varchar(200) not null,
    description      text,
    category_code    varchar(16)  not null,
    family           varchar(32)  not null,
    channel          varchar(16)  not null,
    status           varchar(16)  not null,
    tier             varchar(16)  not null,
    grid_code        varchar(32),
    grid_path        varchar(400),
    longitude        double precision,
    latitude         double precision,
    address          varchar(300),
    reporter_name    varchar(100),
    reporter_phone   varchar(32),
    attachments      text[]       not null default '{}',
    lead_department  varchar(32),
    co_departments   varchar(32)[] not null default '{}',
    reported_at      timestamptz  not null,
    registered_at    timestamptz,
    dispatched_at    timestamptz,
    feedback_at      timestamptz,
    closed_at        timestamptz,
    due_at           timestamptz,
    warning_at       timestamptz,
    closed_on_time   boolean,
    rework_count     integer      not null default 0,
    postpone_count   integer      not null default 0,
    reopen_count     integer      not null default 0,
    satisfaction     smallint,
    idempotency_key  varchar(100),
    version          bigint       not null,
    constraint case_satisfaction_chk check (satisfaction between 1 and 5),
    constraint case_number_uq unique (tenant_id, case_number),
    constraint case_idempotency_uq unique (tenant_id, idempotency_key),
    constraint case_tenant_id_uq unique (tenant_id, id)
);

create index case_tenant_status_idx on case_record (tenant_id, status);
create index case_tenant_reported_idx on case_record (tenant_id, reported_at desc);
create index case_tenant_due_open_idx on case_record (tenant_id, due_at)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED');
create index case_tenant_grid_path_idx on case_record (tenant_id, grid_path varchar_pattern_ops);
create index case_tenant_lead_dept_idx on case_record (tenant_id, lead_department);

create table case_journal (
    id           bigint generated always as identity primary key,
    tenant_id    varchar(32) not null,
    case_id      uuid        not null,
    seq          integer     not null,
    occurred_at  timestamptz not null,
    actor        varchar(100) not null,
    action       varchar(16),  -- null for the intake entry
    from_status  varchar(16),
    to_status    varchar(16) not null,
    note         text,
    attachments  text[]      not null default '{}',
    constraint journal_case_fk foreign key (tenant_id, case_id) references case_record (tenant_id, id),
    constraint journal_seq_uq unique (case_id, seq)
);
