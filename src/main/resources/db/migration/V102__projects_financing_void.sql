-- A financing line is never deleted (issue 18): it is voided with a reason, stays visible in the
-- project's financing and the audit, and counts in no total nor in the benefits of equity. The
-- update trigger of the benefit ledger marks the scheme's ledger stale when a line is voided.
alter table financing_line
    add column voided_at   timestamptz,
    add column voided_by   text,
    add column void_reason text,
    add constraint financing_line_void_check check ((voided_at is null) = (void_reason is null)
        and (voided_at is null) = (voided_by is null));
