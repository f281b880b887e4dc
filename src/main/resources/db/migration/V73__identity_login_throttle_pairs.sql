-- Logins are throttled per pair (user name, address) and per address, no longer per user name
-- alone: a guesser elsewhere must not lock the real user out. Each lock doubles the next one.
delete from login_throttle where key like 'user:%';
alter table login_throttle add column lockouts integer not null default 0;
comment on column login_throttle.failures is 'attempts counted in the current window, reserved before the password is checked';
