-- Town-level units' administrative division codes (GB/T 2260 county 440783 + township code), so that lists of
-- towns follow the official order as data the office can correct on the unit page (ADR 0026), not a list in code.
-- Only units that exist and have no code yet are touched.
update organisation_unit set division_code = '440783001' where code = 'changsha' and division_code is null;
update organisation_unit set division_code = '440783002' where code = 'sanbu' and division_code is null;
update organisation_unit set division_code = '440783100' where code = 'yueshan' and division_code is null;
update organisation_unit set division_code = '440783101' where code = 'shuikou' and division_code is null;
update organisation_unit set division_code = '440783102' where code = 'shatang' and division_code is null;
update organisation_unit set division_code = '440783103' where code = 'cangcheng' and division_code is null;
update organisation_unit set division_code = '440783104' where code = 'longsheng' and division_code is null;
update organisation_unit set division_code = '440783105' where code = 'dasha' and division_code is null;
update organisation_unit set division_code = '440783106' where code = 'magang' and division_code is null;
update organisation_unit set division_code = '440783107' where code = 'tangkou' and division_code is null;
update organisation_unit set division_code = '440783108' where code = 'chikan' and division_code is null;
update organisation_unit set division_code = '440783109' where code = 'baihe' and division_code is null;
update organisation_unit set division_code = '440783110' where code = 'xiangang' and division_code is null;
update organisation_unit set division_code = '440783111' where code = 'jinji' and division_code is null;
update organisation_unit set division_code = '440783112' where code = 'chishui' and division_code is null;
