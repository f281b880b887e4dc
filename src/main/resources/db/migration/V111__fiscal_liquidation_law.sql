-- Issue 18C: a liquidation keeps the parameters it was computed with (the year's CPI and minimum
-- wage, the rates, the regime's limits and exceptions, the national bounds), so a parcel's tax can
-- be explained later even after those figures change. Null for liquidations run before this record.
alter table fiscal_liquidation add column law jsonb;
