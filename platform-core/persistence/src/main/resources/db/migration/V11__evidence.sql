-- Gongzhi core schema, version 11: evidence (证据材料, issue 14). One row per upload; the bytes live in
-- the evidence store (filesystem or S3) under the content address sha256, shared by equal uploads.
-- A row belongs to its uploader until the intake or a step names it among its attachments
-- ("evidence:<id>"): then case_id and journal_seq say where it was attached. Capture time and place
-- are kept only where the uploader agreed.

create table evidence (
    id                 uuid         primary key,
    tenant_id          varchar(32)  not null references tenant (id),
    sha256             varchar(64)  not null,
    kind               varchar(16)  not null,
    media_type         varchar(100) not null,
    display_media_type varchar(100) not null,
    size_bytes         bigint       not null,
    width              integer,
    height             integer,
    thumbnail          boolean      not null,
    file_name          varchar(200),
    uploaded_by        varchar(100) not null,
    uploader_subject   varchar(200),
    uploaded_at        timestamptz  not null,
    captured_at        timestamptz,
    latitude           double precision,
    longitude          double precision,
    case_id            uuid,
    journal_seq        integer,
    constraint evidence_tenant_id_uq unique (tenant_id, id),
    constraint evidence_case_fk foreign key (tenant_id, case_id) references case_record (tenant_id, id)
);

create index evidence_case_idx on evidence (tenant_id, case_id, journal_seq) where case_id is not null;
create index evidence_unattached_idx on evidence (tenant_id, uploaded_at) where case_id is null;
