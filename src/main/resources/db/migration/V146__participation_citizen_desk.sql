-- A citizen's desk (issue 20). The exercises open to a voter are found from their unit: the
-- primary key leads with the exercise, so the unit needs its own index.
create index prioritisation_unit_unit_idx on prioritisation_unit (unit_code, prioritisation_id);

-- When a citizen last opened "Mis reportes": progress recorded on their reports after it is news.
create table citizen_reports_seen (
    app_user bigint      primary key references app_user (id) on delete cascade,
    seen_at  timestamptz not null
);
