-- storehelper (issue #17): store settings and staff, competitors, reviews from every source in one
-- model, collection runs, analysis, alerts, replies with their workflow, templates, platform
-- connections and reports.

alter table storehelper.stores
  add column address text not null default '' check (char_length(address) <= 300),
  add column category text not null default '' check (char_length(category) <= 80),
  add column time_zone text not null default 'Asia/Seoul',
  add column google_location text check (char_length(google_location) <= 200),
  add column naver_place_id text check (naver_place_id ~ '^[0-9]{1,20}$'),
  add column kakao_place_id text check (kakao_place_id ~ '^[0-9]{1,20}$'),
  add column reply_tone text not null default 'friendly' check (reply_tone in ('friendly', 'formal', 'apologetic')),
  add column reply_signature text not null default '' check (char_length(reply_signature) <= 200),
  -- { "ratingAtLeast": 4, "sentiments": ["positive"], "platforms": ["google"] } or null (off).
  add column auto_draft jsonb,
  -- A competitor is tracked read-only for comparison: it has no staff and no replies.
  add column competitor_of uuid references storehelper.stores (id) on delete cascade,
  add column updated_at timestamptz not null default now();
create index stores_competitor_idx on storehelper.stores (competitor_of) where competitor_of is not null;

-- Staff of a store (the owner is stores.owner_id): they see reviews and draft replies; only the
-- owner approves and posts.
create table storehelper.store_staff (
  store_id uuid not null references storehelper.stores (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (store_id, user_id)
);
create index store_staff_user_idx on storehelper.store_staff (user_id);

create table storehelper.reviews (
  id uuid primary key default platform.uuid_v7(),
  store_id uuid not null references storehelper.stores (id) on delete cascade,
  platform text not null check (platform in ('google', 'naver', 'kakao', 'import')),
  platform_review_id text not null check (char_length(platform_review_id) between 1 and 300),
  author text not null default '' check (char_length(author) <= 200),
  -- 1..5 where the platform has stars; null for Naver's keyword reviews.
  rating smallint check (rating between 1 and 5),
  -- Naver keyword tags ("음식이 맛있어요").
  tags text[] not null default '{}',
  text text not null default '' check (char_length(text) <= 10000),
  photos int not null default 0 check (photos >= 0),
  reviewed_at timestamptz not null,
  owner_reply text,
  owner_replied_at timestamptz,
  -- Analysis (the job writes these; null until analysed).
  sentiment real check (sentiment between -1 and 1),
  sentiment_label text check (sentiment_label in ('positive', 'neutral', 'negative')),
  aspects jsonb,
  keywords text[] not null default '{}',
  analyzed_at timestamptz,
  urgent boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (store_id, platform, platform_review_id)
);
create index reviews_store_date_idx on storehelper.reviews (store_id, reviewed_at desc, id);
create index reviews_pending_idx on storehelper.reviews (store_id) where analyzed_at is null;

-- Every collection (API, import, crawl): what it found, added and updated, and how it ended.
create table storehelper.collection_runs (
  id uuid primary key default platform.uuid_v7(),
  store_id uuid not null references storehelper.stores (id) on delete cascade,
  source text not null check (source in ('google', 'naver', 'kakao', 'import')),
  trigger text not null check (trigger in ('schedule', 'manual', 'import')),
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
  found int not null default 0,
  added int not null default 0,
  updated int not null default 0,
  errors int not null default 0,
  error text,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index collection_runs_store_idx on storehelper.collection_runs (store_id, started_at desc);

create table storehelper.alerts (
  id uuid primary key default platform.uuid_v7(),
  store_id uuid not null references storehelper.stores (id) on delete cascade,
  -- The review that raised it; null for alerts about a source (a page layout that changed).
  review_id uuid references storehelper.reviews (id) on delete cascade,
  kind text not null check (kind in ('negative-review', 'parser-broken')),
  detail jsonb not null default '{}',
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  unique (review_id, kind)
);
create index alerts_store_idx on storehelper.alerts (store_id, created_at desc);

create table storehelper.replies (
  review_id uuid primary key references storehelper.reviews (id) on delete cascade,
  status text not null check (status in ('draft', 'edited', 'approved', 'posted', 'done')),
  text text not null check (char_length(text) between 1 and 4000),
  -- Who wrote the current text ('ai' drafts have no author) and who approved it.
  source text not null check (source in ('ai', 'local', 'template', 'staff')),
  drafted_by uuid references platform.users (id) on delete set null,
  approved_by uuid references platform.users (id) on delete set null,
  -- The quality check of the current text: [{ check, ok, detail }].
  checks jsonb not null default '[]',
  ai_request_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  approved_at timestamptz,
  posted_at timestamptz,
  post_error text
);
create index replies_status_idx on storehelper.replies (status);

create table storehelper.reply_templates (
  id uuid primary key default platform.uuid_v7(),
  store_id uuid not null references storehelper.stores (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  body text not null check (char_length(body) between 1 and 4000),
  created_at timestamptz not null default now(),
  unique (store_id, name)
);

-- A store's Google Business Profile connection: the location it reads and the OAuth grant
-- (refresh token sealed with the platform's secret box; never returned by the API).
create table storehelper.google_connections (
  store_id uuid primary key references storehelper.stores (id) on delete cascade,
  connected_by uuid references platform.users (id) on delete set null,
  account_name text,
  location_name text,
  refresh_token_sealed text not null,
  access_token_sealed text,
  access_expires_at timestamptz,
  created_at timestamptz not null default now()
);

-- Daily (09:00 store time) and weekly (Monday) reports, also shown in the app.
create table storehelper.reports (
  store_id uuid not null references storehelper.stores (id) on delete cascade,
  kind text not null check (kind in ('daily', 'weekly')),
  period_start date not null,
  body jsonb not null,
  sent_at timestamptz,
  primary key (store_id, kind, period_start)
);

-- One collection run per store at a time, across instances: a second `running` row is refused.
create unique index collection_runs_running_idx on storehelper.collection_runs (store_id) where status = 'running';
