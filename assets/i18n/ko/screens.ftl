# The frame and the shared screens a kiosk can show too (see ja/screens.ftl).

## The frame

screen-mode-search = 검색
screen-mode-facility = 시설 정보
screen-mode-browse = 시설 목록
screen-clock = { $year }.{ $month }.{ $day }({ $weekday }) { $time }
screen-too-small =
    화면이 너무 작습니다. 창을 { $min-width }x{ $min-height } 이상으로 늘려 주세요 (현재 { $width }x{ $height }).
    画面を { $min-width }x{ $min-height } 以上に広げてください。
screen-practice-banner = 練習 연습 (실제 아님)
screen-resident-unknown = 이용자 번호 { $id } 는 등록되어 있지 않습니다.

## The help box

help-title = 키 조작
help-close = Esc, Enter, ? 로 닫기
help-scroll = 위아래 키로 스크롤

## Her bookings

bookings-title = 내 예약
bookings-none = 예약이 없습니다 (n 으로 예약)
bookings-cancel = 취소
bookings-back = 돌아가기
bookings-entered-late = 사후 기록
bookings-cannot-cancel = 이 예약은 취소할 수 없습니다 ({ $status }).
bookings-cancel-by = { $late ->
    [yes] 기한 지남 { $date } { $time }
   *[no] 취소 기한 { $date } { $time }
}
bookings-charged = 기한 후 취소: { $units } 이용한 것으로 봅니다
bookings-provisional = 임시 예약

## The cancel question and its answer

bookings-cancel-title = 예약 취소
bookings-cancel-yes = 취소하기
bookings-cancel-no = 그만두기
bookings-cancel-outcome = { $late ->
    [yes] 기한({ $date } { $time })이 지난 취소(기한 후 취소)입니다. { $units } 이용한 것으로 보고 남은 횟수가 줄어듭니다.
   *[no] 기한 내 취소입니다 (기한 { $date } { $time }). 이용 횟수가 줄지 않습니다.
}
bookings-phone-facility = 시설에도 반드시 전화해 주세요: { $phones }
bookings-cancelled = { $late ->
    [yes] 취소했습니다 (기한 후 취소: { $units } 이용). 시설에도 전화해 주세요: { $phones }
   *[no] 취소했습니다 (기한 내). 시설에도 전화해 주세요: { $phones }
}
