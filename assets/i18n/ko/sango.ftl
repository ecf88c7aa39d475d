# sango: 한국어. Same ids and variables as ja/sango.ftl; terms from glossary.toml.

## The language

language-name = 한국어
language-label = 언어
authoritative-note = 일본어 내용이 정식 내용입니다.

## Numbers and dates

yen = { $amount }엔
weekday = { $wd ->
    [mon] 월
    [tue] 화
    [wed] 수
    [thu] 목
    [fri] 금
    [sat] 토
   *[sun] 일
}
date-long = { $year }년 { $month }월 { $day }일 ({ $weekday })
date-short = { $month }/{ $day } ({ $weekday })

## Care types and units

care-stay = 숙박형 케어
care-day = 당일형 케어
care-visit = 방문형 케어
care-stay-short = 숙박
care-day-short = 당일
care-visit-short = 방문
units-long = { $n }{ $unit ->
    [day] 일
   *[visit] 회
}
fee-per-unit = { $fee }/{ $unit ->
    [day] 일
   *[visit] 회
}
units-or = {" / "}

## The kiosk: top and bottom lines

start-over = 처음으로
help-hint = ?:도움말
journey-guide = 안내
journey-identify = 본인 확인
journey-book = 예약・확인
status-keys-public = i:본인 확인  g:안내  /:시설 검색
status-keys-identified = n:예약하기  b:내 예약  g:안내
not-identified = 본인 확인 전
identified-as = 이용자 번호 { $id }
window-hint = 본인 확인(i)을 하면 이용 기간이 표시됩니다

## The kiosk: what happened

kiosk-system-error = 지금은 처리할 수 없습니다. 직원에게 문의해 주세요.
kiosk-refused = 이 단말기에서는 할 수 없습니다.
kiosk-timed-out = 한동안 사용하지 않아 처음 화면으로 돌아왔습니다.
kiosk-started-over = 처음 화면으로 돌아왔습니다.
kiosk-identify-first = 예약이나 예약 확인 전에 본인 확인을 해 주세요.
kiosk-already-identified = 이미 본인 확인이 되었습니다. 다른 분은 F5로 처음부터 시작하세요.
kiosk-welcome-back = 본인 확인이 되었습니다(이용자 번호 { $id }). n: 예약, b: 예약 확인.

## The kiosk: identification

identify-title = 본인 확인
identify-intro =
    예약이나 예약 확인을 하려면 본인 확인이 필요합니다.
    이용자 번호와 아기의 생년월일을 입력해 주세요.
identify-number = 이용자 번호
identify-birth = 아기의 생년월일
identify-birth-example = 예 2026-10-01
identify-button = 확인
identify-keys = 위아래・Tab: 입력란 이동  Enter: 확인  Esc: 돌아가기
identify-bad-date = 생년월일은 2026-10-01 처럼 입력해 주세요.
identify-failed = 이용자 번호 또는 아기의 생년월일을 확인할 수 없습니다. 다시 입력해 주세요.
identify-incomplete = 이용자 번호와 아기의 생년월일을 입력해 주세요.
identify-locked = 확인되지 않은 입력이 계속되어 본인 확인을 잠시 멈췄습니다. { $secs }초 기다려 주세요.
identify-tries-left = 남은 횟수: { $left }회 (그 후에는 { $secs }초 기다려야 합니다).
identify-unlocked = 이제 다시 입력할 수 있습니다.
identify-offline = 지금은 구청 서버에 연결할 수 없어 본인 확인을 할 수 없습니다. 직원이 도와드립니다. 시설 안내는 계속 볼 수 있습니다.
identify-paused = 확인되지 않은 입력이 계속되어 본인 확인을 잠시 중지합니다. 나중에 다시 시도하시거나 직원에게 문의해 주세요.
kiosk-offline = 지금은 구청 서버에 연결할 수 없어 이 작업을 할 수 없습니다. 직원이 도와드립니다.
kiosk-request-title = 임시 예약 (직원이 확인합니다)
kiosk-request-kept = 임시 예약(仮予約)으로 접수했습니다. 구청 서버에 연결할 수 없어 예약은 아직 확정되지 않았습니다. 직원이 확인 후 연락드립니다.
back = 돌아가기

## The kiosk: staff PIN and the idle countdown

pin-title = 직원 전용: 종료
pin-body = 종료하려면 직원 PIN을 입력하세요. 이용자는 Esc를 눌러 돌아가세요.
pin-label = 직원 PIN
pin-wrong = PIN이 틀렸습니다.
pin-locked = PIN 입력을 잠시 멈췄습니다. { $secs }초 기다려 주세요.
pin-unavailable = PIN을 확인할 수 없습니다. 관리자에게 연락하세요.
pin-leave = 종료
countdown-title = 시간이 더 필요하신가요?
countdown = 계속하려면 아무 키나 누르거나 화면을 클릭하세요. 사용하지 않으면 { $secs }초 후 처음 화면으로 돌아가고 입력한 내용은 지워집니다.
countdown-more = 계속 사용

## The kiosk: every key (the help box)

keys-arrows = 화살표
key-start-over = 처음 화면으로 (입력한 내용은 지워집니다)
key-identify = 본인 확인 (이용자 번호와 아기의 생년월일)
key-book = 예약하기 (본인 확인 후)
key-bookings = 내 예약 확인・취소 (본인 확인 후)
key-guide = 안내 (요금・규칙・문의처)
key-find = 시설 검색
key-filter = 종류로 좁히기
key-arrows = 선택・이동
key-pane = 다음 영역
key-enter = 결정
key-esc = 돌아가기
key-yes-no = 예 / 아니오
key-language = 언어 바꾸기
key-help = 이 도움말

## The guide (kiosk pane and the g screen)

guide-title = 안내
guide-identify = 예약이나 예약 확인은 본인 확인(i) 후에 할 수 있습니다.
guide-more = 요금・규칙・문의처 자세한 안내는 g
guide-fees = 종류・상한・이용료
guide-exemption = 이용료 면제
guide-cancel = 취소
guide-application = 신청
guide-not-usable = 이용할 수 없는 경우
guide-notes = 기타 주의 사항
guide-contacts = 문의・접수 창구
guide-keys = 위아래・PgUp PgDn 스크롤  Esc 돌아가기

## The cancellation rule, made from the programme's values

cancel-when = { $kind ->
    [same-day] 당일
    [day-before] 전날
    [days-before] { $days }일 전
    [business-day-before] 전 영업일
   *[business-days-before] { $days }영업일 전
}
cancel-business-days = (영업일: 토・일・공휴일・12/29~1/3 제외)
cancel-rule = { $when } { $time } 전에 취소하면 이용 횟수가 줄지 않습니다{ $business }. { $same ->
    [yes] 그 이후의 취소(기한 후 취소)나 연락 없는 불참은 { $late }
   *[no] 그 이후의 취소(기한 후 취소)는 { $late }, 연락 없는 불참은 { $noshow }
}만큼 이용한 것으로 봅니다. 시설에도 반드시 전화해 주세요.

## The calendar pane

# The weekday in one or two cells, over the calendar's columns.
weekday-narrow = { $wd ->
    [mon] 월
    [tue] 화
    [wed] 수
    [thu] 목
    [fri] 금
    [sat] 토
   *[sun] 일
}
calendar-title = 달력
calendar-month = { $year }년 { $month }월
calendar-today = 오늘
calendar-holiday = 공휴일
calendar-booked = 예약
calendar-window-no-resident = 본인 확인 후 이용 기간이 표시됩니다
calendar-window-none = 이 시설과 유형의 이용 기간이 없습니다
calendar-window = 이용 기간 { $from }~{ $to }
calendar-legend = []선택 ()오늘 *공휴일 +예약 #선택 중

## Words every screen shares (src/tui/words.rs)

care-mark = { $care ->
    [stay] 숙
    [day] 당
   *[visit] 방
}
channel = { $channel ->
    [phone] 전화
    [web] WEB
    [line] LINE
   *[email] 이메일
}
list-sep = {" / "}
channels-only = { $names }만
line-open = 접수 중
line-open-until = 접수 중 { $time }까지
line-closed = 접수 시간 외
line-closed-opens = 시간 외, { $time }부터
when-weekday = { $weekday } { $time }
when-date = { $date } { $time }
month-day = { $month }/{ $day }
date-numeric = { $year }/{ $month }/{ $day }
day-range = { $from }~{ $to }
period-short = { $kind ->
    [days-through] 산후 { $n }일까지
    [days-before] 산후 { $n }일 미만
    [months-through] 산후 { $n }개월 0일까지
    [months-before] 산후 { $n }개월 미만
   *[years-within] 산후 { $n }년 이내
}
period-long = { $kind ->
    [days-through] 출산 후 { $n }일까지
    [days-before] 출산 후 { $n }일 미만
    [months-through] 출산 후 { $n }개월 0일까지
    [months-before] 출산 후 { $n }개월 미만
   *[years-within] 출산 후 { $n }년 이내
}
status = { $status ->
    [booked] 예약됨
    [cancelled] 취소
    [cancelled_late] 취소(기한 후)
    [no_show] 연락 없는 불참
   *[used] 이용함
}
length = { $kind ->
    [nights] { $n }박 { $days }일
    [days] { $n }일
   *[visit] 1회
}
contact-name = { $name } { $section }

## The store at work (every screen, the kiosk too)

connecting = 연결 중
reconnecting = 다시 연결 중
store-working = 저장 중입니다. 잠시 기다려 주세요.
recording = 기록 중
booking-working = 예약을 기록하고 있습니다. 잠시 기다려 주세요.
not-confirmed = 연결이 끊겨 기록되었는지 확인할 수 없습니다. 예약 목록을 확인해 주세요.
store-damaged = 데이터베이스 손상이 발견되어 예약과 변경을 멈췄습니다. `sango store repair`를 실행하세요.

## Large text (the welcome screen)

text-size-label = 글자 크기
text-size-standard = 보통
text-size-large = 크게
key-large-text = 큰 글자(한 번에 한 창)
