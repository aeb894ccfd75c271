-- Gongzhi core schema, version 13: the journal is the live event stream (issue 15).
-- Every journal row records the id of the transaction that wrote it. A row is handed to live
-- subscribers only once its transaction id is below the oldest transaction still running
-- (pg_snapshot_xmin of the current snapshot): from then on no row with a smaller (txid, id) can
-- appear, so (txid, id) is a cursor that a client can resume from without gaps or repeats,
-- whatever order concurrent transactions commit in, and whichever platform node wrote them.
alter table case_journal add column txid xid8 not null default pg_current_xact_id();

create index case_journal_txid_idx on case_journal (txid, id);
create index case_journal_tenant_txid_idx on case_journal (tenant_id, txid, id);

-- Wakes the event feed of every node at commit (notifications are delivered only when, and if,
-- the transaction commits; identical ones of one transaction are folded into one).
create function case_journal_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('gongzhi_case_event', '');
    return null;
end
$$;

create trigger case_journal_notify after insert on case_journal
    for each statement execute function case_journal_notify();
