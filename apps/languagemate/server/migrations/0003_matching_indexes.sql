-- Partner matching (docs/decisions/026): each instance ranks candidates from an in-memory index that
-- reads, on every request, the profiles changed since its last read: an index on updated_at keeps
-- that read a range scan of the few recent changes instead of a scan of every profile.
create index profiles_updated_idx on languagemate.profiles (updated_at, user_id);

-- Suggestions leave out people who blocked the viewer: read by the blocked person's id.
create index hidden_blocked_idx on languagemate.hidden (other_id) where reason = 'blocked';
