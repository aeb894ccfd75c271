-- Gongzhi core schema, version 6: the dispatch outbox and the progress reported by departments.
-- A dispatch row is written in the same transaction as the case's dispatch step and is then
-- delivered to the department's system by the integration bundle. claimed_by/claimed_until are a
-- lease: a node claims due rows with FOR UPDATE SKIP LOCKED, so two nodes never hold one row.

create table dispatch_outbox (
    dispatch_id      uuid         primary key,
    tenant_id        varchar(32)  not null references tenant (id),
    case_id          uuid         not null,
    case_number      varchar(40)  not null,
    department       varchar(32)  not null,
    lead             boolean      not null,
    payload          text         not null,
    state            varchar(16)  not null,
    attempts         integer      not null default 0,
    created_at       timestamptz  not null,
    next_attempt_at  timestamptz  not null,
    claimed_by       varchar(128),
    claimed_until    timestamptz,
    delivered_at     timestamptz,
    last_error       varchar(1000),
    receipt          varchar(200),
    last_sequence    bigint,
    constraint dispatch_state_chk check (state in ('PENDING', 'DELIVERED', 'DEAD', 'UNROUTED', 'CANCELLED')),
    constraint dispatch_case_fk foreign key (tenant_id, case_id) references case_record (tenant_id, id)
);

create index dispatch_due_idx on dispatch_outbox (next_attempt_at) where state = 'PENDING';
create index dispatch_tenant_state_idx on dispatch_outbox (tenant_id, state, created_at desc);
create index dispatch_case_idx on dispatch_outbox (tenant_id, case_id);

create table department_update (
    tenant_id     varchar(32)  not null references tenant (id),
    update_id     varchar(128) not null,
    dispatch_id   uuid         not null references dispatch_outbox (dispatch_id),
    department    varchar(32)  not null,
    status        varchar(16)  not null,
    outcome       text         not null,
    received_at   timestamptz  not null,
    primary key (tenant_id, update_id)
);
