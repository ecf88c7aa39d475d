# sango: 简体中文. Same ids and variables as ja/sango.ftl; terms from glossary.toml.

## The language

language-name = 中文
language-label = 语言
authoritative-note = 以日文内容为准。

## Numbers and dates

yen = { $amount }日元
weekday = { $wd ->
    [mon] 周一
    [tue] 周二
    [wed] 周三
    [thu] 周四
    [fri] 周五
    [sat] 周六
   *[sun] 周日
}
date-long = { $year }年{ $month }月{ $day }日 { $weekday }
date-short = { $month }月{ $day }日 { $weekday }

## Care types and units

care-stay = 住宿型护理
care-day = 日间型护理
care-visit = 上门型护理
care-stay-short = 住宿
care-day-short = 日间
care-visit-short = 上门
units-long = { $n }{ $unit ->
    [day] 天
   *[visit] 次
}
fee-per-unit = { $fee }/{ $unit ->
    [day] 天
   *[visit] 次
}
units-or = 、

## The kiosk: top and bottom lines

start-over = 重新开始
help-hint = ?:帮助
journey-guide = 指南
journey-identify = 身份确认
journey-book = 预约・查看
status-keys-public = i:身份确认  g:指南  /:查找机构
status-keys-identified = n:预约  b:我的预约  g:指南
not-identified = 未确认身份
identified-as = 用户编号 { $id }
window-hint = 确认身份(i)后显示可用期间

## The kiosk: what happened

kiosk-system-error = 现在无法处理。请询问工作人员。
kiosk-refused = 此终端不能进行此操作。
kiosk-timed-out = 长时间无操作，已返回首页。
kiosk-started-over = 已返回首页。
kiosk-identify-first = 预约或查看预约前，请先确认身份。
kiosk-already-identified = 身份已确认。其他人请按 F5 重新开始。
kiosk-welcome-back = 身份已确认（用户编号 { $id }）。按 n 预约，按 b 查看预约。

## The kiosk: identification

identify-title = 身份确认
identify-intro =
    预约或查看预约需要确认身份。
    请输入用户编号和宝宝的出生日期。
identify-number = 用户编号
identify-birth = 宝宝的出生日期
identify-birth-example = 例 2026-10-01
identify-button = 确认
identify-keys = 上下・Tab 切换输入栏  Enter 确认  Esc 返回
identify-bad-date = 请按 2026-10-01 的格式输入出生日期。
identify-failed = 无法确认用户编号或宝宝的出生日期。请重新输入。
identify-incomplete = 请输入用户编号和宝宝的出生日期。
identify-locked = 未能确认的次数过多，身份确认已暂停。请等待 { $secs } 秒。
identify-tries-left = 还可以尝试 { $left } 次（之后需等待 { $secs } 秒）。
identify-unlocked = 现在可以重新输入了。
identify-offline = 现在无法连接区的服务器，无法确认您的身份。工作人员可以帮助您。设施信息仍可查看。
identify-paused = 未能确认的输入次数过多，身份确认暂停一段时间。请稍后再试，或询问工作人员。
kiosk-offline = 现在无法连接区的服务器，无法进行此操作。工作人员可以帮助您。
kiosk-request-title = 临时预约（工作人员将确认）
kiosk-request-kept = 已作为临时预约（仮予約）受理：由于无法连接区的服务器，预约尚未确定。工作人员确认后会与您联系。
back = 返回

## The kiosk: staff PIN and the idle countdown

pin-title = 仅限职员：退出
pin-body = 退出程序需输入职员PIN。使用者请按 Esc 返回。
pin-label = 职员PIN
pin-wrong = PIN不正确。
pin-locked = PIN输入已暂停。请等待 { $secs } 秒。
pin-unavailable = 无法验证PIN。请联系管理员。
pin-leave = 退出
countdown-title = 还需要更多时间吗？
countdown = 如需继续，请按任意键或点击屏幕。如无操作，{ $secs } 秒后将返回首页，已输入的内容会被清除。
countdown-more = 继续使用

## The kiosk: every key (the help box)

keys-arrows = 方向键
key-start-over = 返回首页（已输入的内容将被清除）
key-identify = 身份确认（用户编号和宝宝的出生日期）
key-book = 预约（确认身份后）
key-bookings = 查看・取消预约（确认身份后）
key-guide = 指南（费用・规定・咨询处）
key-find = 查找机构
key-filter = 按类型筛选
key-arrows = 选择・移动
key-pane = 切换区域
key-enter = 确定
key-esc = 返回
key-yes-no = 是 / 否
key-language = 切换语言
key-help = 本帮助

## The guide (kiosk pane and the g screen)

guide-title = 指南
guide-identify = 确认身份（i）后即可预约或查看预约。
guide-more = 费用・规定・咨询处的详细说明请按 g
guide-fees = 类型・上限・费用
guide-exemption = 费用减免
guide-cancel = 取消
guide-application = 申请
guide-not-usable = 不能使用的情况
guide-notes = 其他注意事项
guide-contacts = 咨询・受理窗口
guide-keys = 上下・PgUp PgDn 滚动  Esc 返回

## The cancellation rule, made from the programme's values

cancel-when = { $kind ->
    [same-day] 当天
    [day-before] 前一天
    [days-before] { $days }天前
    [business-day-before] 前一个工作日
   *[business-days-before] { $days }个工作日前
}
cancel-business-days = （工作日指周六、周日、节假日及12/29～1/3以外的日子）
cancel-rule = 在{ $when }{ $time }之前取消，不计入使用次数{ $business }。{ $same ->
    [yes] 此后取消（逾期取消）或未联系而缺席，视为使用了{ $late }
   *[no] 此后取消（逾期取消）视为使用了{ $late }，未联系而缺席视为使用了{ $noshow }
}。请务必同时致电机构。

## The calendar pane

# The weekday in one or two cells, over the calendar's columns.
weekday-narrow = { $wd ->
    [mon] 一
    [tue] 二
    [wed] 三
    [thu] 四
    [fri] 五
    [sat] 六
   *[sun] 日
}
calendar-title = 日历
calendar-month = { $year }年{ $month }月
calendar-today = 今天
calendar-holiday = 节假日
calendar-booked = 已预约
calendar-window-no-resident = 确认身份后显示可使用期间
calendar-window-none = 此设施和类型没有可使用期间
calendar-window = 可使用期间 { $from }～{ $to }
calendar-legend = []选择 ()今天 *假日 +预约 #选择中

## Words every screen shares (src/tui/words.rs)

care-mark = { $care ->
    [stay] 宿
    [day] 日
   *[visit] 访
}
channel = { $channel ->
    [phone] 电话
    [web] 网站
    [line] LINE
   *[email] 电子邮件
}
list-sep = 、
channels-only = 仅限{ $names }
line-open = 受理中
line-open-until = 受理中，至{ $time }
line-closed = 非受理时间
line-closed-opens = 非受理时间，{ $time }起受理
when-weekday = { $weekday } { $time }
when-date = { $date } { $time }
month-day = { $month }/{ $day }
date-numeric = { $year }/{ $month }/{ $day }
day-range = { $from }至{ $to }
period-short = { $kind ->
    [days-through] 产后{ $n }天内
    [days-before] 产后未满{ $n }天
    [months-through] 产后{ $n }个月0天内
    [months-before] 产后未满{ $n }个月
   *[years-within] 产后{ $n }年内
}
period-long = { $kind ->
    [days-through] 产后第{ $n }天为止
    [days-before] 产后未满{ $n }天
    [months-through] 产后{ $n }个月0天为止
    [months-before] 产后未满{ $n }个月
   *[years-within] 产后{ $n }年以内
}
status = { $status ->
    [booked] 已预约
    [cancelled] 已取消
    [cancelled_late] 已取消（超过期限）
    [no_show] 未联系而缺席
   *[used] 已使用
}
length = { $kind ->
    [nights] { $n }晚{ $days }天
    [days] { $n }天
   *[visit] 1次
}
contact-name = { $name } { $section }

## The store at work (every screen, the kiosk too)

connecting = 正在连接
reconnecting = 正在重新连接
store-working = 正在保存，请稍候。
recording = 正在记录
booking-working = 正在记录预约，请稍候。
not-confirmed = 连接已中断，无法确认是否已记录。请查看预约列表。
store-damaged = 发现数据库损坏，已停止预约和更改。请运行 `sango store repair`。

## Large text (the welcome screen)

text-size-label = 文字大小
text-size-standard = 标准
text-size-large = 大字
key-large-text = 大字显示（一次一个窗格）
