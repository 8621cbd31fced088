-- The office may return a submitted (or reviewed) monthly consortium report to the bank with a reason; the bank
-- revises the draft and submits it again. The last return's reason stays visible until the next submission.
alter table finance_report add column returned_reason varchar(500);
alter table finance_report add column returned_on date;
alter table finance_report add column returned_by varchar(100);
