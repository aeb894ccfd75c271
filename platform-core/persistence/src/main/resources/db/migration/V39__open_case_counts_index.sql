-- Gongzhi core schema, version 39: counts over the open cases read one index, not the case rows (issue 18).
--
-- Every inbox page counts its matches, the summaries count the open cases per status, and the KPIs count the
-- cases open now. Each of these visited the heap row of every open case: the status and the merged rule are
-- not in the indexes that find them. Open cases that stay open for long lie one per page across the table, so
-- at 1,000,000 cases the open inbox's count read 7,744 pages for 20,449 cases (32 ms), and at 10,000,000 the
-- calls over the open cases took 250-300 ms. This index holds the open, unmerged cases only (V29's predicate),
-- keyed by status and due time, and carries the columns the inbox filters, scopes, summaries and the KPIs'
-- "open now" pass read, so PostgreSQL answers them from the index (an index-only scan: the heap is visited only
-- for pages changed since the last vacuum). The plugin attributes stay out: JSON is wide, and V34's GIN index
-- serves that filter.
create index case_open_counts_idx on case_record (tenant_id, status, due_at)
    include (warning_at, reported_at, grid_path, lead_department, co_departments, family, tier, channel,
             category_code, assignee, transfer_state)
    where status not in ('CLOSED', 'EVALUATED', 'REJECTED') and merged_into is null;
