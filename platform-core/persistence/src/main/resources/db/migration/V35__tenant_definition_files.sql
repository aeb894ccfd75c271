-- Gongzhi core schema, version 35: district definitions kept in the database (issue 19), so that every
-- node of a cluster can serve a district created through the API or the shell on any one of them.
--
-- A node that has no tenants/<id>/ of its own writes these files there before it reads them; shipped
-- definitions (tenants/ of the distribution) are on every node and need no row. Every change of the
-- catalog (a district created, suspended, resumed or deleted, a model enabled or disabled) announces
-- itself in its own transaction with pg_notify('gongzhi_tenant_catalog', <tenant id>): the other nodes
-- re-read that district on commit.

create table tenant_definition_file (
    tenant_id  varchar(32)  not null references tenant (id),
    name       varchar(64)  not null,
    content    text         not null,
    primary key (tenant_id, name)
);
