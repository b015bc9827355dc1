-- storehelper's stores: the shops an owner manages (issue #17 adds their reviews, staff and
-- settings). How many one account may have is its plan's `stores` limit (docs/billing.md), checked
-- inside the transaction that inserts the row.
create table storehelper.stores (
  id uuid primary key default platform.uuid_v7(),
  owner_id uuid not null references platform.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  created_at timestamptz not null default now()
);
create index stores_owner_idx on storehelper.stores (owner_id, id);
