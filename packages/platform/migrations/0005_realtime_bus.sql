-- Bodies of bus messages too large for a NOTIFY payload (8000 bytes): published by reference.
-- Rows are read within seconds and deleted after a few minutes.
create table platform.bus_payloads (
  id uuid primary key default platform.uuid_v7(),
  body jsonb not null,
  created_at timestamptz not null default now()
);
create index bus_payloads_created_idx on platform.bus_payloads (created_at);
