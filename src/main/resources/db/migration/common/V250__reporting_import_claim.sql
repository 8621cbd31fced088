-- An import under way, claimed by the file's digest and the person before any work (ADR 0036): a second import
-- of the same file by the same person into the same programme, sent while the first runs (a double click, a
-- retry after a timeout), finds the claim and is refused with 409 instead of writing the rows a second time.
-- The claim is removed when the import ends; one older than the claim expiry is left from a crash and replaced.
create table reporting_import_claim (
    programme_code varchar(64) not null,
    kind           varchar(32) not null,
    digest         varchar(64) not null,
    imported_by    varchar(64) not null,
    claimed_at     timestamp   not null,
    primary key (programme_code, kind, digest, imported_by)
);
