-- The open-data catalogue dates each dataset by the last audited change of its entity types: with this
-- index that is one backward index step per type, however long the audit log.
create index audit_event_type_time_idx on audit_event (entity_type, occurred_at);
