-- Uploaded files live in the database, so every node sees them (an S3 store may replace this).
create table stored_file (
    id           uuid primary key,
    name         text        not null,
    content_type text,
    size         bigint      not null,
    content      bytea       not null,
    created_by   text        not null,
    created_at   timestamptz not null default now()
);
