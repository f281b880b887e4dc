-- Idempotency-Key: the first response to a key, kept for a day so that a retried or doubled
-- request (a double click, a client's retry) replays it instead of writing again. A row without a
-- status is a request still being served; other nodes wait for it.
create table idempotency_key (
    username     text        not null,
    endpoint     text        not null,
    key          text        not null,
    fingerprint  text        not null,
    status       integer,
    content_type text,
    location     text,
    body         bytea,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    primary key (username, endpoint, key)
);
create index idempotency_key_expires_idx on idempotency_key (expires_at);
