-- Uploaded files. The blob lives in the storage driver (local disk or S3) under `storage_key`;
-- names from the client are kept for display only and never used as paths.
create table platform.files (
  id uuid primary key default platform.uuid_v7(),
  owner_id uuid references platform.users (id) on delete set null,
  purpose text not null check (purpose in ('image', 'audio', 'document')),
  storage_key text not null unique,
  original_name text not null,
  content_type text not null,
  size bigint not null check (size >= 0),
  sha256 text not null,
  created_at timestamptz not null default now(),
  -- Set when an app references the file (a message attachment, a profile photo); files never
  -- attached are orphans and the cleanup job removes them after a grace period.
  attached_at timestamptz,
  deleted_at timestamptz
);
create index files_owner_idx on platform.files (owner_id) where deleted_at is null;
create index files_orphan_idx on platform.files (created_at) where attached_at is null and deleted_at is null;
