-- The review queue reads a learner's active cards by state and due time (learning steps due now,
-- review cards due today, new cards by age): one range per state, counted from the index alone.
-- Measured in bench/results/studymate.md (50,000 cards of one learner).
drop index studymate.cards_due_idx;
create index cards_queue_idx on studymate.cards (user_id, state, due) include (buried_until) where not suspended;
-- Today's new cards are counted from the first reviews (state new) of the learner's day.
create index review_logs_first_idx on studymate.review_logs (user_id, reviewed_at) where state = 0;
