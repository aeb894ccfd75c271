-- Gongzhi core schema, version 20: 12345 回访 — the callback attempts to the callers of closed hotline
-- cases (ADR 0030). One row per attempt, written in the transaction of the case step that records it
-- (evaluate when reached, comment when not), so the count of failed attempts and the journal agree.
-- Attempts count from the case's last close (attempted_at >= case_record.closed_at). The reply to the
-- hotline needs no table: it is a row of dispatch_outbox under department '12345:reply'.

create table hotline_callback (
    tenant_id     varchar(32)  not null references tenant (id),
    case_id       uuid         not null,
    attempt_id    bigint       generated always as identity primary key,
    attempted_at  timestamptz  not null,
    actor         varchar(200) not null,
    reached       boolean      not null,
    satisfaction  smallint,
    journal_seq   integer      not null,
    constraint hotline_callback_case_fk foreign key (tenant_id, case_id) references case_record (tenant_id, id),
    constraint hotline_callback_satisfaction_chk check (
        (reached and satisfaction between 1 and 5) or (not reached and satisfaction is null))
);

create index hotline_callback_case_idx on hotline_callback (tenant_id, case_id, attempted_at);

-- the callback list: closed hotline cases of a district, oldest close first
create index case_callback_idx on case_record (tenant_id, closed_at) where channel = 'hotline' and status = 'CLOSED';
