-- Gongzhi core schema, version 4: the report archive (报表归档). District reports belong to their
-- tenant; city-wide bulletins carry the city pseudo-tenant "city" and no district reads them.
create table report_archive (
    id            uuid         primary key,
    tenant_id     varchar(32)  not null,
    kind          varchar(16)  not null,
    period        varchar(16)  not null,
    format        varchar(8)   not null,
    title         varchar(200) not null,
    generated_at  timestamptz  not null,
    generated_by  varchar(100) not null,
    size_bytes    integer      not null,
    content       bytea        not null,
    constraint report_kind_chk check (kind in ('MONTHLY', 'QUARTERLY', 'HALF_YEAR')),
    constraint report_format_chk check (format in ('PDF', 'XLSX', 'CSV'))
);
create index report_archive_tenant_idx on report_archive (tenant_id, generated_at desc);
