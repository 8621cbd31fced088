-- A target's standing kept as its figures are written (ADR 0037): one row per target and date with the day's
-- current figure (the valid one recorded last: not superseded, not withdrawn), how many valid figures the day has,
-- and when a figure touching the day was last recorded (a new figure, a correction or a withdrawal of one of its
-- figures). The status engine reads these rows instead of every figure when nothing was recorded after the moment
-- it judges; a day whose figures were all corrected away or withdrawn keeps its row with no current figure.
create table programme_figure_day (
    target_id      bigint not null references programme_target (id),
    as_of          date   not null,
    measurement_id bigint references programme_measurement (id),
    current_recorded_at timestamp with time zone,
    figures        integer not null,
    changed_at     timestamp with time zone not null,
    primary key (target_id, as_of)
);

-- the figures already stored, as FigureDays.REBUILD computes them
insert into programme_figure_day (target_id, as_of, measurement_id, current_recorded_at, figures, changed_at)
select a.target_id, a.as_of, v.id, v.recorded_at, coalesce(v.figures, 0), a.changed_at
  from (select m.target_id, m.as_of, max(greatest(m.recorded_at, coalesce(s.recorded_at, m.recorded_at))) as changed_at
          from programme_measurement m left join programme_measurement s on s.supersedes_id = m.id
         group by m.target_id, m.as_of) a
  left join (select w.target_id, w.as_of, w.id, w.recorded_at, w.figures
               from (select m.target_id, m.as_of, m.id, m.recorded_at,
                            count(*) over (partition by m.target_id, m.as_of) as figures,
                            row_number() over (partition by m.target_id, m.as_of order by m.recorded_at desc, m.id desc) as n
                       from programme_measurement m
                      where m.withdrawn = false
                        and not exists (select 1 from programme_measurement x where x.supersedes_id = m.id)) w
              where w.n = 1) v on v.target_id = a.target_id and v.as_of = a.as_of;
