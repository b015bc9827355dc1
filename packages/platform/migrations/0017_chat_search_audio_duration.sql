-- Chat search: members look for text in a room's messages (`body ilike '%q%'`, newest first). A
-- trigram index over (room, body) finds the few matches of a big room without reading all of it.
-- pg_trgm (trigrams) and btree_gin (the room's uuid as a GIN key) are contrib extensions that ship
-- with PostgreSQL and with the embedded server (embedded-postgres), and are trusted: the database's
-- owner may create them. Trigrams are made of the letters and digits of the database's ctype: under
-- ctype C (the embedded server's initdb) Hangul is not a letter, so Korean queries are answered
-- without the index (same results, read from the room's newest messages); under a UTF-8 ctype
-- (C.UTF-8, en_US.UTF-8, ko_KR.UTF-8) they use it.
create extension if not exists pg_trgm;
create extension if not exists btree_gin;
create index chat_messages_search_idx on platform.chat_messages
  using gin (room_id, body gin_trgm_ops) where deleted_at is null;

-- Audio uploads: their length in milliseconds, measured from the file's packets when uploaded.
-- Null for other purposes and for audio uploaded before this migration.
alter table platform.files add column duration_ms integer check (duration_ms >= 0);
