-- Issue 15: a scheme's contact is a person's name, e-mail and phone (personal data). It is shown
-- outside the scheme only when staff mark it as the institution's public channel.
alter table scheme_contact add column public_channel boolean not null default false;
