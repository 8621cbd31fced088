-- assessment: reports units owe ledgers (e.g. data-collection returns), as the ledgers last reported them
-- (LedgerReportDue); an item due in a period counts in the unit's timeliness component
create table assessment_ledger_report (
    ledger     varchar(32)   not null,
    item_key   varchar(100)  not null,
    unit_code  varchar(64)   not null,
    label      varchar(300)  not null,
    reference  varchar(32)   not null,
    due        date          not null,
    done       date,
    demo       boolean       not null default false,
    primary key (ledger, item_key)
);
create index assessment_ledger_report_due_ix on assessment_ledger_report (due);
