-- calendar: the working-day calendar moves from supervision to the ground floor, where every module counts on it
alter table supervision_calendar_day rename to calendar_day;
alter table supervision_calendar_year rename to calendar_year;
