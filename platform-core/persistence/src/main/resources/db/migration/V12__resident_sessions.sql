-- Gongzhi core schema, version 12: residents who report without a Keycloak account (issue 14).
-- A resident proves a mobile number with a one-time code sent by SMS and gets an opaque session
-- token. Neither the code nor the token is stored: only a SHA-256 (the code's with a random salt).
-- Rows belong to a district (tenant_id on every row and in every query of gongzhi-resident), and
-- live here rather than in one node's memory, so that all platform nodes agree.

-- resident subjects, "resident:" and 64 hex digits, are longer than Keycloak's subject UUIDs
alter table case_record alter column reporter_subject type varchar(128);

-- One pending code per phone and district: a new code replaces the old one (no sooner than 60 s
-- after it, checked in the same statement, so two nodes cannot both send). Single use: deleted
-- when it is used; dead after 5 wrong attempts; expired after 5 minutes.
create table resident_code (
    tenant_id    varchar(32)  not null references tenant (id),
    phone_hash   char(64)     not null, -- hex SHA-256 of '<tenant>:<phone>' (the subject's hash)
    code_hash    char(64)     not null, -- hex SHA-256 of salt, phone hash and code
    salt         char(32)     not null, -- 16 random bytes, hex
    issued_at    timestamptz  not null,
    expires_at   timestamptz  not null,
    attempts     integer      not null default 0,
    primary key (tenant_id, phone_hash),
    constraint resident_code_attempts_chk check (attempts between 0 and 5)
);
create index resident_code_expiry_idx on resident_code (tenant_id, expires_at);

-- Sessions: fixed lifetime (7 days by default), revoked by deleting the row.
create table resident_session (
    tenant_id    varchar(32)  not null references tenant (id),
    token_hash   char(64)     not null, -- hex SHA-256 of the token (256 random bits)
    subject      varchar(128) not null,
    phone        varchar(20)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    primary key (tenant_id, token_hash)
);
create index resident_session_subject_idx on resident_session (tenant_id, subject);
create index resident_session_expiry_idx on resident_session (tenant_id, expires_at);
