# sango: Tiếng Việt. Same ids and variables as ja/sango.ftl; terms from glossary.toml.

## The language

language-name = Tiếng Việt
language-label = Ngôn ngữ
authoritative-note = Nội dung tiếng Nhật là bản chính thức.

## Numbers and dates

yen = { $amount } yên
weekday = { $wd ->
    [mon] T2
    [tue] T3
    [wed] T4
    [thu] T5
    [fri] T6
    [sat] T7
   *[sun] CN
}
date-long = { $weekday }, { $day }/{ $month }/{ $year }
date-short = { $weekday } { $day }/{ $month }

## Care types and units

care-stay = Chăm sóc lưu trú qua đêm
care-day = Chăm sóc ban ngày
care-visit = Chăm sóc tại nhà
care-stay-short = đêm
care-day-short = ngày
care-visit-short = nhà
units-long = { $n } { $unit ->
    [day] ngày
   *[visit] lần
}
fee-per-unit = { $fee }/{ $unit ->
    [day] ngày
   *[visit] lần
}
units-or = {" / "}

## The kiosk: top and bottom lines

start-over = làm lại
help-hint = ?:trợ giúp
journey-guide = Hướng dẫn
journey-identify = Xác nhận
journey-book = Đặt lịch
status-keys-public = i:xác nhận  g:hướng dẫn  /:tìm cơ sở
status-keys-identified = n:đặt lịch  b:lịch của tôi  g:hướng dẫn
not-identified = chưa xác nhận
identified-as = Mã số người dùng { $id }
window-hint = Xác nhận (i) để xem thời gian được dùng

## The kiosk: what happened

kiosk-system-error = Hiện không thể xử lý. Vui lòng hỏi nhân viên.
kiosk-refused = Không thể làm việc này ở máy này.
kiosk-timed-out = Không có thao tác một lúc: đã quay lại màn hình đầu.
kiosk-started-over = Đã quay lại màn hình đầu.
kiosk-identify-first = Vui lòng xác nhận danh tính trước khi đặt hoặc xem lịch.
kiosk-already-identified = Bạn đã xác nhận rồi. Người khác? Nhấn F5 để làm lại.
kiosk-welcome-back = Đã xác nhận (mã số người dùng { $id }). n: đặt lịch, b: xem lịch đã đặt.

## The kiosk: identification

identify-title = Xác nhận danh tính
identify-intro =
    Để đặt hoặc xem lịch, cần xác nhận danh tính.
    Hãy nhập mã số người dùng và ngày sinh của em bé.
identify-number = Mã số người dùng
identify-birth = Ngày sinh của bé
identify-birth-example = ví dụ 2026-10-01
identify-button = Xác nhận
identify-keys = Lên/Xuống/Tab: ô tiếp  Enter: xác nhận  Esc: quay lại
identify-bad-date = Hãy nhập ngày sinh như 2026-10-01.
identify-failed = Không xác nhận được mã số người dùng hoặc ngày sinh của bé. Vui lòng nhập lại.
identify-incomplete = Hãy nhập mã số người dùng và ngày sinh của em bé.
identify-locked = Nhập sai quá nhiều lần: tạm dừng xác nhận. Vui lòng chờ { $secs } giây.
identify-tries-left = Còn { $left } lần thử (sau đó phải chờ { $secs } giây).
identify-unlocked = Bây giờ có thể nhập lại.
identify-offline = Hiện không thể xác nhận danh tính: không kết nối được máy chủ của quận. Nhân viên có thể giúp bạn. Thông tin cơ sở vẫn xem được.
identify-paused = Nhập sai quá nhiều lần: việc xác nhận tạm dừng một thời gian. Vui lòng thử lại sau hoặc hỏi nhân viên.
kiosk-offline = Hiện không thể thực hiện: không kết nối được máy chủ của quận. Nhân viên có thể giúp bạn.
kiosk-request-title = Đặt tạm: nhân viên sẽ xác nhận
kiosk-request-kept = Yêu cầu của bạn được giữ là đặt tạm (仮予約): không kết nối được máy chủ của quận nên chưa được đặt. Nhân viên sẽ xác nhận và liên lạc với bạn.
back = quay lại

## The kiosk: staff PIN and the idle countdown

pin-title = Chỉ nhân viên: thoát
pin-body = Để thoát chương trình, nhập mã PIN nhân viên. Người dùng: nhấn Esc để quay lại.
pin-label = PIN nhân viên
pin-wrong = Sai mã PIN.
pin-locked = Tạm dừng nhập PIN. Vui lòng chờ { $secs } giây.
pin-unavailable = Không kiểm tra được PIN. Vui lòng gọi quản trị viên.
pin-leave = Thoát
countdown-title = Bạn có cần thêm thời gian không?
countdown = Để tiếp tục, hãy nhấn phím bất kỳ hoặc bấm vào màn hình. Nếu không, sau { $secs } giây màn hình sẽ quay lại từ đầu và thông tin bạn đã nhập sẽ bị xóa.
countdown-more = Thêm thời gian

## The kiosk: every key (the help box)

keys-arrows = Mũi tên
key-start-over = làm lại từ đầu (nội dung đã nhập sẽ bị xóa)
key-identify = xác nhận (mã số người dùng và ngày sinh của bé)
key-book = đặt lịch (sau khi xác nhận)
key-bookings = xem, hủy lịch của tôi (sau khi xác nhận)
key-guide = hướng dẫn (phí, quy định, liên hệ)
key-find = tìm cơ sở
key-filter = lọc theo loại
key-arrows = chọn, di chuyển
key-pane = khung tiếp theo
key-enter = chọn
key-esc = quay lại
key-yes-no = có / không
key-language = đổi ngôn ngữ
key-help = trợ giúp này

## The guide (kiosk pane and the g screen)

guide-title = Hướng dẫn
guide-identify = Để đặt hoặc xem lịch, hãy xác nhận trước (i).
guide-more = Hướng dẫn đầy đủ: phí, quy định, liên hệ (g)
guide-fees = Loại, giới hạn, phí
guide-exemption = Miễn phí
guide-cancel = Hủy lịch
guide-application = Đăng ký
guide-not-usable = Khi không thể sử dụng
guide-notes = Lưu ý khác
guide-contacts = Liên hệ
guide-keys = Lên/Xuống, PgUp/PgDn cuộn  Esc quay lại

## The cancellation rule, made from the programme's values

cancel-when = { $kind ->
    [same-day] trong ngày
    [day-before] ngày hôm trước
    [days-before] { $days } ngày trước
    [business-day-before] ngày làm việc hôm trước
   *[business-days-before] { $days } ngày làm việc trước
}
cancel-business-days = {" "}(ngày làm việc: thứ Hai đến thứ Sáu, trừ ngày lễ và 12/29-1/3)
cancel-rule = Hủy trước { $time } { $when } thì không bị tính lượt{ $business }; { $same ->
    [yes] hủy muộn hơn (hủy trễ hạn) hoặc không đến mà không báo, bị tính { $late }
   *[no] hủy muộn hơn (hủy trễ hạn) bị tính { $late }; không đến mà không báo bị tính { $noshow }
}. Hãy luôn gọi điện cho cơ sở.

## The calendar pane

# The weekday in one or two cells, over the calendar's columns.
weekday-narrow = { $wd ->
    [mon] T2
    [tue] T3
    [wed] T4
    [thu] T5
    [fri] T6
    [sat] T7
   *[sun] CN
}
calendar-title = Lịch
calendar-month = Tháng { $month }/{ $year }
calendar-today = hôm nay
calendar-holiday = ngày lễ
calendar-booked = đã đặt
calendar-window-no-resident = Sau khi xác nhận danh tính, thời gian được dùng sẽ hiện ra
calendar-window-none = Cơ sở và loại này không có thời gian được dùng
calendar-window = Thời gian được dùng { $from }-{ $to }
calendar-legend = []chọn ()hôm nay *lễ +đã đặt #đang chọn

## Words every screen shares (src/tui/words.rs)

care-mark = { $care ->
    [stay] D
    [day] N
   *[visit] H
}
channel = { $channel ->
    [phone] điện thoại
    [web] WEB
    [line] LINE
   *[email] e-mail
}
list-sep = /
channels-only = chỉ { $names }
line-open = đang nhận
line-open-until = đang nhận đến { $time }
line-closed = ngoài giờ
line-closed-opens = ngoài giờ, mở lúc { $time }
when-weekday = { $weekday } { $time }
when-date = { $date } { $time }
month-day = { $day }/{ $month }
date-numeric = { $day }/{ $month }/{ $year }
day-range = { $from }-{ $to }
period-short = { $kind ->
    [days-through] đến ngày { $n }
    [days-before] trước ngày { $n }
    [months-through] đến { $n } tháng 0 ngày
    [months-before] dưới { $n } tháng
   *[years-within] trong { $n } năm
}
period-long = { $kind ->
    [days-through] đến ngày thứ { $n } sau sinh
    [days-before] trước ngày thứ { $n } sau sinh
    [months-through] đến { $n } tháng 0 ngày sau sinh
    [months-before] dưới { $n } tháng sau sinh
   *[years-within] trong { $n } năm sau sinh
}
status = { $status ->
    [booked] đã đặt
    [cancelled] đã hủy
    [cancelled_late] đã hủy (quá hạn)
    [no_show] không đến mà không báo
   *[used] đã dùng
}
length = { $kind ->
    [nights] { $n } đêm ({ $days } ngày)
    [days] { $n } ngày
   *[visit] 1 lần
}
contact-name = { $name }, { $section }

## The store at work (every screen, the kiosk too)

connecting = Đang kết nối
reconnecting = Đang kết nối lại
store-working = Đang lưu, vui lòng chờ.
recording = Đang ghi
booking-working = Đang ghi lịch đặt, vui lòng chờ.
not-confirmed = Mất kết nối: chưa xác nhận được đã ghi hay chưa. Hãy xem danh sách lịch đặt.
store-damaged = Cơ sở dữ liệu bị hỏng: đã dừng đặt lịch và thay đổi. Hãy chạy `sango store repair`.

## Large text (the welcome screen)

text-size-label = Cỡ chữ
text-size-standard = thường
text-size-large = lớn
key-large-text = chữ lớn, mỗi lần một khung
