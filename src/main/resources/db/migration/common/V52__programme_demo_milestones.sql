-- demo progress (gongjian.demo.progress): milestones the demo loader adds are flagged like demo measurements,
-- so that pages can mark them as demo data; the programme's own entities do not map the column
alter table programme_milestone add column demo boolean not null default false;
