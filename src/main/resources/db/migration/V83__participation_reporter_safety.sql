-- Safety of reporters. A published issue shows the public a point snapped to the centre of its
-- 0.005° cell (about 550 m) unless the team chose "show exactly" when publishing; a reserved
-- report is for the scheme's team only and can never be published.
alter table territorial_issue
    add column exact_location boolean not null default false,
    add column reserved       boolean not null default false,
    add column public_lon double precision generated always as
        (case when exact_location then lon else (floor(lon / 0.005) + 0.5) * 0.005 end) stored,
    add column public_lat double precision generated always as
        (case when exact_location then lat else (floor(lat / 0.005) + 0.5) * 0.005 end) stored,
    add constraint territorial_issue_reserved_private check (not (reserved and moderation = 'PUBLISHED'));

-- The map's cells count the public point, never the reported one.
create or replace function issue_map_cell_track() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.moderation = 'PUBLISHED' then
        update issue_map_cell c set issues = c.issues - 1, sum_lon = c.sum_lon - old.public_lon,
               sum_lat = c.sum_lat - old.public_lat,
               last_id = case when c.last_id <> old.id then c.last_id else (
                   select i.id from territorial_issue i
                   where i.moderation = 'PUBLISHED' and i.scheme_id = old.scheme_id and i.id <> old.id
                     and i.public_lon >= c.cx * (0.005 * 2 ^ c.level)
                     and i.public_lon < (c.cx + 1) * (0.005 * 2 ^ c.level)
                     and i.public_lat >= c.cy * (0.005 * 2 ^ c.level)
                     and i.public_lat < (c.cy + 1) * (0.005 * 2 ^ c.level)
                   limit 1) end
        from generate_series(0, 8) l
        where c.level = l and c.scheme_id = old.scheme_id
          and c.cx = floor(old.public_lon / (0.005 * 2 ^ l)) and c.cy = floor(old.public_lat / (0.005 * 2 ^ l));
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.moderation = 'PUBLISHED' then
        insert into issue_map_cell (level, scheme_id, cx, cy, issues, sum_lon, sum_lat, last_id)
        select l, new.scheme_id, floor(new.public_lon / (0.005 * 2 ^ l)), floor(new.public_lat / (0.005 * 2 ^ l)), 1,
               new.public_lon, new.public_lat, new.id
        from generate_series(0, 8) l
        on conflict (level, scheme_id, cx, cy) do update
            set issues = issue_map_cell.issues + 1, sum_lon = issue_map_cell.sum_lon + excluded.sum_lon,
                sum_lat = issue_map_cell.sum_lat + excluded.sum_lat, last_id = excluded.last_id;
    end if;
    return null;
end $$;

drop trigger issue_map_cell_track on territorial_issue;
create trigger issue_map_cell_track after insert or delete or update of moderation, lon, lat, scheme_id, exact_location
    on territorial_issue for each row execute function issue_map_cell_track();

-- Recount the cells from the public points of the issues already published.
delete from issue_map_cell;
insert into issue_map_cell (level, scheme_id, cx, cy, issues, sum_lon, sum_lat, last_id)
select l, i.scheme_id, floor(i.public_lon / (0.005 * 2 ^ l)), floor(i.public_lat / (0.005 * 2 ^ l)), count(*),
       sum(i.public_lon), sum(i.public_lat), max(i.id)
from territorial_issue i cross join generate_series(0, 8) l
where i.moderation = 'PUBLISHED'
group by l, i.scheme_id, floor(i.public_lon / (0.005 * 2 ^ l)), floor(i.public_lat / (0.005 * 2 ^ l));
