# The shared panes in Vietnamese.

## The facility list

pane-facilities-title = Cơ sở
pane-type-label = Loại:
pane-all-types = tất cả
pane-search-label = Tìm(/):
pane-search-hint = tên, nơi, cách đặt
pane-no-match = Không có cơ sở phù hợp (Esc xóa tìm kiếm, t đổi loại)
pane-col-type = Loại
pane-col-name = Cơ sở
pane-col-period = Thời gian
pane-col-channel = Cách đặt
pane-col-phone = Điện thoại bây giờ
pane-no-channel = không ghi
pane-phone-hours-unknown = điện thoại, không ghi giờ
pane-holiday-confirm-short = (ngày lễ: hãy hỏi)

## A facility's detail

pane-address = Địa chỉ
pane-phone = Điện thoại
pane-email = E-mail
pane-channels = Cách đặt
pane-reservation = Đặt lịch
pane-hours = Giờ nhận điện thoại
pane-now = Bây giờ
pane-holidays = Ngày lễ
pane-holiday-confirm = Tờ rơi không ghi về ngày lễ. Hãy hỏi cơ sở.
pane-room = Phòng
pane-shared-room = Có thể không phải phòng riêng. Hãy hỏi cơ sở để biết chi tiết.
pane-message = Lời nhắn
pane-notes = Ghi chú
pane-none = không có
pane-window-label = Thời gian được dùng
pane-window-text = { $from } đến { $to } ({ $id })
pane-detail-keys = Lên/Xuống: cuộn  Esc: về danh sách

## Phone hours

pane-hours-none = không có giờ nhận điện thoại
pane-hours-daily = Hằng ngày
pane-hours-day-run = { $from }-{ $to }
pane-hours-day-sep = {", "}
pane-hours-time-range = { $from }-{ $to }
pane-hours-time-sep = {", "}
pane-hours-group = { $days } { $times }
pane-hours-group-sep = {"; "}
pane-hours-except = { $hours } (trừ { $list })
pane-hours-except-sep = {", "}
pane-hours-holidays = ngày lễ
pane-hours-nth-weekday = { $weekday ->
    [mon] thứ Hai
    [tue] thứ Ba
    [wed] thứ Tư
    [thu] thứ Năm
    [fri] thứ Sáu
    [sat] thứ Bảy
   *[sun] Chủ nhật
} tuần thứ { $n } của tháng
pane-hours-month-day = { $day }/{ $month }
pane-hours-date-range = { $from }-{ $to }

## The quota

pane-quota-title = Tình hình sử dụng
pane-no-resident-quota = Chưa chọn người dùng (u để chọn, n để đặt)
# Columns five cells wide.
pane-col-limit = Max
pane-col-used = Dùng
pane-col-left = Còn
pane-col-late = Hủy trễ
pane-units-short = { $n }{ $unit ->
    [day] {""}
   *[visit] {""}
}
pane-no-selection = Chưa chọn lịch nào
pane-selection-refused = Không thể đặt những ngày này:
pane-selection = Đang chọn: { $care } { $dates }
pane-upcoming = Đã đặt (+):
pane-fee-base = cơ bản { $units } x { $amount } yên
pane-fee-extra = +{ $babies } bé { $units } x { $amount } yên
pane-fee-exempt = miễn phí
pane-fee-total = tổng
pane-resident-born = sinh { $date }
pane-resident-babies = { $n } bé
pane-resident-corrected = tuổi hiệu chỉnh
pane-resident-exempt = miễn phí

## The guide

pane-care-detail = giới hạn { $limit }{ $multiples ->
    [yes] {" "}(đa thai: { $more })
   *[no] {""}
}; mỗi bé thêm +{ $extra }{ $meals ->
    [yes] , có bữa ăn
   *[no] {""}
}
pane-exemption = Các hộ sau được miễn phí (0 yên): { $households }.
pane-households-sep = {", "}
pane-application = Có thể đăng ký từ tuần thai thứ { $weeks }. Phiếu (coupon) được cấp sau khoảng { $days } ngày làm việc.
pane-guide-bring = Cần mang theo
