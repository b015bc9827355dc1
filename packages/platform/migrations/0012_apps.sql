-- The apps this database serves: a reference table instead of a fixed `check (app in (...))` list in
-- every platform table, so adding an app changes no platform migration. The migration runner adds
-- each app's row before that app's own migrations run.
create table platform.apps (
  name text primary key check (name ~ '^[a-z][a-z0-9]{1,30}$'),
  registered_at timestamptz not null default now()
);

-- Apps already referenced by existing rows.
insert into platform.apps (name)
  select app from platform.memberships
  union select app from platform.chat_rooms
  union select app from platform.calls
  union select app from platform.notifications where app is not null
  union select app from platform.webhook_endpoints
on conflict do nothing;

alter table platform.memberships drop constraint memberships_app_check,
  add constraint memberships_app_fkey foreign key (app) references platform.apps (name);
alter table platform.chat_rooms drop constraint chat_rooms_app_check,
  add constraint chat_rooms_app_fkey foreign key (app) references platform.apps (name);
alter table platform.calls drop constraint calls_app_check,
  add constraint calls_app_fkey foreign key (app) references platform.apps (name);
alter table platform.notifications drop constraint notifications_app_check,
  add constraint notifications_app_fkey foreign key (app) references platform.apps (name);
alter table platform.webhook_endpoints drop constraint webhook_endpoints_app_check,
  add constraint webhook_endpoints_app_fkey foreign key (app) references platform.apps (name);
