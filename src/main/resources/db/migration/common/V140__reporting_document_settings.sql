-- The parts of the year-end review that make it a 公文 (GB/T 9704), per programme, edited by the office:
-- 发文机关标志, the issuing body (落款), the 发文字号 pattern and sequence, the title, 主送, 抄送, 印发机关, 成文日期.
create table reporting_document_settings (
    programme_code varchar(64) primary key,
    mark           varchar(200) not null,
    issuing_body   varchar(200) not null,
    number_pattern varchar(100) not null,
    number_seq     integer not null,
    title          varchar(200),
    addressees     varchar(500) not null,
    copy_to        varchar(500),
    printed_by     varchar(200) not null,
    signed_on      date,
    updated_by     varchar(100) not null,
    updated_at     timestamp not null
);

-- The Kaiping demo programme's settings, as its 改革办 would fill them in.
insert into reporting_document_settings (programme_code, mark, issuing_body, number_pattern, number_seq, title,
        addressees, copy_to, printed_by, signed_on, updated_by, updated_at)
values ('kaiping-2024', '开平市改革攻坚工作领导小组办公室文件', '开平市改革攻坚工作领导小组办公室', '开改办〔{year}〕{n}号', 1,
        null, '各镇人民政府、街道办事处，翠山湖管委会，市直各单位',
        '市委办公室，市人大常委会办公室，市政府办公室，市政协办公室', '开平市改革攻坚工作领导小组办公室', null,
        'system', timestamp '2024-12-31 00:00:00');
