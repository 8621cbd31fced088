-- issue 14: one index less to maintain per check-in (ADR 0142, second amendment). The "3 per day" constraint now
-- leads with the activity and the day, so it also serves what volunteers_check_in_activity_idx served (an
-- activity's check-ins of a day: the roster, the day's counts); the sign-in's own reads go by the activity and the
-- volunteer, which volunteers_check_in_key_uk (activity, volunteer, key) serves. Same rows, same uniqueness.
alter table volunteers_check_in drop constraint volunteers_check_in_daily_uk;
drop index volunteers_check_in_activity_idx;
alter table volunteers_check_in add constraint volunteers_check_in_daily_uk
    unique (activity_id, service_date, volunteer_id, daily_index);
