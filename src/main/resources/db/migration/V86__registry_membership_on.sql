-- The one "member on a date" rule of the register: a membership counts from the day it was joined to
-- the day it was left, both included. Queries read `from membership_on(:at) m` instead of retyping
-- the dates. A stable SQL function of one select: PostgreSQL inlines it, so the indexes still serve.
create function membership_on(at date) returns setof membership
    language sql stable
    as $$ select * from membership where joined_on <= at and (left_on is null or left_on >= at) $$;
