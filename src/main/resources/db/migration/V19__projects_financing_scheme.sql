-- A scheme's financing over a period is read by equity (ten years of a scheme among a million
-- lines): the line carries its project's scheme, set by the database on every insert, so the
-- period is one range of one index instead of a join over all projects.
alter table financing_line add column scheme_id bigint;
update financing_line f set scheme_id = p.scheme_id from project p where p.id = f.project_id;
alter table financing_line alter column scheme_id set not null;

create function financing_line_scheme() returns trigger language plpgsql as $$
begin
    select p.scheme_id into new.scheme_id from project p where p.id = new.project_id;
    return new;
end
$$;
create trigger financing_line_scheme before insert or update of project_id on financing_line
    for each row execute function financing_line_scheme();

create index financing_line_scheme_period_idx on financing_line (scheme_id, committed_on)
    include (project_id, currency, amount);
