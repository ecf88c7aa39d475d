//! Application (事前申請): opens at 28 weeks 0 days of pregnancy; approval and the coupon take about
//! 10 business days (weekdays that are not public holidays and not 12/29–1/3).
//! PLACEHOLDER: signatures only; the holidays helper replaces the bodies.

use chrono::NaiveDate;

/// Weeks of pregnancy at which application opens.
pub const OPENS_AT_WEEKS: u32 = 28;
/// Business days from application to the coupon.
pub const COUPON_BUSINESS_DAYS: u32 = 10;

/// The first day to apply for a due date D (= 40w0d): D − 84 days.
pub fn first_application_day(due: NaiveDate) -> Option<NaiveDate> {
    let _ = due;
    None
}

/// True for a weekday that is not a public holiday and not in the 12/29–1/3 break.
pub fn is_business_day(date: NaiveDate) -> bool {
    let _ = date;
    false
}

/// The day the coupon is expected: `n` business days after the application day.
pub fn expected_coupon_day(applied: NaiveDate, n: u32) -> Option<NaiveDate> {
    let _ = (applied, n);
    None
}
