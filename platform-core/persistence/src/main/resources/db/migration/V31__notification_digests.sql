-- Digests (ADR 0040): when a destination's pace is spent, the notify bundle postpones its notifications and later
-- claims them together ("fellows": same district, destination and channel, pending, due by a time). This index
-- keeps that claim on the destination's own pending rows, however many other rows are pending at the time.
create index notification_pending_destination_idx on notification_outbox (tenant_id, destination, channel, next_attempt_at)
    where state = 'PENDING';
