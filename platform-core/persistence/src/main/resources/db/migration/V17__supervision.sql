-- Gongzhi core schema, version 17: supervision of cases (督办, issue 16).
--
-- One row per record: automatic reminders (催办, kind REMINDER), orders issued by hand (督办 ORDER),
-- listed major matters (挂牌督办 LISTED) and escalations to the city (提级督办 ESCALATION).
-- cycle_at is the SLA cycle an automatic record answers: the case's warning_at (trigger WARNING), its
-- due_at (OVERDUE: a postponed case has a new due time, so a new cycle) or its registered_at (REWORK);
-- null for records issued by hand. The partial unique index makes an automatic record exist at most
-- once per case, kind, trigger and cycle, whichever node writes it first (the sweep inserts with
-- "on conflict do nothing" and journals and notifies only what it inserted).

create table supervision (
    id            uuid          primary key,
    tenant_id     varchar(32)   not null references tenant (id),
    case_id       uuid          not null,
    case_number   varchar(40)   not null,
    kind          varchar(16)   not null,
    trigger       varchar(16)   not null,
    cycle_at      timestamptz,
    reason        varchar(500)  not null,
    deadline      timestamptz,
    issued_by     varchar(100)  not null,
    issued_at     timestamptz   not null,
    answer        varchar(2000),
    answered_by   varchar(100),
    answered_at   timestamptz,
    published_at  timestamptz,
    constraint supervision_case_fk foreign key (tenant_id, case_id) references case_record (tenant_id, id),
    constraint supervision_kind_chk check (kind in ('REMINDER', 'ORDER', 'LISTED', 'ESCALATION')),
    constraint supervision_trigger_chk check (trigger in ('WARNING', 'OVERDUE', 'REWORK', 'MANUAL')),
    constraint supervision_cycle_chk check ((trigger = 'MANUAL') = (cycle_at is null)),
    constraint supervision_deadline_chk check ((kind = 'REMINDER') = (deadline is null)),
    constraint supervision_answer_chk check (kind <> 'REMINDER' or answered_at is null),
    constraint supervision_published_chk check (kind = 'LISTED' or published_at is null)
);

create unique index supervision_auto_uq on supervision (tenant_id, case_id, kind, trigger, cycle_at)
    where cycle_at is not null;
create index supervision_case_idx on supervision (tenant_id, case_id, issued_at);
create index supervision_listed_idx on supervision (tenant_id, issued_at desc) where kind = 'LISTED';
create index supervision_escalation_idx on supervision (issued_at desc) where kind = 'ESCALATION';
create index supervision_order_deadline_idx on supervision (tenant_id, deadline) where kind <> 'REMINDER';
create index supervision_tenant_issued_idx on supervision (tenant_id, issued_at);

-- The sweep's searches: open cases whose clock runs, by warning time (by due time the V1 index
-- case_tenant_due_open_idx serves), and cases reworked at least once.
create index case_tenant_warning_running_idx on case_record (tenant_id, warning_at)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED', 'POSTPONED');
create index case_tenant_reworked_open_idx on case_record (tenant_id, rework_count)
    where rework_count > 0 and status not in ('CLOSED', 'EVALUATED', 'REJECTED');
