//! The programme's rules as plain types and functions: no IO, no terminal, no clock.
//! Every function that depends on "now" takes it as an argument, in Japan time.

pub mod application;
pub mod booking;
pub mod booking_code;
pub mod business_days;
pub mod cancel;
pub mod care;
pub mod fees;
pub mod holidays;
pub mod hours;
pub mod jst;
pub mod limits;
pub mod period;
pub mod resident_change;
pub mod user_number;
pub mod ward_code;
