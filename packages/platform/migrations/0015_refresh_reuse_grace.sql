-- The token that replaced a refresh token, encrypted with a key derived from the replaced token
-- itself: within the reuse grace window (auth/sessions.ts) presenting the replaced token again
-- returns this same successor instead of revoking the session (two tabs refreshing at once). The
-- database alone cannot decrypt it: it stores only a hash of the replaced token.
alter table platform.refresh_tokens add column successor bytea;
