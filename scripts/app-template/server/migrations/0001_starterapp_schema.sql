-- The starterapp schema: every table of this app lives here and only this app touches it.
create schema if not exists starterapp;
