-- Live events are read by polling the journal (ADR 0020, amendment): the commit-time NOTIFY of V13 goes.
-- PostgreSQL serialises every committing transaction that sent a NOTIFY behind one lock, held until its
-- commit record is flushed, so at a few hundred intakes a second the commits queued one fsync after another
-- instead of sharing one. The feed reads every 100 ms instead; the (txid, id) cursor is unchanged.
drop trigger case_journal_notify on case_journal;
drop function case_journal_notify();
