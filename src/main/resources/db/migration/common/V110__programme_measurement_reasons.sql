-- A measurement may carry the reason it was confirmed although implausible, or the reason of the correction
-- or withdrawal it is; a withdrawal is a superseding row marked withdrawn (nothing is overwritten).
alter table programme_measurement add column reason varchar(2000);
alter table programme_measurement add column plausibility varchar(32);
alter table programme_measurement add column withdrawn boolean not null default false;
