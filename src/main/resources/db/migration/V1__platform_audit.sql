-- Every change to business data: who, when, what, before and after.
create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    actor          text        not null,
    action         text        not null,
    entity_type    text        not null,
    entity_id      text        not null,
    scheme_id      bigint,
    summary        text,
    before_state   jsonb,
    after_state    jsonb,
    remote_address text
);
-- Pages are read newest first by id (keyset); each filter has an index ending in id.
create index audit_event_actor_idx on audit_event (actor, id desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, id desc);
create index audit_event_action_idx on audit_event (action, id desc);
create index audit_event_scheme_idx on audit_event (scheme_id, id desc) where scheme_id is not null;
create index audit_event_time_idx on audit_event (occurred_at);
