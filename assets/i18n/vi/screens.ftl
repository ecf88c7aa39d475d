# The frame and the shared screens a kiosk can show too (see ja/screens.ftl).

## The frame

screen-mode-search = Tìm
screen-mode-facility = Cơ sở
screen-mode-browse = Danh sách
screen-clock = { $weekday }, { $day }/{ $month }/{ $year } { $time }
screen-too-small =
    Cửa sổ quá nhỏ. Hãy mở rộng ít nhất { $min-width }x{ $min-height } (hiện tại { $width }x{ $height }).
    画面を { $min-width }x{ $min-height } 以上に広げてください。
screen-practice-banner = 練習 LUYỆN TẬP (dữ liệu thử)
screen-resident-unknown = Mã số người dùng { $id } chưa được đăng ký.

## The help box

help-title = Phím
help-close = Esc, Enter hoặc ? để đóng
help-scroll = Lên/Xuống để cuộn

## Her bookings

bookings-title = Lịch của tôi
bookings-none = Chưa có lịch (n để đặt)
bookings-cancel = Hủy lịch
bookings-back = Quay lại
bookings-entered-late = ghi sau
bookings-cannot-cancel = Không thể hủy lịch này ({ $status }).
bookings-cancel-by = { $late ->
    [yes] đã quá hạn hủy ({ $time } { $date })
   *[no] hủy trước { $time } { $date }
}
bookings-charged = hủy trễ hạn: bị tính { $units }
bookings-provisional = đặt tạm

## The cancel question and its answer

bookings-cancel-title = Hủy lịch
bookings-cancel-yes = Hủy lịch
bookings-cancel-no = Giữ lịch
bookings-cancel-outcome = { $late ->
    [yes] Hủy trễ hạn (hạn là { $date } { $time }): bị tính { $units }.
   *[no] Hủy đúng hạn (hạn { $date } { $time }): không bị tính lượt.
}
bookings-phone-facility = Hãy gọi điện cho cơ sở nữa: { $phones }
bookings-cancelled = { $late ->
    [yes] Đã hủy trễ hạn (bị tính { $units }). Hãy gọi điện cho cơ sở nữa: { $phones }
   *[no] Đã hủy đúng hạn. Hãy gọi điện cho cơ sở nữa: { $phones }
}
