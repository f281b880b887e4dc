-- Scheduled work (stale-job requeue, expired keys, expired sessions) runs once across nodes: a node
-- runs a task only when it moves the task's lease forward; the row lock makes racing nodes agree.
create table scheduled_lease (
    task    text primary key,
    ran_at  timestamptz not null,
    node    text not null
);
