-- roads: staff and signboards get edited on the office's pages (optimistic locking like the other records), and
-- the demonstration roads of the demo are put right against the article's item 1 and the domain notes.

alter table roads_staff add column version integer default 0 not null;
alter table roads_signboard add column version integer default 0 not null;

-- the article gives one theme for all five roads, 「四好农村路+侨乡致富」; towns, lengths, route codes and opening
-- dates are not in it (the 美丽乡村路 of the notes is the 邑美侨路 塘口 section, not 强亚村道)
update roads_demo_road set theme = '“四好农村路+侨乡致富”（镇街归属、里程、路线编码与通车日期为演示假设）'
 where demo = true and name in ('赤马线', '交四线', '交锅线', '锅塘线', '强亚村道');

-- the demo's 赤马线 is as long as its route X551 on the demo register (it said 12.6 km against 14.8 km of segments)
update roads_demo_road set length_km = (select sum(s.end_km - s.start_km) from roads_segment s
                                          join roads_route r on r.id = s.route_id where r.code = 'X551')
 where demo = true and name = '赤马线' and route_code = 'X551'
   and exists (select 1 from roads_route r where r.code = 'X551' and r.demo = true);

-- the demo's criteria follow 建设好、管理好、养护好、运营好 and the article's 路长制/路域环境 and theme
update roads_demo_criterion set label = '建设好：路面平整无坑槽，标志标线与安全设施齐全' where position = 1
   and demo_road_id in (select id from roads_demo_road where demo = true);
update roads_demo_criterion set label = '管理好：路长制落实，路长公示牌设置规范' where position = 2
   and demo_road_id in (select id from roads_demo_road where demo = true);
update roads_demo_criterion set label = '养护好：列养率100%，养护责任落实' where position = 3
   and demo_road_id in (select id from roads_demo_road where demo = true);
update roads_demo_criterion set label = '运营好：沿线建制村通客车、物流到村' where position = 4
   and demo_road_id in (select id from roads_demo_road where demo = true);
update roads_demo_criterion set label = '路域环境整洁，绿化美化' where position = 5
   and demo_road_id in (select id from roads_demo_road where demo = true);
update roads_demo_criterion set label = '主题“四好农村路+侨乡致富”：串联侨乡文化与产业节点' where position = 6
   and demo_road_id in (select id from roads_demo_road where demo = true);
