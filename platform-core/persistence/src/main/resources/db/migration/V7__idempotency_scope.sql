-- Idempotency keys are scoped to whoever sent them (issue 12): a key another caller used answers
-- like a new key instead of returning that caller's case. The scope is the caller's identity
-- subject for API callers, the actor for the hotline and Open311 intakes.
alter table case_record add column idempotency_scope varchar(200);

-- Keys from before the scope existed: hotline tickets keep deduplicating; any other old key is
-- put in a scope no caller has, so a retry after the upgrade makes a new case instead of leaking.
update case_record set idempotency_scope = '12345热线'
 where idempotency_key is not null and idempotency_key like 'hotline:%';
update case_record set idempotency_scope = 'before-scopes'
 where idempotency_key is not null and idempotency_scope is null;

alter table case_record drop constraint case_idempotency_uq;
alter table case_record add constraint case_idempotency_uq unique (tenant_id, idempotency_scope, idempotency_key);
alter table case_record add constraint case_idempotency_scoped
    check (idempotency_key is null or idempotency_scope is not null);
