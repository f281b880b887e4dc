-- Long work (imports, batches) as jobs any node may claim with FOR UPDATE SKIP LOCKED.
create table job (
    id           uuid primary key,
    type         text        not null,
    status       text        not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    progress     integer     not null default 0 check (progress between 0 and 100),
    message      text,
    payload      jsonb,
    result       jsonb,
    error        text,
    attempts     integer     not null default 0,
    created_by   text        not null,
    scheme_id    bigint,
    created_at   timestamptz not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    heartbeat_at timestamptz
);
create index job_queued_idx on job (created_at) where status = 'QUEUED';
create index job_running_idx on job (heartbeat_at) where status = 'RUNNING';
create index job_creator_idx on job (created_by, created_at desc);
