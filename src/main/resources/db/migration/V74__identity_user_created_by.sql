-- Who made an account: a scheme administrator keeps seeing (and granting to) the users they
-- created, even before or after those users hold a role in their schemes. Null: self sign-up,
-- the first administrator, or accounts from before this column.
alter table app_user add column created_by bigint references app_user (id) on delete set null;
create index app_user_created_by_idx on app_user (created_by) where created_by is not null;
