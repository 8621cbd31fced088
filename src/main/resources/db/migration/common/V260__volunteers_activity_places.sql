-- issue 14: an activity's quota (计划人数) counts the people it takes in. A volunteer takes a place at their first
-- check-in to the activity; later sessions and days use the same place. The count of places taken is kept on the
-- activity and raised by a conditional update (taken < quota), so concurrent check-ins cannot overfill it.
alter table volunteers_activity add column taken integer not null default 0;

create table volunteers_activity_place (
    activity_id  bigint not null references volunteers_activity (id),
    volunteer_id bigint not null references volunteers_volunteer (id),
    placed_at    timestamp with time zone not null,
    constraint volunteers_activity_place_pk primary key (activity_id, volunteer_id)
);

insert into volunteers_activity_place (activity_id, volunteer_id, placed_at)
    select activity_id, volunteer_id, min(checked_in_at) from volunteers_check_in group by activity_id, volunteer_id;

update volunteers_activity set taken =
    (select count(*) from volunteers_activity_place p where p.activity_id = volunteers_activity.id);
