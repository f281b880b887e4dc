-- Citizens' sign-ups per client address in a window, kept in the database so the limit holds
-- across nodes; the row is locked by each sign-up until it commits, so a burst cannot overshoot.
create table sign_up_limit (
    address           text primary key,
    window_started_at timestamptz not null,
    sign_ups          integer     not null
);

-- A citizen who signed up is unverified while a row is here: their online ballots are refused.
-- The code is kept only as a hash; a few wrong tries void it and a new one must be sent.
-- Accounts from before this table have no row: they count as verified.
create table citizen_verification (
    app_user   bigint primary key references app_user (id) on delete cascade,
    code_hash  text        not null,
    expires_at timestamptz not null,
    attempts   integer     not null default 0,
    sent_at    timestamptz not null
);
