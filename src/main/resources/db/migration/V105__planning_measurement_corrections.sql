-- A measurement is corrected or voided, never changed in place: the original row stays with who
-- voided it, when and why; a correction is a new row pointing at the one it corrects. Statuses
-- read only the rows in force (not voided).
alter table goal_measurement
    add column voided_at   timestamptz,
    add column voided_by   text,
    add column void_reason text,
    add column corrects_id bigint references goal_measurement (id),
    add constraint goal_measurement_void_reason check ((voided_at is null) = (void_reason is null));
create index goal_measurement_in_force_idx on goal_measurement (goal_id, measured_on) where voided_at is null;
