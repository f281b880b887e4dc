-- Issue 20: a case is assigned to one staff person of its scheme, who is told and finds it on the
-- desk and under "Mis casos". Null while nobody has it; assigned_at names the assignment, so a new
-- assignment (even back to the same person) is a new event with its own notice.
alter table service_case add column assignee_id bigint references app_user (id),
    add column assigned_at timestamptz;
-- A person's open cases by due date: the desk's counts and the "Mis casos" list.
create index service_case_assignee_open_idx on service_case (assignee_id, due_on) where completed_at is null;
