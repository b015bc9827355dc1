-- The platform schema: accounts, sessions, files, notifications and audit tables arrive in later
-- migrations of this folder. Bookkeeping (platform.schema_migrations) is created by the runner.
create schema if not exists platform;

-- UUID v7 (RFC 9562): 48-bit Unix milliseconds, then random bits, so ids sort by creation time and
-- index well. PostgreSQL 18 has uuidv7(); this function keeps us working on 15 and later.
create or replace function platform.uuid_v7() returns uuid
language sql volatile parallel safe as $$
  select encode(
    set_bit(
      set_bit(
        overlay(
          uuid_send(gen_random_uuid())
          placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
          from 1 for 6
        ),
        52, 1
      ),
      53, 1
    ),
    'hex'
  )::uuid
$$;

comment on function platform.uuid_v7() is 'Time-ordered UUID v7; default for primary keys of every module';
