-- Gongzhi core schema, version 36: durable exports of the case events (issue 19, ADR 0044).
--
-- The journal is the log (V13: ordered by (txid, id), read only once final); an export keeps its
-- position in it here and is worked by one node at a time: the holder renews held_until with every
-- batch, and only the holder may move the cursor. A replay moves the cursor back and frees the lease.

create table event_export (
    name         varchar(64)   primary key,
    cursor_txid  xid8          not null,
    cursor_id    bigint        not null,
    holder       varchar(128),
    held_until   timestamptz,
    advanced_at  timestamptz   not null
);
