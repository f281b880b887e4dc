-- The same liquidation as one set-based SQL statement (Ley 1995 de 2019 for 2023), written as
-- directly as PostgreSQL allows: the most specific rate band by a lateral subquery, the exceptions
-- and limits as CASE expressions, the cap applied to the exact tax before rounding half-up.
-- It writes the same columns as Minga's results and builds the same BRIN index on line.
-- Variables: :scheme, :town, :year, :cadastre.
\set ON_ERROR_STOP 1
drop table if exists bench_sql_liquidation;
\timing on
create table bench_sql_liquidation as
with econ as (
    select (select (cpi_percent * 100)::int from fiscal_economic_year where year = :year - 1) as cpi,
           (select minimum_wage from fiscal_economic_year where year = :year) as wage),
rated as (
    select p.*, b.rate_h, p.cadastral_value::numeric * b.rate_h as exact,
           case when p.previous_tax is null then 'FIRST_ENTRY'
                when p.destination in ('Q', 'R') then 'UNBUILT_LOT'
                when p.built_area_dm2 > p.previous_built_area_dm2 then 'NEW_CONSTRUCTION'
                when p.self_assessed then 'SELF_ASSESSED'
                when p.destination <> p.previous_destination then 'DESTINATION_CHANGE'
                when p.land_area_dm2 <> p.previous_land_area_dm2 then 'AREA_CHANGE' end as exception
    from fiscal_parcel p
    cross join lateral (
        select (rate_per_mil * 100)::int as rate_h from fiscal_rate_band b
        where b.scheme_id = :scheme and b.municipality = :'town' and b.year = :year
          and (b.zone is null or b.zone = p.zone) and (b.destination is null or b.destination = p.destination)
          and (b.stratum is null or b.stratum = p.stratum) and (b.value_from is null or p.cadastral_value >= b.value_from)
          and (b.value_to is null or p.cadastral_value < b.value_to)
        order by (b.zone is not null)::int + 2 * (b.destination is not null)::int + (b.stratum is not null)::int
                 + (b.value_from is not null or b.value_to is not null)::int desc, b.id
        limit 1) b
    where p.cadastre_id = :cadastre),
limited as (
    select r.*, case when r.exception is not null then null
                     when r.destination = 'A' and r.stratum in (1, 2) and r.cadastral_value <= 135 * e.wage then 'LOW_STRATA_CPI'
                     when r.updated then 'UPDATED_CPI_PLUS_8' else 'NOT_UPDATED_50' end as limit_code, e.cpi
    from rated r cross join econ e),
capped as (
    select l.*, case l.limit_code when 'LOW_STRATA_CPI' then l.previous_tax * (10000 + l.cpi) * 10::numeric
                                  when 'UPDATED_CPI_PLUS_8' then l.previous_tax * (10000 + l.cpi + 800) * 10::numeric
                                  when 'NOT_UPDATED_50' then l.previous_tax * 15000 * 10::numeric end as cap
    from limited l)
select line, cadastral_value as base, rate_h as rate_hundredths,
       floor((exact + 50000) / 100000)::bigint as tax_before, limit_code, cap::bigint as limit_cap_exact,
       coalesce(exact > cap, false) as limited, exception,
       floor((least(exact, coalesce(cap, exact)) + 50000) / 100000)::bigint as final_tax
from capped;
create index on bench_sql_liquidation using brin (line);
\timing off
select count(*) as parcels, sum(tax_before) as before, sum(final_tax) as final from bench_sql_liquidation;
