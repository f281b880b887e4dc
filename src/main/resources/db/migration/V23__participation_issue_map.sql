-- The public issue map at any zoom without reading every issue: published issues counted on fixed
-- grids (level L has square cells of 0.005 × 2^L degrees, L = 0..8, from about 550 m to 140 km),
-- per scheme, kept by a trigger. A viewport reads at most about a thousand cells of one level.
-- last_id is one published issue in the cell: the marker of a cell that holds a single issue.
create table issue_map_cell (
    level     smallint         not null,
    scheme_id bigint           not null,
    cx        integer          not null,
    cy        integer          not null,
    issues    integer          not null,
    sum_lon   double precision not null,
    sum_lat   double precision not null,
    last_id   bigint,
    primary key (level, scheme_id, cx, cy)
);
create index issue_map_cell_xy_idx on issue_map_cell (level, cx, cy) include (issues, sum_lon, sum_lat, last_id);

create function issue_map_cell_track() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.moderation = 'PUBLISHED' then
        update issue_map_cell c set issues = c.issues - 1, sum_lon = c.sum_lon - old.lon, sum_lat = c.sum_lat - old.lat,
               last_id = case when c.last_id <> old.id then c.last_id else (
                   select i.id from territorial_issue i
                   where i.moderation = 'PUBLISHED' and i.scheme_id = old.scheme_id and i.id <> old.id
                     and i.lon >= c.cx * (0.005 * 2 ^ c.level) and i.lon < (c.cx + 1) * (0.005 * 2 ^ c.level)
                     and i.lat >= c.cy * (0.005 * 2 ^ c.level) and i.lat < (c.cy + 1) * (0.005 * 2 ^ c.level)
                   limit 1) end
        from generate_series(0, 8) l
        where c.level = l and c.scheme_id = old.scheme_id
          and c.cx = floor(old.lon / (0.005 * 2 ^ l)) and c.cy = floor(old.lat / (0.005 * 2 ^ l));
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.moderation = 'PUBLISHED' then
        insert into issue_map_cell (level, scheme_id, cx, cy, issues, sum_lon, sum_lat, last_id)
        select l, new.scheme_id, floor(new.lon / (0.005 * 2 ^ l)), floor(new.lat / (0.005 * 2 ^ l)), 1, new.lon, new.lat,
               new.id
        from generate_series(0, 8) l
        on conflict (level, scheme_id, cx, cy) do update
            set issues = issue_map_cell.issues + 1, sum_lon = issue_map_cell.sum_lon + excluded.sum_lon,
                sum_lat = issue_map_cell.sum_lat + excluded.sum_lat, last_id = excluded.last_id;
    end if;
    return null;
end $$;

create trigger issue_map_cell_track after insert or delete or update of moderation, lon, lat, scheme_id
    on territorial_issue for each row execute function issue_map_cell_track();
