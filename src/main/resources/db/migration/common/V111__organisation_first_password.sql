-- An account made by the office with a first password must choose its own at first login
alter table organisation_user add column must_change_password boolean not null default false;
