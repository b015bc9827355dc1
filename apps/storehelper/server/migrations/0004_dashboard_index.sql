-- The dashboard aggregates a store's reviews of a date range (12 weeks by default): a covering
-- index lets PostgreSQL count them from the index alone instead of reading the wide rows (text,
-- aspects). `answered` is stored so the index can carry it. Measured in bench/results/storehelper.md.
alter table storehelper.reviews add column answered boolean generated always as (owner_reply is not null) stored;
create index reviews_dashboard_idx on storehelper.reviews (store_id, reviewed_at)
  include (id, platform, rating, sentiment, sentiment_label, urgent, answered, owner_replied_at);
