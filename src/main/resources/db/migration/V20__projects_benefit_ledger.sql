-- The benefit ledger: what each member received from a scheme's projects, per currency and day,
-- with running totals, so that any period's benefits are two index lookups per member instead of
-- a pass over the scheme's financing (tens of thousands of lines in ten years). Any change to
-- financing or beneficiaries marks the scheme's ledger stale (statement-level triggers, so a bulk
-- load marks each scheme once); the next read rebuilds it (ProjectBenefits).
create table scheme_benefit_state (
    scheme_id  bigint primary key references scheme (id),
    stale      boolean not null default true,
    rebuilt_at timestamptz
);

create table scheme_benefit_day (
    scheme_id  bigint  not null,
    unit_code  text    not null,
    currency   char(3) not null,
    day        date    not null,
    amount     numeric not null,
    cumulative numeric not null,
    primary key (scheme_id, unit_code, currency, day)
);

create table scheme_benefit_key (
    scheme_id bigint  not null,
    unit_code text    not null,
    currency  char(3) not null,
    primary key (scheme_id, unit_code, currency)
);

create function benefits_stale_by_line() returns trigger language plpgsql as $$
begin
    insert into scheme_benefit_state (scheme_id, stale)
    select distinct c.scheme_id, true from changed c
    on conflict (scheme_id) do update set stale = true where scheme_benefit_state.stale = false;
    return null;
end
$$;

create function benefits_stale_by_beneficiary() returns trigger language plpgsql as $$
begin
    insert into scheme_benefit_state (scheme_id, stale)
    select distinct p.scheme_id, true from changed c join project p on p.id = c.project_id
    on conflict (scheme_id) do update set stale = true where scheme_benefit_state.stale = false;
    return null;
end
$$;

create trigger financing_line_benefits_insert after insert on financing_line
    referencing new table as changed for each statement execute function benefits_stale_by_line();
create trigger financing_line_benefits_update after update on financing_line
    referencing new table as changed for each statement execute function benefits_stale_by_line();
create trigger financing_line_benefits_delete after delete on financing_line
    referencing old table as changed for each statement execute function benefits_stale_by_line();
create trigger project_beneficiary_benefits_insert after insert on project_beneficiary
    referencing new table as changed for each statement execute function benefits_stale_by_beneficiary();
create trigger project_beneficiary_benefits_update after update on project_beneficiary
    referencing new table as changed for each statement execute function benefits_stale_by_beneficiary();
create trigger project_beneficiary_benefits_delete after delete on project_beneficiary
    referencing old table as changed for each statement execute function benefits_stale_by_beneficiary();
