-- Sign-in with Google, Microsoft, GitHub, Naver and Kakao.

-- One row per external account linked to a user.
create table platform.identities (
  provider text not null,
  subject text not null,
  user_id uuid not null references platform.users (id) on delete cascade,
  email text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  primary key (provider, subject)
);
create index identities_user_idx on platform.identities (user_id);

-- An authorization request in flight: state (looked up by hash), PKCE verifier, nonce, where to
-- return. Single use, ten minutes.
create table platform.oauth_states (
  state_hash bytea primary key,
  provider text not null,
  code_verifier text not null,
  nonce text,
  redirect_path text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

-- A signed-in result handed to the web app through the redirect (a one-minute, one-use code it
-- exchanges for tokens), so tokens never travel in a URL.
create table platform.oauth_handoffs (
  code_hash bytea primary key,
  user_id uuid not null references platform.users (id) on delete cascade,
  method text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
