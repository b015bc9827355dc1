-- Course content files were never marked attached, so the platform's orphan cleanup deleted them a
-- day after upload. Attach every file that content references to that content (scope
-- `eduforum:content:<contentId>`, which eduforum's file-scope check resolves to the course and the
-- content's visibility). A file referenced twice goes to its earliest content row: the original
-- publication, not a copy someone made after learning the id.
with referenced as (
  select distinct on (file_id) file_id, id as content_id
  from eduforum.course_content
  order by file_id, created_at, id
)
update platform.files f
set scope = 'eduforum:content:' || r.content_id, attached_at = coalesce(f.attached_at, now())
from referenced r
where f.id = r.file_id and f.scope is null and f.deleted_at is null;
