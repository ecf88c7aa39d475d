# 预约流程、预约用语、规则拒绝的理由：简体中文。Same ids and variables as ja/wizard.ftl.

## The wizard's frame

wizard-title = 预约
wizard-step = { $step ->
    [resident] 用户
    [screening] 身体状况
    [care] 类型
    [facility] 机构
    [dates] 日程
   *[confirm] 确认
}
wizard-step-hint = { $step ->
    [resident] Tab・上下 切换项目  F2 查找/新建
    [screening] y 是  n 否
    [care] 上下 选择
    [facility] 上下 选择
    [dates] 方向键 选日期  + - 长度
   *[confirm] 按 y 也可预约
}
wizard-back = 返回
wizard-leave = 中断
wizard-next = 下一步
wizard-book = 预约
wizard-close = 关闭
wizard-shorter = 缩短
wizard-longer = 延长
wizard-recording = 记录中
wizard-booking-working = 正在记录预约，请稍候。

## Step 2: the screening

wizard-screening-intro = 有以下情况时不能使用产后护理。请回答每个问题。
wizard-screening-stop = 在这种状况下不能使用产后护理。请先咨询医疗机构。如有疑问，请联系以下窗口。按 Esc 可以修改回答。
wizard-screening-keys = y 是  n 否  上下 选择问题  全部为"否"时按 Enter 进入下一步
wizard-answer-all = 请回答所有问题。
wizard-yes = 是
wizard-no = 否

## Step 3: the care type

wizard-care-intro = 请选择护理类型（费用为母亲和1名婴儿的情况）。
wizard-none-left-short = 已无剩余
wizard-too-few-left-short = 剩余{ $left }（最短需{ $shortest }）不可选
wizard-too-few-left = { $care }剩余{ $left }，不能选择（最短也需要{ $shortest }）
wizard-none-left = { $care }已达到使用上限。

## Step 4: the facility

wizard-facility-intro = 提供此类型护理、且可使用期间尚有剩余的机构。
wizard-no-facility = 没有可使用期间尚有剩余的机构。

## Step 5: the dates

wizard-length-keys = { $care ->
    [stay] + - 更改住宿晚数
    [day] + - 更改天数
   *[visit] 上门护理每次预约1次
}
wizard-visit-is-one = 上门护理每次只能预约1次
wizard-longest-reached = 剩余{ $left }，不能再延长
wizard-check-ok = 可以预约
wizard-check-refused = 此日程不能预约
wizard-dates-keys = 方向键・hjkl 选日期，[ ] 换月，+ - 改长度，Enter 进入确认。也可以用鼠标点击。

## Step 6: the confirmation, and the booking made

wizard-booked-title = 已登记到区的记录
wizard-booked-flash = 已登记到区的记录。请别忘了向机构申请。
wizard-label-resident = 用户
wizard-label-facility = 机构
wizard-label-care = 类型
wizard-label-dates = 日程
wizard-what-to-bring = 携带物品

## A booking's words

booking-per-unit = /{ $unit ->
    [day] 天
   *[visit] 次
}
booking-left-of = 剩余 { $left }{ $unit ->
    [day] 天
   *[visit] 次
} / 上限 { $limit }
booking-window = 可使用期间 { $range }
booking-days-left = 还剩{ $n }天
booking-length-line = 期间: { $length }
booking-plan-dates = { $kind ->
    [one-day] { $first } { $length }
   *[days] { $first }～{ $last } { $length }
}
booking-cancel-already-late = 此预约是在取消期限（{ $date } { $time }）之后做的，任何取消都属于逾期取消（视为使用了{ $units }）。
booking-cancel-by = 请在 { $date } { $time } 之前取消（同时致电机构）。此后取消视为使用了{ $units }。
booking-last-call = 机构电话受理到 { $date } { $time }（此后至期限为止不受理）。
booking-code = 预约编号 { $code }
booking-number = 预约编号 { $id }
booking-records-with-ward = 按"预约"后登记到区的记录。还需另外向机构申请（{ $channels }）。
booking-recorded-next-step = 已登记到区的记录。接下来请通过{ $channels }向机构申请使用（如工作人员已申请则不需要）。

## Why the rules refuse a booking

refusal-not-offered = 此机构不提供{ $care }护理。
refusal-no-period = 此机构没有{ $care }护理的可使用期间。
refusal-period-out-of-range = 根据此出生日期无法计算可使用期间。
refusal-in-past = { $start }是过去的日期（今天是{ $today }）。
refusal-before-window = { $start }早于可使用期间的开始日（{ $first }）。
refusal-after-window = 结束日{ $end }超过了可使用期间的结束日（{ $last }）。
refusal-over-limit = 超过使用上限：需要{ $requested }，剩余{ $remaining }{ $unit ->
    [day] 天
   *[visit] 次
}（上限{ $limit }）。
refusal-no-baby = 需要填写婴儿人数。
refusal-overlaps = 与{ $first }～{ $last }的预约重叠（每天限1件）。
