# 예약 절차, 예약 용어, 규칙의 거절 이유: 한국어. Same ids and variables as ja/wizard.ftl.

## The wizard's frame

wizard-title = 예약
wizard-step = { $step ->
    [resident] 이용자
    [screening] 건강 상태
    [care] 종류
    [facility] 시설
    [dates] 일정
   *[confirm] 확인
}
wizard-step-hint = { $step ->
    [resident] Tab・위아래: 항목  F2 검색/신규
    [screening] y 예  n 아니오
    [care] 위아래로 선택
    [facility] 위아래로 선택
    [dates] 화살표: 날짜  + -: 기간
   *[confirm] y로도 예약할 수 있습니다
}
wizard-back = 돌아가기
wizard-leave = 중단
wizard-next = 다음
wizard-book = 예약하기
wizard-close = 닫기
wizard-shorter = 짧게
wizard-longer = 길게
wizard-recording = 기록 중
wizard-booking-working = 예약을 기록하고 있습니다. 잠시 기다려 주세요.

## Step 2: the screening

wizard-screening-intro = 다음과 같은 상태에서는 산후 케어를 이용할 수 없습니다. 각 질문에 답해 주세요.
wizard-screening-stop = 이 상태에서는 산후 케어를 이용할 수 없습니다. 먼저 의료 기관과 상담해 주세요. 궁금한 점은 다음 창구에 문의해 주세요. Esc로 답을 고칠 수 있습니다.
wizard-screening-keys = y 예  n 아니오  위아래로 질문 선택  모두 "아니오"이면 Enter로 다음
wizard-answer-all = 모든 질문에 답해 주세요.
wizard-yes = 예
wizard-no = 아니오

## Step 3: the care type

wizard-care-intro = 이용할 종류를 선택해 주세요 (요금은 엄마와 아기 1명 기준).
wizard-none-left-short = 남은 횟수 없음
wizard-too-few-left-short = { $left } 남음 (최소 { $shortest }) 선택 불가
wizard-too-few-left = { $care }은(는) { $left }만 남아 선택할 수 없습니다 (최소 { $shortest } 필요)
wizard-none-left = { $care }은(는) 이용 한도에 도달했습니다.

## Step 4: the facility

wizard-facility-intro = 이 종류를 이용할 수 있고 이용 기간이 남아 있는 시설입니다.
wizard-no-facility = 이용 기간이 남아 있는 시설이 없습니다.

## Step 5: the dates

wizard-length-keys = { $care ->
    [stay] + - 로 박 수 변경
    [day] + - 로 일 수 변경
   *[visit] 방문은 1회씩 예약합니다
}
wizard-visit-is-one = 방문은 1회씩 예약합니다
wizard-longest-reached = { $left }만 남아 더 길게 할 수 없습니다
wizard-check-ok = 예약할 수 있습니다
wizard-check-refused = 이 일정은 예약할 수 없습니다
wizard-dates-keys = 화살표・hjkl 날짜, [ ] 월, + - 기간, Enter 확인으로. 클릭으로도 선택할 수 있습니다.

## Step 6: the confirmation, and the booking made

wizard-booked-title = 구청 기록에 등록했습니다
wizard-booked-flash = 구청 기록에 등록했습니다. 시설에도 꼭 신청해 주세요.
wizard-label-resident = 이용자
wizard-label-facility = 시설
wizard-label-care = 종류
wizard-label-dates = 일정
wizard-what-to-bring = 준비물

## A booking's words

booking-per-unit = /{ $unit ->
    [day] 일
   *[visit] 회
}
booking-left-of = 남음 { $left }{ $unit ->
    [day] 일
   *[visit] 회
} / 한도 { $limit }
booking-window = 이용 기간 { $range }
booking-days-left = { $n }일 남음
booking-length-line = 기간: { $length }
booking-plan-dates = { $kind ->
    [one-day] { $first } { $length }
   *[days] { $first } ~ { $last } { $length }
}
booking-cancel-already-late = 취소 기한({ $date } { $time })이 지난 후의 예약이므로, 취소는 모두 기한 후 취소({ $units } 이용으로 간주)가 됩니다.
booking-cancel-by = 취소는 { $date } { $time } 전에 해 주세요 (시설에도 전화). 그 이후의 취소는 { $units } 이용한 것으로 봅니다.
booking-last-call = 시설 전화는 { $date } { $time }까지입니다 (그 이후 기한까지는 접수 시간 외).
booking-code = 예약 번호 { $code }
booking-number = 예약 번호 { $id }
booking-records-with-ward = "예약하기"를 누르면 구청 기록에 등록됩니다. 시설에는 따로 신청해야 합니다 ({ $channels }).
booking-recorded-next-step = 구청 기록에 등록했습니다. 다음으로 시설에 { $channels }(으)로 이용을 신청해 주세요 (직원이 이미 신청한 경우는 필요 없습니다).

## Why the rules refuse a booking

refusal-not-offered = 이 시설에서는 { $care } 케어를 이용할 수 없습니다.
refusal-no-period = 이 시설에는 { $care } 케어의 이용 기간이 없습니다.
refusal-period-out-of-range = 이 출생일로는 이용 기간을 계산할 수 없습니다.
refusal-in-past = { $start }은(는) 지난 날짜입니다 (오늘은 { $today }).
refusal-before-window = { $start }은(는) 이용 기간 시작일({ $first })보다 앞입니다.
refusal-after-window = 마지막 날 { $end }이(가) 이용 기간 종료일({ $last })을 넘습니다.
refusal-over-limit = 이용 한도를 넘습니다: { $requested } 필요, 남은 { $remaining }{ $unit ->
    [day] 일
   *[visit] 회
} (한도 { $limit }).
refusal-no-baby = 아기 인원수가 필요합니다.
refusal-overlaps = { $first }~{ $last } 예약과 겹칩니다 (하루에 1건까지).
