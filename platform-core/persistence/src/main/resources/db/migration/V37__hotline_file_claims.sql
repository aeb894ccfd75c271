-- Gongzhi core schema, version 37: claims on hotline batch files (issue 19). Several nodes may watch
-- one shared exchange folder; the node whose insert of a file's key succeeds imports the file. The key is
-- the file's name, size and modification time, so a later file of the same name is a new claim.

create table hotline_file_claim (
    claim_key   varchar(600)  primary key,
    node        varchar(128)  not null,
    claimed_at  timestamptz   not null default clock_timestamp()
);
