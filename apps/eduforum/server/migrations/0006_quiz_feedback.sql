-- Quiz feedback (issue #21): a question's explanation, each quiz's scoring rule (all or nothing,
-- or partial credit for multiple choice) and whether students see the answers once it closes.
alter table eduforum.questions
  add column explanation text not null default '' check (char_length(explanation) <= 2000);
alter table eduforum.quizzes
  add column scoring text not null default 'all_or_nothing' check (scoring in ('all_or_nothing', 'partial')),
  add column show_answers boolean not null default true;
-- Partial credit gives fractions of a question's points (kept to two decimals).
alter table eduforum.quiz_submissions alter column score type double precision;
