# The shared panes in Korean.

## The facility list

pane-facilities-title = 시설
pane-type-label = 유형:
pane-all-types = 전체
pane-search-label = 검색(/):
pane-search-hint = 이름, 지역, 예약 방법
pane-no-match = 조건에 맞는 시설이 없습니다 (Esc: 검색 지우기, t: 유형)
pane-col-type = 유형
pane-col-name = 시설 이름
pane-col-period = 이용 기간
pane-col-channel = 예약 방법
pane-col-phone = 전화 접수 (지금)
pane-no-channel = 기재 없음
pane-phone-hours-unknown = 전화, 시간 기재 없음
pane-holiday-confirm-short = 공휴일은 확인 필요

## A facility's detail

pane-address = 주소
pane-phone = 전화
pane-email = 이메일
pane-channels = 예약 방법
pane-reservation = 예약
pane-hours = 접수 시간
pane-now = 지금
pane-holidays = 공휴일
pane-holiday-confirm = 공휴일 접수에 대한 기재가 없습니다. 시설에 확인해 주세요.
pane-room = 방
pane-shared-room = 1인실이 아닐 수 있습니다. 자세한 내용은 시설에 확인해 주세요.
pane-message = 메시지
pane-notes = 비고
pane-none = 없음
pane-window-label = 이용 기간
pane-window-text = { $from }~{ $to } ({ $id })
pane-detail-keys = 위아래: 스크롤  Esc: 목록으로

## Phone hours

pane-hours-none = 전화 접수 시간 없음
pane-hours-daily = 매일
pane-hours-day-run = { $from }~{ $to }
pane-hours-day-sep = {", "}
pane-hours-time-range = { $from }~{ $to }
pane-hours-time-sep = {", "}
pane-hours-group = { $days } { $times }
pane-hours-group-sep = {"; "}
pane-hours-except = { $hours } ({ $list } 제외)
pane-hours-except-sep = {", "}
pane-hours-holidays = 공휴일
pane-hours-nth-weekday = 매월 { $n ->
    [1] 첫째
    [2] 둘째
    [3] 셋째
    [4] 넷째
   *[other] { $n }번째
} { $weekday ->
    [mon] 월요일
    [tue] 화요일
    [wed] 수요일
    [thu] 목요일
    [fri] 금요일
    [sat] 토요일
   *[sun] 일요일
}
pane-hours-month-day = { $month }/{ $day }
pane-hours-date-range = { $from }~{ $to }

## The quota

pane-quota-title = 이용 현황
pane-no-resident-quota = 이용자를 선택하지 않았습니다 (u: 선택, n: 예약)
pane-col-limit = 상한
pane-col-used = 이용
pane-col-left = 남음
# The column is ten cells wide: the glossary's 기한 후 취소 without its spaces.
pane-col-late = 기한후취소
pane-units-short = { $n }{ $unit ->
    [day] 일
   *[visit] 회
}
pane-no-selection = 선택 중인 예약이 없습니다
pane-selection-refused = 선택한 날짜는 예약할 수 없습니다:
pane-selection = 선택 중: { $care } { $dates }
pane-upcoming = 예약 중 (+):
pane-fee-base = 기본 { $units } x { $amount }엔
pane-fee-extra = 다태아 가산 +{ $babies }명 { $units } x { $amount }엔
pane-fee-exempt = 이용료 면제
pane-fee-total = 합계
pane-resident-born = 출생 { $date }
pane-resident-babies = 아기 { $n }명
pane-resident-corrected = 수정 월령
pane-resident-exempt = 면제

## The guide

pane-care-detail = 상한 { $limit }{ $multiples ->
    [yes] {" "}(다태아는 { $more })
   *[no] {""}
}, 다태아는 1명당 +{ $extra }{ $meals ->
    [yes] , 식사 포함
   *[no] {""}
}
pane-exemption = 다음 세대는 이용료가 0엔입니다: { $households }.
pane-households-sep = {", "}
pane-application = 임신 { $weeks }주부터 신청할 수 있습니다. 쿠폰 발행까지 약 { $days }영업일이 걸립니다.
pane-guide-bring = 준비물
