-- supervision: the official working-day calendar, versioned policy parameters, trajectory choices,
-- supervision notices (督办单) with answers and history, document-number sequences, reporting activity,
-- and the scheduler lock shared by the instances

create table supervision_calendar_year (
    cal_year        integer       primary key,
    source_document varchar(300)  not null,
    evidence        varchar(16)   not null,
    note            varchar(1000)
);

-- only exceptions to Monday–Friday: holidays (放假) and weekend make-up working days (调休上班)
create table supervision_calendar_day (
    on_date         date         primary key,
    kind            varchar(16)  not null,
    name            varchar(50)  not null,
    cal_year        integer      not null references supervision_calendar_year (cal_year)
);

insert into supervision_calendar_year (cal_year, source_document, evidence, note) values (2024, '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）', 'VERIFIED', '日期已按通知原文逐日核对星期（见 supervision-practice.md §4）');
insert into supervision_calendar_day (on_date, kind, name, cal_year) values
 ('2024-01-01', 'HOLIDAY', '元旦', 2024),
 ('2024-02-10', 'HOLIDAY', '春节', 2024),
 ('2024-02-11', 'HOLIDAY', '春节', 2024),
 ('2024-02-12', 'HOLIDAY', '春节', 2024),
 ('2024-02-13', 'HOLIDAY', '春节', 2024),
 ('2024-02-14', 'HOLIDAY', '春节', 2024),
 ('2024-02-15', 'HOLIDAY', '春节', 2024),
 ('2024-02-16', 'HOLIDAY', '春节', 2024),
 ('2024-02-17', 'HOLIDAY', '春节', 2024),
 ('2024-04-04', 'HOLIDAY', '清明节', 2024),
 ('2024-04-05', 'HOLIDAY', '清明节', 2024),
 ('2024-04-06', 'HOLIDAY', '清明节', 2024),
 ('2024-05-01', 'HOLIDAY', '劳动节', 2024),
 ('2024-05-02', 'HOLIDAY', '劳动节', 2024),
 ('2024-05-03', 'HOLIDAY', '劳动节', 2024),
 ('2024-05-04', 'HOLIDAY', '劳动节', 2024),
 ('2024-05-05', 'HOLIDAY', '劳动节', 2024),
 ('2024-06-08', 'HOLIDAY', '端午节', 2024),
 ('2024-06-09', 'HOLIDAY', '端午节', 2024),
 ('2024-06-10', 'HOLIDAY', '端午节', 2024),
 ('2024-09-15', 'HOLIDAY', '中秋节', 2024),
 ('2024-09-16', 'HOLIDAY', '中秋节', 2024),
 ('2024-09-17', 'HOLIDAY', '中秋节', 2024),
 ('2024-10-01', 'HOLIDAY', '国庆节', 2024),
 ('2024-10-02', 'HOLIDAY', '国庆节', 2024),
 ('2024-10-03', 'HOLIDAY', '国庆节', 2024),
 ('2024-10-04', 'HOLIDAY', '国庆节', 2024),
 ('2024-10-05', 'HOLIDAY', '国庆节', 2024),
 ('2024-10-06', 'HOLIDAY', '国庆节', 2024),
 ('2024-10-07', 'HOLIDAY', '国庆节', 2024),
 ('2024-02-04', 'MAKEUP_WORKDAY', '春节', 2024),
 ('2024-02-18', 'MAKEUP_WORKDAY', '春节', 2024),
 ('2024-04-07', 'MAKEUP_WORKDAY', '清明节', 2024),
 ('2024-04-28', 'MAKEUP_WORKDAY', '劳动节', 2024),
 ('2024-05-11', 'MAKEUP_WORKDAY', '劳动节', 2024),
 ('2024-09-14', 'MAKEUP_WORKDAY', '中秋节', 2024),
 ('2024-09-29', 'MAKEUP_WORKDAY', '国庆节', 2024),
 ('2024-10-12', 'MAKEUP_WORKDAY', '国庆节', 2024);
insert into supervision_calendar_year (cal_year, source_document, evidence, note) values (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', 'VERIFIED', '日期已按通知原文逐日核对星期（见 supervision-practice.md §4）');
insert into supervision_calendar_day (on_date, kind, name, cal_year) values
 ('2025-01-01', 'HOLIDAY', '元旦', 2025),
 ('2025-01-28', 'HOLIDAY', '春节', 2025),
 ('2025-01-29', 'HOLIDAY', '春节', 2025),
 ('2025-01-30', 'HOLIDAY', '春节', 2025),
 ('2025-01-31', 'HOLIDAY', '春节', 2025),
 ('2025-02-01', 'HOLIDAY', '春节', 2025),
 ('2025-02-02', 'HOLIDAY', '春节', 2025),
 ('2025-02-03', 'HOLIDAY', '春节', 2025),
 ('2025-02-04', 'HOLIDAY', '春节', 2025),
 ('2025-04-04', 'HOLIDAY', '清明节', 2025),
 ('2025-04-05', 'HOLIDAY', '清明节', 2025),
 ('2025-04-06', 'HOLIDAY', '清明节', 2025),
 ('2025-05-01', 'HOLIDAY', '劳动节', 2025),
 ('2025-05-02', 'HOLIDAY', '劳动节', 2025),
 ('2025-05-03', 'HOLIDAY', '劳动节', 2025),
 ('2025-05-04', 'HOLIDAY', '劳动节', 2025),
 ('2025-05-05', 'HOLIDAY', '劳动节', 2025),
 ('2025-05-31', 'HOLIDAY', '端午节', 2025),
 ('2025-06-01', 'HOLIDAY', '端午节', 2025),
 ('2025-06-02', 'HOLIDAY', '端午节', 2025),
 ('2025-10-01', 'HOLIDAY', '国庆节、中秋节', 2025),
 ('2025-10-02', 'HOLIDAY', '国庆节、中秋节', 2025),
 ('2025-10-03', 'HOLIDAY', '国庆节、中秋节', 2025),
 ('2025-10-04', 'HOLIDAY', '国庆节、中秋节', 2025),
 ('2025-10-05', 'HOLIDAY', '国庆节、中秋节', 2025),
 ('2025-10-06', 'HOLIDAY', '国庆节、中秋节', 2025),
 ('2025-10-07', 'HOLIDAY', '国庆节、中秋节', 2025),
 ('2025-10-08', 'HOLIDAY', '国庆节、中秋节', 2025),
 ('2025-01-26', 'MAKEUP_WORKDAY', '春节', 2025),
 ('2025-02-08', 'MAKEUP_WORKDAY', '春节', 2025),
 ('2025-04-27', 'MAKEUP_WORKDAY', '劳动节', 2025),
 ('2025-09-28', 'MAKEUP_WORKDAY', '国庆节、中秋节', 2025),
 ('2025-10-11', 'MAKEUP_WORKDAY', '国庆节、中秋节', 2025);
insert into supervision_calendar_year (cal_year, source_document, evidence, note) values (2026, '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）', 'VERIFIED', '日期已按通知原文逐日核对星期（见 supervision-practice.md §4）');
insert into supervision_calendar_day (on_date, kind, name, cal_year) values
 ('2026-01-01', 'HOLIDAY', '元旦', 2026),
 ('2026-01-02', 'HOLIDAY', '元旦', 2026),
 ('2026-01-03', 'HOLIDAY', '元旦', 2026),
 ('2026-02-15', 'HOLIDAY', '春节', 2026),
 ('2026-02-16', 'HOLIDAY', '春节', 2026),
 ('2026-02-17', 'HOLIDAY', '春节', 2026),
 ('2026-02-18', 'HOLIDAY', '春节', 2026),
 ('2026-02-19', 'HOLIDAY', '春节', 2026),
 ('2026-02-20', 'HOLIDAY', '春节', 2026),
 ('2026-02-21', 'HOLIDAY', '春节', 2026),
 ('2026-02-22', 'HOLIDAY', '春节', 2026),
 ('2026-02-23', 'HOLIDAY', '春节', 2026),
 ('2026-04-04', 'HOLIDAY', '清明节', 2026),
 ('2026-04-05', 'HOLIDAY', '清明节', 2026),
 ('2026-04-06', 'HOLIDAY', '清明节', 2026),
 ('2026-05-01', 'HOLIDAY', '劳动节', 2026),
 ('2026-05-02', 'HOLIDAY', '劳动节', 2026),
 ('2026-05-03', 'HOLIDAY', '劳动节', 2026),
 ('2026-05-04', 'HOLIDAY', '劳动节', 2026),
 ('2026-05-05', 'HOLIDAY', '劳动节', 2026),
 ('2026-06-19', 'HOLIDAY', '端午节', 2026),
 ('2026-06-20', 'HOLIDAY', '端午节', 2026),
 ('2026-06-21', 'HOLIDAY', '端午节', 2026),
 ('2026-09-25', 'HOLIDAY', '中秋节', 2026),
 ('2026-09-26', 'HOLIDAY', '中秋节', 2026),
 ('2026-09-27', 'HOLIDAY', '中秋节', 2026),
 ('2026-10-01', 'HOLIDAY', '国庆节', 2026),
 ('2026-10-02', 'HOLIDAY', '国庆节', 2026),
 ('2026-10-03', 'HOLIDAY', '国庆节', 2026),
 ('2026-10-04', 'HOLIDAY', '国庆节', 2026),
 ('2026-10-05', 'HOLIDAY', '国庆节', 2026),
 ('2026-10-06', 'HOLIDAY', '国庆节', 2026),
 ('2026-10-07', 'HOLIDAY', '国庆节', 2026),
 ('2026-01-04', 'MAKEUP_WORKDAY', '元旦', 2026),
 ('2026-02-14', 'MAKEUP_WORKDAY', '春节', 2026),
 ('2026-02-28', 'MAKEUP_WORKDAY', '春节', 2026),
 ('2026-05-09', 'MAKEUP_WORKDAY', '劳动节', 2026),
 ('2026-09-20', 'MAKEUP_WORKDAY', '国庆节', 2026),
 ('2026-10-10', 'MAKEUP_WORKDAY', '国庆节', 2026);

-- policy parameters: one row per version; programme_code null = the default for every programme
create table supervision_policy_parameter (
    id              bigint generated by default as identity primary key,
    programme_code  varchar(64),
    param_key       varchar(64)   not null,
    param_value     varchar(200)  not null,
    valid_from      date          not null,
    valid_to        date,
    source_document varchar(500)  not null,
    evidence        varchar(16)   not null,
    note            varchar(1000),
    recorded_by     varchar(64)   not null,
    recorded_at     timestamp with time zone not null
);
create index supervision_policy_parameter_key_idx on supervision_policy_parameter (param_key, programme_code);

insert into supervision_policy_parameter (programme_code, param_key, param_value, valid_from, source_document, evidence, note, recorded_by, recorded_at) values
 (null, 'timeProgress.method', 'MONTHS_ELAPSED', '2024-01-01', '宣城市政府工作报告重点任务进展通报（按1–3月25%、1–6月50%、1–11月91.7%计算时间进度）', 'VERIFIED', '供选：DAYS_ELAPSED（按日）、PLAN_CURVE（按计划曲线）', 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'warning.kind', 'ABS_POINTS', '2024-01-01', '银川市重点项目三色预警（2025）：低于序时进度的百分点', 'PARTLY_VERIFIED', '供选：RELATIVE_SHORTFALL（三亚：低于序时计划的比例）', 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'warning.yellow', '10', '2024-01-01', '银川市重点项目三色预警（2025）：低于序时进度10–30个百分点（含）为黄色', 'PARTLY_VERIFIED', null, 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'warning.red', '30', '2024-01-01', '银川市重点项目三色预警（2025）：低于序时进度30个百分点以上为红色', 'PARTLY_VERIFIED', null, 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'warning.inclusive', 'true', '2024-01-01', '银川市重点项目三色预警（2025）：“含10~30个百分点”，边界计入较重一档', 'PARTLY_VERIFIED', null, 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'forecast.confidence', '0.8', '2024-01-01', '设计假设：预测区间取80%', 'UNVERIFIED', '待改革办确认', 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'forecast.atRiskBelow', '0.5', '2024-01-01', '设计假设：按当前趋势如期完成的概率低于50%即预警', 'UNVERIFIED', '待改革办确认', 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'milestone.dueSoon.workdays', '3', '2024-01-01', '宿迁产发集团（2025）：临近时限发蓝单，未给出天数；某督查督办平台“即将超期”', 'UNVERIFIED', '取3个工作日，待改革办确认', 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'notice.answer.workdays', '7', '2024-01-01', '济南市（2008）：领导批示件一般7个工作日内办结反馈', 'VERIFIED', null, 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'notice.chase.afterDue.workdays', '1', '2024-01-01', '某局12345工单办理规定：逾期次日发《催办通知书》', 'PARTLY_VERIFIED', null, 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'notice.supervise.afterChase.workdays', '3', '2024-01-01', '邓州“三单”（邓政办〔2018〕127号）：催办后仍未办结的发督办通知单，未给出天数', 'UNVERIFIED', '取3个工作日，待改革办确认', 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'notice.bulletin.afterSupervise.workdays', '5', '2024-01-01', '某局12345工单办理规定：催办后逾期5个工作日仍无说明的书面通报批评', 'PARTLY_VERIFIED', null, 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'notice.number.prefix', '开改督', '2024-01-01', 'GB/T 9704-2012 §7.2.5 发文字号格式：机关代字〔年份〕序号号', 'PARTLY_VERIFIED', '机关代字“开改督”为设计假设，待改革办确认', 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'report.cycle', 'MONTHLY', '2024-01-01', '重点项目每月报送进展（区政府督查工作制度）', 'PARTLY_VERIFIED', '供选：QUARTERLY', 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'report.dueDay', '5', '2024-01-01', '重点项目于每月5日前报送上月进展（区政府督查工作制度）', 'PARTLY_VERIFIED', null, 'system', timestamp '2024-01-01 00:00:00+08:00');

-- the office's choice of planned path for a target (default: planned points if any, else linear)
create table supervision_trajectory (
    target_id   bigint      primary key,
    kind        varchar(32) not null,
    chosen_by   varchar(64) not null,
    chosen_at   timestamp with time zone not null
);

-- supervision notices (督办单); subject_key + basis make raising idempotent, open_key allows one open notice per subject
create table supervision_notice (
    id             bigint generated by default as identity primary key,
    version        integer       not null,
    programme_code varchar(64)   not null,
    doc_number     varchar(64),
    trigger_kind   varchar(32)   not null,
    notice_level   varchar(16)   not null,
    state          varchar(16)   not null,
    title          varchar(300)  not null,
    matter         varchar(4000) not null,
    requirement    varchar(2000) not null,
    unit_id        bigint        not null,
    initiative_id  bigint,
    subject_key    varchar(200)  not null,
    basis          varchar(200)  not null,
    open_key       varchar(200),
    severity       varchar(16)   not null,
    raised_on      date          not null,
    original_due   date          not null,
    answer_due     date          not null,
    level_since    date          not null,
    raised_by      varchar(64)   not null,
    raised_at      timestamp with time zone not null,
    closed_at      timestamp with time zone,
    constraint supervision_notice_basis_uk unique (subject_key, basis),
    constraint supervision_notice_open_uk unique (open_key),
    constraint supervision_notice_number_uk unique (doc_number)
);
create index supervision_notice_programme_idx on supervision_notice (programme_code, state);
create index supervision_notice_unit_idx on supervision_notice (unit_id, state);

create table supervision_notice_history (
    id          bigint generated by default as identity primary key,
    notice_id   bigint       not null references supervision_notice (id),
    occurred_at timestamp with time zone not null,
    actor       varchar(64)  not null,
    action      varchar(16)  not null,
    from_state  varchar(16),
    to_state    varchar(16)  not null,
    from_level  varchar(16),
    to_level    varchar(16)  not null,
    comment     varchar(4000)
);
create index supervision_notice_history_notice_idx on supervision_notice_history (notice_id, id);

create table supervision_notice_answer (
    id          bigint generated by default as identity primary key,
    notice_id   bigint        not null references supervision_notice (id),
    seq         integer       not null,
    text        varchar(4000) not null,
    answered_by varchar(64)   not null,
    answered_at timestamp with time zone not null,
    constraint supervision_notice_answer_uk unique (notice_id, seq)
);

-- document numbers: the last sequence number per prefix per year (开改督〔2024〕3号)
create table supervision_notice_sequence (
    prefix   varchar(20) not null,
    seq_year integer     not null,
    last_no  integer     not null,
    primary key (prefix, seq_year)
);

-- milestone updates, which count as a unit having reported in a cycle
create table supervision_activity (
    id            bigint generated by default as identity primary key,
    initiative_id bigint       not null,
    subject       varchar(100) not null,
    occurred_at   timestamp with time zone not null
);
create index supervision_activity_initiative_idx on supervision_activity (initiative_id, occurred_at);

-- ShedLock: at most one instance runs a scheduled job at a time
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255) not null
);
