# Các bước đặt lịch, từ ngữ về lịch đặt, lý do quy định từ chối: tiếng Việt. Same ids and
# variables as ja/wizard.ftl.

## The wizard's frame

wizard-title = Đặt lịch
wizard-step = { $step ->
    [resident] Người dùng
    [screening] Sức khỏe
    [care] Loại
    [facility] Cơ sở
    [dates] Ngày
   *[confirm] Xác nhận
}
wizard-step-hint = { $step ->
    [resident] Tab/Lên/Xuống: ô  F2 tìm/đăng ký
    [screening] y có  n không
    [care] Lên/Xuống: chọn
    [facility] Lên/Xuống: chọn
    [dates] mũi tên: ngày  + -: độ dài
   *[confirm] nhấn y cũng đặt được
}
wizard-back = Quay lại
wizard-leave = Tạm dừng
wizard-next = Tiếp
wizard-book = Đặt lịch
wizard-close = Đóng
wizard-shorter = ngắn hơn
wizard-longer = dài hơn
wizard-recording = Đang ghi
wizard-booking-working = Đang ghi lịch đặt, vui lòng chờ.

## Step 2: the screening

wizard-screening-intro = Không thể dùng chăm sóc sau sinh trong các trường hợp sau. Hãy trả lời từng câu hỏi.
wizard-screening-stop = Với tình trạng này, bạn không thể dùng chăm sóc sau sinh. Trước hết hãy hỏi ý kiến cơ sở y tế. Nếu có thắc mắc, hãy liên hệ các nơi dưới đây. Nhấn Esc để sửa câu trả lời.
wizard-screening-keys = y có  n không  Lên/Xuống chọn câu hỏi  Khi tất cả là không, Enter để tiếp
wizard-answer-all = Hãy trả lời tất cả các câu hỏi.
wizard-yes = có
wizard-no = không

## Step 3: the care type

wizard-care-intro = Hãy chọn loại chăm sóc (phí cho mẹ và một bé).
wizard-none-left-short = hết lượt
wizard-too-few-left-short = còn { $left }, cần { $shortest }
wizard-too-few-left = Không thể chọn { $care }: còn { $left }, nhưng lịch ngắn nhất cần { $shortest }
wizard-none-left = Đã hết lượt { $care }.

## Step 4: the facility

wizard-facility-intro = Các cơ sở có loại này và thời gian được dùng vẫn còn ngày.
wizard-no-facility = Không có cơ sở nào còn ngày trong thời gian được dùng.

## Step 5: the dates

wizard-length-keys = { $care ->
    [stay] + - đổi số đêm
    [day] + - đổi số ngày
   *[visit] Mỗi lần chỉ đặt một lần thăm
}
wizard-visit-is-one = Chăm sóc tại nhà được đặt từng lần một
wizard-longest-reached = Không thể dài hơn: chỉ còn { $left } trong giới hạn
wizard-check-ok = Có thể đặt những ngày này
wizard-check-refused = Không thể đặt những ngày này
wizard-dates-keys = Mũi tên/hjkl đổi ngày, [ ] đổi tháng, + - đổi độ dài, Enter để xác nhận. Cũng có thể nhấp chuột.

## Step 6: the confirmation, and the booking made

wizard-booked-title = Đã ghi vào hồ sơ của quận
wizard-booked-flash = Đã ghi vào hồ sơ của quận. Đừng quên đăng ký với cơ sở.
wizard-label-resident = Người dùng
wizard-label-facility = Cơ sở
wizard-label-care = Loại
wizard-label-dates = Ngày
wizard-what-to-bring = Mang theo

## A booking's words

booking-per-unit = /{ $unit ->
    [day] ngày
   *[visit] lần
}
booking-left-of = còn { $left } { $unit ->
    [day] ngày
   *[visit] lần
} / tối đa { $limit }
booking-window = Thời gian được dùng { $range }
booking-days-left = còn { $n } ngày
booking-length-line = Độ dài: { $length }
booking-plan-dates = { $kind ->
    [one-day] { $first } { $length }
   *[days] { $first } đến { $last } { $length }
}
booking-cancel-already-late = Đặt sau hạn hủy ({ $time } { $date }): mọi lần hủy đều là hủy trễ hạn, bị tính { $units }.
booking-cancel-by = Hủy trước { $time } { $date } để giữ lượt (và gọi điện cho cơ sở); hủy sau đó bị tính { $units }.
booking-last-call = Điện thoại của cơ sở nhận cuộc gọi đến { $time } { $date }, sau đó không nhận đến hạn hủy.
booking-code = Mã đặt lịch { $code }
booking-number = Lịch đặt { $id }
booking-records-with-ward = "Đặt lịch" sẽ ghi lịch vào hồ sơ của quận. Bạn cần đăng ký riêng với cơ sở ({ $channels }).
booking-recorded-next-step = Đã ghi vào hồ sơ của quận. Tiếp theo, hãy đăng ký với cơ sở qua { $channels } (không cần nếu nhân viên đã đăng ký).

## Why the rules refuse a booking

refusal-not-offered = Cơ sở này không có chăm sóc loại { $care }.
refusal-no-period = Cơ sở này không có thời gian được dùng cho loại { $care }.
refusal-period-out-of-range = Không thể tính thời gian được dùng với ngày sinh này.
refusal-in-past = { $start } là ngày đã qua (hôm nay là { $today }).
refusal-before-window = { $start } trước khi thời gian được dùng bắt đầu ({ $first }).
refusal-after-window = Lịch sẽ kết thúc ngày { $end }, sau khi thời gian được dùng kết thúc ({ $last }).
refusal-over-limit = Vượt giới hạn: cần { $requested }, còn { $remaining } { $unit ->
    [day] ngày
   *[visit] lần
} (tối đa { $limit }).
refusal-no-baby = Cần có ít nhất 1 em bé.
refusal-overlaps = Bạn đã có lịch từ { $first } đến { $last }: mỗi ngày chỉ một lịch.
