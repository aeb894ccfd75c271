-- Gongzhi core schema, version 21: orders past their deadline, and the inbox pushed (ADR 0028, ADR 0031).
--
-- overdue_noticed_at: when the sweep told an order's issuer and the case's holders that the order
-- (督办, 挂牌督办, 提级督办) passed its own deadline unanswered. The sweep claims the late orders with
-- FOR NO KEY UPDATE SKIP LOCKED and notifies only where its update set this column, so each late
-- order is told once whichever node sweeps. The partial index serves that search.
alter table supervision add column overdue_noticed_at timestamptz;

create index supervision_late_order_idx on supervision (tenant_id, deadline)
    where kind <> 'REMINDER' and answered_at is null and overdue_noticed_at is null;

-- The inbox's signal: a row of a person's in-app inbox written, or read, sends
-- pg_notify('gongzhi_inbox', '<tenant>:<username>') at commit (only if the transaction commits; the
-- same person's notifications of one transaction fold into one). Every node's feed listens and tells
-- that person's open streams to read their unread count. The payload names the district and the
-- staff username, never a text.
create function notification_inbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('gongzhi_inbox', new.tenant_id || ':' || new.destination);
    return null;
end
$$;

create trigger notification_inbox_written after insert on notification_outbox
    for each row when (new.channel = 'INBOX') execute function notification_inbox_notify();

create trigger notification_inbox_read after update of read_at on notification_outbox
    for each row when (new.channel = 'INBOX' and new.read_at is distinct from old.read_at)
    execute function notification_inbox_notify();
