-- Payment application is derived, not stored (issue 18): which payment settles which obligation
-- is recomputed from the payments and obligations themselves (finance's Applications), so the
-- same records give the same figures whatever the order in which they were typed, and a credit
-- settles obligations generated later. The stored allocations and running "paid" go away.
--
-- Payments are never deleted: a payment is voided with a reason (and, when corrected, points to
-- the payment that replaces it); a voided payment stays visible and counts for nothing.

alter table contribution_payment
    add column obligation_id bigint references contribution_obligation (id),
    add column voided_at     timestamptz,
    add column voided_by     text,
    add column void_reason   text,
    add column replaced_by   bigint references contribution_payment (id),
    add constraint contribution_payment_void_check check ((voided_at is null) = (void_reason is null)
        and (voided_at is null) = (voided_by is null) and (replaced_by is null or voided_at is not null));

-- A rule is voided the same way: its obligations stay (their history) but no longer count.
alter table contribution_rule
    add column voided_at   timestamptz,
    add column voided_by   text,
    add column void_reason text,
    add constraint contribution_rule_void_check check ((voided_at is null) = (void_reason is null)
        and (voided_at is null) = (voided_by is null));

-- A contribution in kind settles its own obligation first: keep that link.
update contribution_payment p set obligation_id = (
    select a.obligation_id from contribution_allocation a
    join contribution_obligation o on o.id = a.obligation_id
    join contribution_rule r on r.id = o.rule_id
    where a.payment_id = p.id and r.kind = 'IN_KIND' order by a.obligation_id limit 1)
where p.kind = 'IN_KIND';

create index contribution_payment_obligation_idx on contribution_payment (obligation_id) where obligation_id is not null;

drop table contribution_allocation;
alter table contribution_obligation drop column paid;

-- An in-kind obligation is lowered when its contribution is voided, possibly to zero.
alter table contribution_obligation drop constraint contribution_obligation_amount_check;
alter table contribution_obligation add constraint contribution_obligation_amount_check check (amount >= 0);

-- Yearly totals count only payments in force: voiding takes the amount out of its year.
create or replace function contribution_paid_year_apply() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.voided_at is null then
        update contribution_paid_year set amount = amount - old.amount
        where scheme_id = old.scheme_id and unit_code = old.unit_code and currency = old.currency
          and year = extract(year from old.paid_on)::int;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.voided_at is null then
        insert into contribution_paid_year (scheme_id, unit_code, currency, year, amount)
        values (new.scheme_id, new.unit_code, new.currency, extract(year from new.paid_on)::int, new.amount)
        on conflict (scheme_id, unit_code, currency, year) do update
            set amount = contribution_paid_year.amount + excluded.amount;
    end if;
    return null;
end
$$;
