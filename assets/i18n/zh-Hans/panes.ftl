# The shared panes in Simplified Chinese.

## The facility list

pane-facilities-title = 机构
pane-type-label = 类型:
pane-all-types = 全部
pane-search-label = 搜索(/):
pane-search-hint = 名称・地区・预约方式
pane-no-match = 没有符合条件的机构（Esc 清除搜索，t 切换类型）
pane-col-type = 类型
pane-col-name = 机构名称
pane-col-period = 可使用期间
pane-col-channel = 预约方式
pane-col-phone = 电话受理（现在）
pane-no-channel = 未注明
pane-phone-hours-unknown = 电话 未注明时间
pane-holiday-confirm-short = 节假日请确认

## A facility's detail

pane-address = 地址
pane-phone = 电话
pane-email = 电子邮件
pane-channels = 预约方式
pane-reservation = 预约
pane-hours = 受理时间
pane-now = 现在
pane-holidays = 节假日
pane-holiday-confirm = 未注明节假日是否受理。请向机构确认。
pane-room = 房间
pane-shared-room = 可能不是单人房间。详情请向机构确认。
pane-message = 留言
pane-notes = 备注
pane-none = 无
pane-window-label = 可使用期间
pane-window-text = { $from }～{ $to }（{ $id }）
pane-detail-keys = 上下滚动  Esc 返回列表

## Phone hours

pane-hours-none = 无电话受理时间
pane-hours-daily = 每天
pane-hours-day-run = { $from }至{ $to }
pane-hours-day-sep = 、
pane-hours-time-range = { $from }-{ $to }
pane-hours-time-sep = {", "}
pane-hours-group = { $days } { $times }
pane-hours-group-sep = ；
pane-hours-except = { $hours }（{ $list }除外）
pane-hours-except-sep = 、
pane-hours-holidays = 法定节假日
pane-hours-nth-weekday = 每月第{ $n }个{ $weekday ->
    [mon] 星期一
    [tue] 星期二
    [wed] 星期三
    [thu] 星期四
    [fri] 星期五
    [sat] 星期六
   *[sun] 星期日
}
pane-hours-month-day = { $month }月{ $day }日
pane-hours-date-range = { $from }至{ $to }

## The quota

pane-quota-title = 使用情况
pane-no-resident-quota = 未选择用户（u 选择，n 预约）
pane-col-limit = 上限
pane-col-used = 已用
pane-col-left = 剩余
pane-col-late = 逾期取消
pane-units-short = { $n }{ $unit ->
    [day] 天
   *[visit] 次
}
pane-no-selection = 没有正在选择的预约
pane-selection-refused = 所选日期无法预约:
pane-selection = 选择中: { $care } { $dates }
pane-upcoming = 已预约（+）:
pane-fee-base = 基本 { $units }x{ $amount }日元
pane-fee-extra = 多胞胎加算 +{ $babies }人 { $units }x{ $amount }日元
pane-fee-exempt = 免除费用
pane-fee-total = 合计
pane-resident-born = 出生 { $date }
pane-resident-babies = { $n }个孩子
pane-resident-corrected = 矫正月龄
pane-resident-exempt = 免除

## The guide

pane-care-detail = 上限 { $limit }{ $multiples ->
    [yes] （多胞胎 { $more }）
   *[no] {""}
}・多胞胎每多1人 +{ $extra }{ $meals ->
    [yes] ・含餐
   *[no] {""}
}
pane-exemption = 以下家庭免除费用: { $households }。
pane-households-sep = 、
pane-application = 怀孕第{ $weeks }周起可以申请。发放优惠券约需{ $days }个工作日。
pane-guide-bring = 携带物品
