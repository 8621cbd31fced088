-- Issue 11 §5 (ADR 0025): a floor of forecast uncertainty and a material shortfall before a forecast warns.
insert into supervision_policy_parameter (programme_code, param_key, param_value, valid_from, source_document, evidence, note, recorded_by, recorded_at) values
 (null, 'forecast.floor', '0.15', '2024-01-01', '设计假设（ADR 0025）：预测不确定性下限，一年后、一个数据点时的标准差取目标区间（基数至目标）的15%，随时间跨度的平方根增大、随数据点数的平方根减小', 'UNVERIFIED', '待改革办确认', 'system', timestamp '2024-01-01 00:00:00+08:00'),
 (null, 'forecast.missPoints', '5', '2024-01-01', '设计假设（ADR 0025）：按趋势预测到期值比目标少于目标区间5个百分点以内的，不因概率低于阈值而预警（参照银川三色预警以百分点计差距）', 'UNVERIFIED', '待改革办确认', 'system', timestamp '2024-01-01 00:00:00+08:00');
