-- Files belong to where they are used. `scope` names the record space that references a file
-- (`chat:<roomId>`, `eduforum:content:<contentId>`, ...); it is set by `files.attach` in the same
-- transaction that writes the reference, and the scope's owner decides who may download the file.
-- A file without a scope is its uploader's alone (an upload waiting to be used).
alter table platform.files add column scope text;
alter table platform.files
  add constraint files_scope_shape check (scope is null or scope ~ '^[a-z][a-z0-9-]*:.+$');

-- Existing data: files that live chat messages reference were never marked attached, so the
-- orphan cleanup would delete them. Attach each to the room of the earliest message that uses it
-- (an id copied into a later message of another room by someone else does not win).
with referenced as (
  select distinct on (file_id) file_id, m.room_id
  from platform.chat_messages m, unnest(m.attachments) as file_id
  where m.deleted_at is null
  order by file_id, m.created_at, m.id
)
update platform.files f
set scope = 'chat:' || r.room_id, attached_at = coalesce(f.attached_at, now())
from referenced r
where f.id = r.file_id and f.scope is null and f.deleted_at is null;

create index files_scope_idx on platform.files (scope) where scope is not null;
