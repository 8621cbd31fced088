-- demo progress (gongjian.demo.progress): milestones the demo loader adds are flagged like demo measurements,
-- so that pages can mark them as demo data; the programme's own entities do not map the column
alter table programme_milestone add column demo boolean not null default false;
-- finding the demo figures of a programme without reading all its figures
create index programme_measurement_demo_idx on programme_measurement (demo, target_id);
