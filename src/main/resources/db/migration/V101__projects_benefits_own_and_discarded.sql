-- The benefit ledger for equity (issue 18): a discarded project's commitments are no benefit, and
-- a member's own co-financing of a project it benefits from (a MEMBER_MUNICIPALITY line naming
-- that member) is kept apart from what it receives from others, so equity can show both and
-- compare contributions with what others give. Every ledger is rebuilt on its next read.
alter table scheme_benefit_day add column own boolean not null default false;
alter table scheme_benefit_day drop constraint scheme_benefit_day_pkey;
alter table scheme_benefit_day add primary key (scheme_id, unit_code, currency, own, day);

alter table scheme_benefit_key add column own boolean not null default false;
alter table scheme_benefit_key drop constraint scheme_benefit_key_pkey;
alter table scheme_benefit_key add primary key (scheme_id, unit_code, currency, own);

-- A project that changes stage (discarded, or back from it) changes its scheme's benefits.
create function benefits_stale_by_project() returns trigger language plpgsql as $$
begin
    insert into scheme_benefit_state (scheme_id, stale)
    select distinct c.scheme_id, true from changed c
    on conflict (scheme_id) do update set stale = true where scheme_benefit_state.stale = false;
    return null;
end
$$;

create trigger project_benefits_update after update on project
    referencing new table as changed for each statement execute function benefits_stale_by_project();

update scheme_benefit_state set stale = true;
