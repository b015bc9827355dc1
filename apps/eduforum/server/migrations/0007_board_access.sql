-- Who may draw on a session's main whiteboard (issue #21): everyone in the room (the default),
-- staff only, or staff and chosen students. Staff always may; breakout boards are their rooms'.
alter table eduforum.sessions
  add column board_access text not null default 'everyone' check (board_access in ('everyone', 'staff', 'chosen')),
  add column board_writers uuid[] not null default '{}';
