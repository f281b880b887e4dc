-- Logins are throttled per pair (user name, address) and per address, no longer per user name
-- alone: a guesser elsewhere must not lock the real user out. Each lock doubles the next one.
delete from login_throttle where key like 'user:%';
alter table login_throttle add column lockouts integer not null default 0;
-- Password checks under way for the key: failures + checking never pass the limit, so a parallel
-- burst gets no more checks than the limit, while right passwords only wait their turn.
alter table login_throttle add column checking integer not null default 0;
