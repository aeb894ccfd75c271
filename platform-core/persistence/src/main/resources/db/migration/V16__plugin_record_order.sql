-- Gongzhi core schema, version 16: plugins' records in the order the API gives them.
-- find/query page "oldest first" (created_at, pk) within one tenant's collection of one model,
-- and count a collection; plugin API 1.3 queries (several refs, ranges of ref values) start from
-- the same prefix. Before, every page sorted the whole collection.
create index plugin_record_order_idx on plugin_record (tenant_id, model, collection, created_at, pk);
