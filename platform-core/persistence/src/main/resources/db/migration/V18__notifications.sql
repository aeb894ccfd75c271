-- Gongzhi core schema, version 18: notifications (issue 16, ADR 0029).
-- notification_outbox: one row per cause (source_key), destination and channel, written in the
-- transaction of the change that caused it. The destination is a username (inbox, SMS, e-mail: the
-- address is looked up when sending, so no phone number or e-mail address is stored here) or a
-- group of the WeCom robots (department:<code>, district, city). The unique key makes a cause
-- written twice land once. Inbox rows are written as DELIVERED and carry read_at. claimed_by and
-- claimed_until are a lease taken with FOR UPDATE SKIP LOCKED, as in dispatch_outbox (V6).

create table notification_outbox (
    notification_id  uuid          primary key,
    tenant_id        varchar(32)   not null references tenant (id),
    case_id          uuid,
    case_number      varchar(40),
    event            varchar(80)   not null,
    source_key       varchar(200)  not null,
    destination      varchar(100)  not null,
    channel          varchar(8)    not null,
    subject          varchar(200)  not null,
    body             text          not null,
    state            varchar(16)   not null,
    attempts         integer       not null default 0,
    created_at       timestamptz   not null,
    next_attempt_at  timestamptz   not null,
    claimed_by       varchar(128),
    claimed_until    timestamptz,
    delivered_at     timestamptz,
    read_at          timestamptz,
    last_error       varchar(1000),
    receipt          varchar(200),
    constraint notification_once unique (tenant_id, source_key, destination, channel),
    constraint notification_state_chk check (state in ('PENDING', 'DELIVERED', 'DEAD', 'UNROUTED')),
    constraint notification_channel_chk check (channel in ('INBOX', 'SMS', 'EMAIL', 'WECOM'))
);

create index notification_due_idx on notification_outbox (next_attempt_at) where state = 'PENDING';
create index notification_tenant_state_idx on notification_outbox (tenant_id, state, created_at desc);
create index notification_inbox_idx on notification_outbox (tenant_id, destination, created_at desc)
    where channel = 'INBOX';
create index notification_unread_idx on notification_outbox (tenant_id, destination)
    where channel = 'INBOX' and read_at is null;

-- A person's channels (comma-separated channel names; INBOX always) and quiet hours in the
-- district's time zone. No row: the defaults (inbox, SMS, e-mail; no quiet hours).
create table notification_preference (
    tenant_id    varchar(32)  not null references tenant (id),
    username     varchar(64)  not null,
    channels     varchar(64)  not null,
    quiet_start  time,
    quiet_end    time,
    updated_at   timestamptz  not null,
    primary key (tenant_id, username),
    constraint notification_quiet_chk check ((quiet_start is null) = (quiet_end is null))
);

-- A district's own text of an event's template; no row: the shipped zh-CN default.
create table notification_template (
    tenant_id   varchar(32)   not null references tenant (id),
    event       varchar(80)   not null,
    subject     varchar(200)  not null,
    body        text          not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(64)   not null,
    primary key (tenant_id, event)
);
