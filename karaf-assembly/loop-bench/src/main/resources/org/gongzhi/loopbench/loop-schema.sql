-- The plain-JDBC loop's own tables: the columns of case_record, case_journal and dispatch_outbox
-- (platform-core/persistence, V1, V6, V13) that one closed loop writes, with the same keys, the
-- journal's transaction id and its notify trigger. See README.md for what is and is not mirrored.
create sequence if not exists loop_case_number_seq;

create table if not exists loop_case (
    id               uuid         primary key,
    tenant_id        varchar(32)  not null,
    case_number      varchar(40)  not null,
    title            varchar(200) not null,
    description      text,
    category_code    varchar(16)  not null,
    channel          varchar(16)  not null,
    status           varchar(16)  not null,
    grid_code        varchar(32),
    lead_department  varchar(32),
    reported_at      timestamptz  not null,
    registered_at    timestamptz,
    dispatched_at    timestamptz,
    feedback_at      timestamptz,
    closed_at        timestamptz,
    due_at           timestamptz,
    closed_on_time   boolean,
    satisfaction     smallint,
    version          bigint       not null,
    constraint loop_case_number_uq unique (tenant_id, case_number),
    constraint loop_case_tenant_id_uq unique (tenant_id, id),
    constraint loop_case_satisfaction_chk check (satisfaction between 1 and 5)
);
-- tables of a run before the loop had its evaluation
alter table loop_case add column if not exists satisfaction smallint check (satisfaction between 1 and 5);
create index if not exists loop_case_status_idx on loop_case (tenant_id, status);
create index if not exists loop_case_reported_idx on loop_case (tenant_id, reported_at desc);
create index if not exists loop_case_due_open_idx on loop_case (tenant_id, due_at)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED');

create table if not exists loop_journal (
    id           bigint generated always as identity primary key,
    tenant_id    varchar(32)  not null,
    case_id      uuid         not null,
    seq          integer      not null,
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    action       varchar(16),
    from_status  varchar(16),
    to_status    varchar(16)  not null,
    note         text,
    txid         xid8         not null default pg_current_xact_id(),
    constraint loop_journal_case_fk foreign key (tenant_id, case_id) references loop_case (tenant_id, id),
    constraint loop_journal_seq_uq unique (case_id, seq)
);
create index if not exists loop_journal_txid_idx on loop_journal (tenant_id, txid, id);

create or replace function loop_journal_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('loop_bench_event', '');
    return null;
end
$$;
drop trigger if exists loop_journal_notify on loop_journal;
create trigger loop_journal_notify after insert on loop_journal
    for each statement execute function loop_journal_notify();

create table if not exists loop_dispatch (
    dispatch_id      uuid         primary key,
    tenant_id        varchar(32)  not null,
    case_id          uuid         not null,
    case_number      varchar(40)  not null,
    department       varchar(32)  not null,
    lead             boolean      not null,
    payload          text         not null,
    state            varchar(16)  not null,
    created_at       timestamptz  not null,
    next_attempt_at  timestamptz  not null,
    constraint loop_dispatch_case_fk foreign key (tenant_id, case_id) references loop_case (tenant_id, id)
);
create index if not exists loop_dispatch_due_idx on loop_dispatch (next_attempt_at) where state = 'PENDING';
create index if not exists loop_dispatch_case_idx on loop_dispatch (tenant_id, case_id);
