# The frame and the shared screens a kiosk can show too (see ja/screens.ftl).

## The frame

screen-mode-search = 查找
screen-mode-facility = 机构详情
screen-mode-browse = 机构列表
screen-clock = { $year }/{ $month }/{ $day } { $weekday } { $time }
screen-too-small =
    窗口太小。请把窗口放大到 { $min-width }x{ $min-height } 以上（现在 { $width }x{ $height }）。
    画面を { $min-width }x{ $min-height } 以上に広げてください。
screen-practice-banner = 練習 练习 (非正式数据)
screen-resident-unknown = 用户编号 { $id } 未登记。

## The help box

help-title = 按键说明
help-close = 按 Esc、Enter 或 ? 关闭
help-scroll = 上下键滚动

## Her bookings

bookings-title = 我的预约
bookings-none = 没有预约（按 n 预约）
bookings-cancel = 取消
bookings-back = 返回
bookings-entered-late = 补录
bookings-cannot-cancel = 此预约不能取消（{ $status }）。
bookings-cancel-by = { $late ->
    [yes] 逾期 { $date } { $time }
   *[no] 期限 { $date } { $time }
}
bookings-charged = 逾期取消: 视为使用了{ $units }
bookings-provisional = 临时预约

## The cancel question and its answer

bookings-cancel-title = 取消预约
bookings-cancel-yes = 取消预约
bookings-cancel-no = 不取消
bookings-cancel-outcome = { $late ->
    [yes] 已超过期限（{ $date } { $time }），属于逾期取消：视为使用了{ $units }，剩余次数会减少。
   *[no] 在期限内取消（期限 { $date } { $time }），不计入使用次数。
}
bookings-phone-facility = 请务必同时致电机构: { $phones }
bookings-cancelled = { $late ->
    [yes] 已取消（逾期取消: 视为使用了{ $units }）。请同时致电机构: { $phones }
   *[no] 已按期取消。请同时致电机构: { $phones }
}
