-- issue 14: an activity's quota is kept in sixteen shares instead of one counter on the activity's row. Every
-- check-in of a city-wide activity raised that one row, so the 万人行 day's check-ins waited for each other on its
-- lock (ADR 0142). A volunteer's first check-in now raises one share (volunteer id mod 16, or the next share with
-- room); the shares' caps add up to the quota, so the quota still holds under any race. The places taken are the
-- sum of the shares; the view gives each activity with that sum as "taken".
create table volunteers_activity_quota (
    activity_id bigint  not null references volunteers_activity (id),
    shard       integer not null,
    cap         integer not null,
    taken       integer not null,
    constraint volunteers_activity_quota_pk primary key (activity_id, shard),
    constraint volunteers_activity_quota_ck check (taken >= 0 and taken <= cap)
);

-- existing activities: the quota split evenly over the shares, the places already taken filled in share order
insert into volunteers_activity_quota (activity_id, shard, cap, taken)
select a.id, s.k,
       a.quota / 16 + case when s.k < mod(a.quota, 16) then 1 else 0 end,
       least(a.quota / 16 + case when s.k < mod(a.quota, 16) then 1 else 0 end,
             greatest(0, a.taken - (s.k * (a.quota / 16) + least(s.k, mod(a.quota, 16)))))
  from volunteers_activity a
 cross join (select 0 as k union all select 1 union all select 2 union all select 3 union all select 4
             union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
             union all select 10 union all select 11 union all select 12 union all select 13 union all select 14
             union all select 15) s;

alter table volunteers_activity drop column taken;

-- recreate this view whenever volunteers_activity gains a column
create view volunteers_activity_view as
select a.*, (select coalesce(sum(q.taken), 0) from volunteers_activity_quota q where q.activity_id = a.id) as taken
  from volunteers_activity a;
