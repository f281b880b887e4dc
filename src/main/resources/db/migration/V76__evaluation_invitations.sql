-- Who may answer a self-evaluation: the people its staff invite, each once. The invitation, not
-- the response, records that a person answered, so an anonymous campaign's answers stay unlinked
-- to names while nobody answers twice.
create table evaluation_invitation (
    campaign_id  bigint      not null references evaluation_campaign (id),
    username     text        not null check (username = lower(username)),
    invited_by   text        not null,
    invited_at   timestamptz not null default now(),
    responded_at timestamptz,
    primary key (campaign_id, username)
);
