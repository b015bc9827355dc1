-- Platform admins suspend accounts: a suspended account cannot sign in, refresh or use API keys
-- (docs/accounts.md "Administration"). The audit log is searched by action and by time.
alter table platform.users
  add column suspended_at timestamptz,
  add column suspended_reason text,
  add constraint users_suspension_reason check ((suspended_at is null) = (suspended_reason is null));

create index audit_log_created_idx on platform.audit_log (created_at desc, id desc);
create index audit_log_action_idx on platform.audit_log (action, created_at desc);
