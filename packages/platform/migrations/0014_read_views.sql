-- What apps may read of accounts and app-wide roles: views instead of the platform's tables, so an
-- app's typed query builder (appDatabase) sees no password hashes, secrets or sessions.
create view platform.people as
  select id, name, email, locale, platform_role, created_at from platform.users;

create view platform.app_roles as
  select user_id, app, role, created_at from platform.memberships;
