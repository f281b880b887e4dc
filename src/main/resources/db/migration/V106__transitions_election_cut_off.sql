-- An election fixes the day its candidate dossiers are made of: every dossier of the election is
-- built from the records as of that date, so the same data give the same version whatever the day
-- it is generated. Elections created before this take the day they were created (or held, if
-- earlier): what their dossiers were meant to show.
alter table election add column cut_off_on date;
update election set cut_off_on = least(held_on, cast(created_at as date));
alter table election alter column cut_off_on set not null,
    add constraint election_cut_off_not_after_held check (cut_off_on <= held_on);
