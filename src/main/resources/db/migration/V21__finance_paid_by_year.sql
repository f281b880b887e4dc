-- Contributions paid per member, currency and year, kept by the database on every change to a
-- payment: equity over ten years reads ten rows per member instead of every monthly payment.
-- Partial first and last years are still read from the payments themselves (Equity).
create table contribution_paid_year (
    scheme_id bigint         not null,
    unit_code text           not null,
    currency  char(3)        not null,
    year      integer        not null,
    amount    numeric(18, 2) not null,
    primary key (scheme_id, unit_code, currency, year)
);

insert into contribution_paid_year (scheme_id, unit_code, currency, year, amount)
select scheme_id, unit_code, currency, extract(year from paid_on)::int, sum(amount)
from contribution_payment group by 1, 2, 3, 4;

create function contribution_paid_year_apply() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update contribution_paid_year set amount = amount - old.amount
        where scheme_id = old.scheme_id and unit_code = old.unit_code and currency = old.currency
          and year = extract(year from old.paid_on)::int;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into contribution_paid_year (scheme_id, unit_code, currency, year, amount)
        values (new.scheme_id, new.unit_code, new.currency, extract(year from new.paid_on)::int, new.amount)
        on conflict (scheme_id, unit_code, currency, year) do update
            set amount = contribution_paid_year.amount + excluded.amount;
    end if;
    return null;
end
$$;

create trigger contribution_payment_paid_year after insert or update or delete on contribution_payment
    for each row execute function contribution_paid_year_apply();
