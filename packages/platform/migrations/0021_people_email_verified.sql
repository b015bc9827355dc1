-- Apps may know whether a person's email address is verified (eduforum lets verified accounts teach
-- and enrols invited people once they verify the invited address); nothing else of the account.
create or replace view platform.people as
  select id, name, email, locale, platform_role, created_at, email_verified_at is not null as email_verified
  from platform.users;
