-- Gongzhi core schema, version 2: what district plugins need from the core.

-- Models enabled per tenant. Seeded from tenants/<id>/tenant.yaml the first time a tenant is
-- loaded; changed afterwards through the city-admin API.
create table tenant_plugin (
    tenant_id   varchar(32) not null references tenant (id),
    model       varchar(40) not null,
    enabled     boolean     not null,
    changed_at  timestamptz not null,
    primary key (tenant_id, model)
);

-- Plugins' own records: the plugin names the collection, the core keeps tenant and model.
-- Data is opaque JSON text; plugins search by their declared refs ("name=value").
create table plugin_record (
    pk          bigint generated always as identity primary key,
    tenant_id   varchar(32)   not null references tenant (id),
    model       varchar(40)   not null,
    collection  varchar(40)   not null,
    record_id   varchar(100)  not null,
    version     bigint        not null,
    data        text          not null,
    refs        varchar(200)[] not null default '{}',
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    constraint plugin_record_uq unique (tenant_id, model, collection, record_id)
);
create index plugin_record_refs_idx on plugin_record using gin (refs);

-- The triage a plugin decided for a case at registration.
alter table case_record
    add column triage_model          varchar(40),
    add column triage_attributes     text,
    add column triage_copy_competent boolean not null default false;
