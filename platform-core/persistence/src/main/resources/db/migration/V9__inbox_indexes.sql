-- Gongzhi core schema, version 9: the dispatcher's inbox (issue 13). The console lists a district's
-- cases by several statuses at once, soonest due first, counts them per status with overdue and due
-- soon, filters by co-handling department and by a plugin's attribute (e.g. colour). Measured with
-- 100,000 cases in one district: docs/performance.md.

-- per-status counts with overdue / due soon, and "these statuses, soonest due first", read this index
-- alone; it replaces the (tenant_id, status) index of V1, whose queries it serves as well
create index case_tenant_status_due_idx on case_record (tenant_id, status, due_at);
drop index case_tenant_status_idx;

-- a department sees, and is filtered by, the cases it leads (V1's lead index) or co-handles
create index case_co_departments_idx on case_record using gin (co_departments);

-- the triaging plugin's attributes, a JSON object of strings, searched by containment (colour=red)
create index case_triage_attributes_idx on case_record using gin ((cast(triage_attributes as jsonb)) jsonb_path_ops);

-- free text (q): the case number from its start, whatever the database's collation
create index case_tenant_number_prefix_idx on case_record (tenant_id, case_number varchar_pattern_ops);

-- free text (q) in the title and the address. Chinese search words are often two characters, too short
-- for trigrams (pg_trgm), so the index holds every two-character piece (bigram, lower case) of both
-- texts; a search reads the rows that hold all bigrams of its text, then checks the text itself
create function gongzhi_bigrams(t text) returns text[]
    language sql immutable strict parallel safe
    return array(select distinct substr(lower(t), i, 2) from generate_series(1, char_length(t) - 1) as i);
create index case_text_bigrams_idx on case_record using gin (gongzhi_bigrams(title || ' ' || coalesce(address, '')));
