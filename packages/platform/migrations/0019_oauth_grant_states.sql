-- API access grants (auth/oauth/api-grant.ts): an app asks a provider for access to a user's data
-- there (storehelper: a store's Google Business Profile), with the same state table as sign-in. A
-- pending grant also remembers who started it and for what (the app's context, e.g. the store),
-- so the public callback acts for that user and that resource only.
alter table platform.oauth_states
  add column user_id uuid references platform.users (id) on delete cascade,
  add column context jsonb;
