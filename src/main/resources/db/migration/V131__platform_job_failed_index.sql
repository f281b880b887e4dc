-- Failed jobs by when they ended: the platform administrators' attention items (issue 20).
create index job_failed_idx on job (finished_at) where status = 'FAILED';
