//! The rules of a kiosk session, as a pure state machine: no IO, no clock.
//!
//! # Time
//! Every method takes `now` as a [`Millis`]: milliseconds on a monotonic counter that starts
//! anywhere (the terminal app passes `start.elapsed().as_millis() as u64` of one
//! `std::time::Instant` taken at startup). Only differences between two `now`s matter, so wall
//! clock changes (NTP, daylight saving, a clerk fixing the date) never shorten a lockout or an
//! idle timeout. A `now` earlier than a previous one counts as no time passed.
//!
//! # Identification
//! A mother identifies with her user number (利用者番号) and her baby's birth date; both must
//! match one registered resident. The answer never says which of the two was wrong
//! ([`IdentifyResult::Failed`] carries only the tries left; the screens name it).
//! - [`MAX_FAILURES`] (5) failed tries in a row lock identification for [`LOCKOUT_MS`] (60 s);
//!   during the lockout a try is refused without looking anything up.
//! - When the lockout ends, the count starts again from 0; a success also resets it.
//! - A failure streak is forgotten after [`LOCKOUT_MS`] with no failure, so the next mother does
//!   not inherit her predecessor's typos, and guessing never goes faster than the lockout allows
//!   (at most 4 tries per 60 s either way).
//! - An empty user number is not a try (nothing is counted).
//! - User numbers are normalised first, as everywhere ([`crate::domain::user_number`]): spaces
//!   around dropped, full-width letters, digits and dashes (from a Japanese input method) made
//!   ASCII, letters in capitals, so `ｒ－０００１` does not use up a try.
//! - The same rule is available alone as [`Lockout`]; the staff PIN asked to leave the kiosk uses
//!   [`Lockout::growing`], whose lockouts double up to an hour.
//!
//! # Idle timeout
//! Any key or click is [`KioskTerminal::touch`]. In the last [`COUNTDOWN_SECS`] (20 s) before
//! the timeout, [`KioskTerminal::idle_countdown`] gives the seconds left to show; at the timeout,
//! [`KioskTerminal::expired`] is true and [`KioskTerminal::expire_if_idle`] tells the terminal
//! app to forget the person (a new session: who identified, every screen's data) and show the
//! welcome screen. A timeout does not lift a lockout: the lockout and the idle clock belong to
//! the terminal ([`KioskTerminal`]), who identified to the person's session.

use chrono::NaiveDate;

/// Milliseconds on a monotonic counter (see the module documentation).
pub type Millis = u64;

/// Failed tries in a row that lock identification.
pub const MAX_FAILURES: u32 = 5;
/// How long identification stays locked, and how long a failure streak is remembered.
pub const LOCKOUT_MS: Millis = 60_000;
/// The idle countdown is shown in the last this many seconds.
pub const COUNTDOWN_SECS: u32 = 20;

/// The mother who identified on this terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identified {
    /// Her user number (利用者番号), normalised.
    pub user_number: String,
    /// Her baby's birth date, as registered.
    pub baby_birth: NaiveDate,
}

/// The answer to an identification try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifyResult {
    /// Both values match a registered resident; she is identified.
    Identified,
    /// No match. Never says which value was wrong. `tries_left` before a lockout.
    Failed { tries_left: u32 },
    /// This failure was the last allowed: identification is locked for `remaining_secs`.
    LockedOut { remaining_secs: u32 },
    /// Identification is locked: the try was refused without being checked.
    StillLocked { remaining_secs: u32 },
    /// No user number was entered: not counted as a try.
    Incomplete,
}

/// Drops spaces around `s` and turns full-width ASCII (Ｕ１２３, －) into ASCII.
pub fn normalize_entry(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace())
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Reads a birth date as typed: `2026-01-15`, `2026/1/15`, `2026.1.15` or `20260115`, full-width
/// digits allowed.
pub fn parse_birth_date(s: &str) -> Option<NaiveDate> {
    let s = normalize_entry(s);
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(&s, "%Y%m%d").ok();
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let [y, m, d] = parts[..] else {
        return None;
    };
    let digits = |p: &str, max: usize| {
        !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
    };
    if y.len() != 4 || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The longest user number (利用者番号).
pub const USER_NUMBER_MAX: usize = 32;
/// The longest birth date as typed (`2026-01-15`, full-width digits count one each).
pub const BIRTH_DATE_MAX: usize = 10;

/// Whether `s` can be a user number at all (1-32 ASCII letters, digits, `-`, `_`).
pub fn plausible_user_number(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= USER_NUMBER_MAX
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn ceil_secs(ms: Millis) -> u32 {
    u32::try_from(ms.div_ceil(1000)).unwrap_or(u32::MAX)
}

/// A run of failed tries and the lockout it causes: [`MAX_FAILURES`] failures in a row lock; a
/// success or the end of the lockout starts the count again.
///
/// Two kinds:
/// - [`Lockout::fixed`] (identification, the default): every lockout lasts [`LOCKOUT_MS`], and a
///   streak is forgotten after [`LOCKOUT_MS`] without a failure, so the next mother does not
///   inherit her predecessor's typos.
/// - [`Lockout::growing`] (the staff PIN asked to leave the kiosk): the first lockout lasts
///   [`LOCKOUT_MS`], each next one twice the one before, at most [`MAX_LOCKOUT_MS`] (60 s, 120 s,
///   240 s, ... 1 hour). A streak is never forgotten with time (else a patient guesser, four
///   tries a minute, would never be locked at all), and the growth starts again only after the
///   right PIN: nobody but staff can make the next lockout short again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lockout {
    failures: u32,
    last_failure: Millis,
    locked_until: Option<Millis>,
    growing: bool,
    /// Lockouts since the last success (a growing lockout's next length).
    lockouts: u32,
}

/// The longest a growing lockout lasts.
pub const MAX_LOCKOUT_MS: Millis = 3_600_000;

/// What a failure led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Tries left before a lockout.
    TriesLeft(u32),
    /// Locked now for this many seconds.
    Locked(u32),
}

impl Lockout {
    /// Every lockout [`LOCKOUT_MS`]; a streak forgotten after as long without a failure.
    pub fn fixed() -> Lockout {
        Lockout::default()
    }

    /// Each lockout twice the last, up to [`MAX_LOCKOUT_MS`], until a success.
    pub fn growing() -> Lockout {
        Lockout { growing: true, ..Lockout::default() }
    }

    /// How long the next lockout lasts.
    fn next_length(&self) -> Millis {
        if !self.growing {
            return LOCKOUT_MS;
        }
        LOCKOUT_MS.saturating_mul(1 << self.lockouts.min(16)).min(MAX_LOCKOUT_MS)
    }

    /// Seconds until unlocked (rounded up), `None` when not locked. Check before every try: a
    /// try while locked must be refused without being checked.
    pub fn remaining(&self, now: Millis) -> Option<u32> {
        self.remaining_ms(now).map(ceil_secs)
    }

    /// Milliseconds until unlocked, `None` when not locked (for a caller that wakes up when the
    /// countdown's number changes).
    pub fn remaining_ms(&self, now: Millis) -> Option<Millis> {
        let until = self.locked_until?;
        (now < until).then(|| until - now)
    }

    /// Failed tries that count towards the next lockout at `now`.
    pub fn failures(&self, now: Millis) -> u32 {
        let forgotten = !self.growing && now.saturating_sub(self.last_failure) >= LOCKOUT_MS;
        if self.locked_until.is_some_and(|until| now >= until) || forgotten {
            0
        } else {
            self.failures
        }
    }

    /// Records a failed try at `now`.
    pub fn fail(&mut self, now: Millis) -> AfterFailure {
        self.failures = self.failures(now) + 1;
        self.locked_until = None;
        self.last_failure = now;
        if self.failures >= MAX_FAILURES {
            let length = self.next_length();
            self.failures = 0;
            self.lockouts = self.lockouts.saturating_add(1);
            self.locked_until = Some(now + length);
            return AfterFailure::Locked(ceil_secs(length));
        }
        AfterFailure::TriesLeft(MAX_FAILURES - self.failures)
    }

    /// Records a successful try: the count, and a growing lockout's length, start again.
    pub fn succeed(&mut self) {
        self.failures = 0;
        self.lockouts = 0;
    }
}

/// What a kiosk terminal keeps from one person to the next: the idle clock and the
/// identification lockout. Who is identified belongs to the person's session (the terminal app
/// keeps it there and starts a new session for the next person); [`KioskTerminal::identify`]
/// sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskTerminal {
    idle_timeout_ms: Millis,
    last_activity: Millis,
    lockout: Lockout,
}

impl KioskTerminal {
    /// A terminal at `now`, timing out after `idle_timeout_secs` without activity (the config's
    /// `idle_timeout_secs`, already at least 30).
    pub fn new(idle_timeout_secs: u32, now: Millis) -> KioskTerminal {
        KioskTerminal {
            idle_timeout_ms: Millis::from(idle_timeout_secs) * 1000,
            last_activity: now,
            lockout: Lockout::fixed(),
        }
    }

    /// The idle timeout in seconds.
    pub fn idle_timeout_secs(&self) -> u32 {
        ceil_secs(self.idle_timeout_ms)
    }

    /// Records activity (a key, a click) at `now`: the idle timer starts again.
    pub fn touch(&mut self, now: Millis) {
        self.last_activity = self.last_activity.max(now);
    }

    /// Milliseconds until the idle timeout (0 once expired).
    pub fn idle_remaining_ms(&self, now: Millis) -> Millis {
        let idle = now.saturating_sub(self.last_activity);
        self.idle_timeout_ms.saturating_sub(idle)
    }

    /// The seconds to show in the last [`COUNTDOWN_SECS`] before the timeout (rounded up: 20 at
    /// exactly 20 s left, 1 in the last second); `None` before that and once expired.
    pub fn idle_countdown(&self, now: Millis) -> Option<u32> {
        let left = self.idle_remaining_ms(now);
        (left > 0 && left <= Millis::from(COUNTDOWN_SECS) * 1000).then(|| ceil_secs(left))
    }

    /// Whether the idle timeout has passed.
    pub fn expired(&self, now: Millis) -> bool {
        self.idle_remaining_ms(now) == 0
    }

    /// If the idle timeout has passed, starts a fresh idle period and returns true: the caller
    /// then forgets the person (a new session, the welcome screen). A lockout in progress stays.
    pub fn expire_if_idle(&mut self, now: Millis) -> bool {
        if !self.expired(now) {
            return false;
        }
        self.last_activity = self.last_activity.max(now);
        true
    }

    /// Seconds until identification is unlocked (rounded up), `None` when not locked.
    pub fn remaining_lockout(&self, now: Millis) -> Option<u32> {
        self.lockout.remaining(now)
    }

    /// Milliseconds until identification is unlocked, `None` when not locked.
    pub fn remaining_lockout_ms(&self, now: Millis) -> Option<Millis> {
        self.lockout.remaining_ms(now)
    }

    /// Failed tries that count towards the next lockout at `now`.
    pub fn failures(&self, now: Millis) -> u32 {
        self.lockout.failures(now)
    }

    /// Tries the user number and baby's birth date a mother entered; `who` is her session's
    /// identified mother, set on success and cleared by any try that is checked. `lookup` gives
    /// the registered baby's birth date of a user number (the store's resident), or `None` if
    /// the number is not registered; it is not called while identification is locked or for an
    /// entry that cannot be a user number. Any try counts as activity.
    pub fn identify(
        &mut self,
        who: &mut Option<Identified>,
        entered_id: &str,
        entered_birth: NaiveDate,
        lookup: impl Fn(&str) -> Option<NaiveDate>,
        now: Millis,
    ) -> IdentifyResult {
        self.touch(now);
        if let Some(remaining_secs) = self.remaining_lockout(now) {
            return IdentifyResult::StillLocked { remaining_secs };
        }
        *who = None;
        let id = crate::domain::user_number::normalize(entered_id);
        if id.is_empty() {
            return IdentifyResult::Incomplete;
        }
        let matches = plausible_user_number(&id) && lookup(&id) == Some(entered_birth);
        if matches {
            self.lockout.succeed();
            *who = Some(Identified { user_number: id, baby_birth: entered_birth });
            return IdentifyResult::Identified;
        }
        match self.lockout.fail(now) {
            AfterFailure::TriesLeft(tries_left) => IdentifyResult::Failed { tries_left },
            AfterFailure::Locked(remaining_secs) => IdentifyResult::LockedOut { remaining_secs },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    const S: Millis = 1000;

    /// A terminal and the session of the person at it, as the terminal app keeps them.
    struct KioskSession {
        terminal: KioskTerminal,
        who: Option<Identified>,
    }

    impl KioskSession {
        fn new(idle_timeout_secs: u32, now: Millis) -> KioskSession {
            KioskSession { terminal: KioskTerminal::new(idle_timeout_secs, now), who: None }
        }

        fn identify(
            &mut self,
            id: &str,
            birth: NaiveDate,
            lookup: impl Fn(&str) -> Option<NaiveDate>,
            now: Millis,
        ) -> IdentifyResult {
            self.terminal.identify(&mut self.who, id, birth, lookup, now)
        }

        fn identified(&self) -> Option<&Identified> {
            self.who.as_ref()
        }

        fn is_identified(&self) -> bool {
            self.who.is_some()
        }

        /// The next person: a new session, the terminal's clock and lockout kept.
        fn end_session(&mut self, now: Millis) {
            self.who = None;
            self.terminal.touch(now);
        }

        fn expire_if_idle(&mut self, now: Millis) -> bool {
            let expired = self.terminal.expire_if_idle(now);
            if expired {
                self.who = None;
            }
            expired
        }
    }

    impl std::ops::Deref for KioskSession {
        type Target = KioskTerminal;
        fn deref(&self) -> &KioskTerminal {
            &self.terminal
        }
    }

    impl std::ops::DerefMut for KioskSession {
        fn deref_mut(&mut self) -> &mut KioskTerminal {
            &mut self.terminal
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn registry(id: &str) -> Option<NaiveDate> {
        match id {
            "K0001" => Some(d("2026-01-15")),
            "K0002" => Some(d("2025-12-31")),
            _ => None,
        }
    }

    fn fail(k: &mut KioskSession, now: Millis) -> IdentifyResult {
        k.identify("K0001", d("2026-01-16"), registry, now)
    }

    #[test]
    fn both_values_must_match_the_same_resident() {
        let mut k = KioskSession::new(120, 0);
        assert_eq!(k.identify("K0001", d("2026-01-15"), registry, S), IdentifyResult::Identified);
        let who = k.identified().unwrap();
        assert_eq!(who.user_number, "K0001");
        assert_eq!(who.baby_birth, d("2026-01-15"));
        let mut k = KioskSession::new(120, 0);
        // Right number, wrong date; a date of another resident; an unknown number.
        for (id, birth) in
            [("K0001", "2026-01-14"), ("K0001", "2025-12-31"), ("K9999", "2026-01-15")]
        {
            assert!(matches!(k.identify(id, d(birth), registry, S), IdentifyResult::Failed { .. }));
            assert!(!k.is_identified());
        }
    }

    #[test]
    fn the_failure_says_nothing_of_which_value_was_wrong() {
        let mut k = KioskSession::new(120, 0);
        let wrong_date = k.identify("K0001", d("2026-01-14"), registry, S);
        let wrong_id = k.identify("K0003", d("2026-01-15"), registry, 2 * S);
        // The outcome carries the tries left and nothing else, so no screen can tell them apart.
        assert_eq!(wrong_date, IdentifyResult::Failed { tries_left: 4 });
        assert_eq!(wrong_id, IdentifyResult::Failed { tries_left: 3 });
    }

    #[test]
    fn the_fifth_failure_locks_for_sixty_seconds() {
        let mut k = KioskSession::new(120, 0);
        for (i, left) in [4, 3, 2, 1].into_iter().enumerate() {
            assert_eq!(fail(&mut k, i as Millis * S), IdentifyResult::Failed { tries_left: left });
            assert_eq!(k.remaining_lockout(i as Millis * S), None);
        }
        assert_eq!(fail(&mut k, 10 * S), IdentifyResult::LockedOut { remaining_secs: 60 });
        assert_eq!(k.remaining_lockout(10 * S), Some(60));
        assert_eq!(k.remaining_lockout(10 * S + 1), Some(60));
        assert_eq!(k.remaining_lockout(69 * S), Some(1));
        assert_eq!(k.remaining_lockout(70 * S - 1), Some(1));
        assert_eq!(k.remaining_lockout(70 * S), None);
    }

    #[test]
    fn a_try_during_the_lockout_is_refused_without_being_checked() {
        let mut k = KioskSession::new(120, 0);
        for i in 0..5 {
            fail(&mut k, i * S);
        }
        let asked = Cell::new(0);
        let counting = |id: &str| {
            asked.set(asked.get() + 1);
            registry(id)
        };
        // The right values, 30 s into the lockout: still refused.
        let r = k.identify("K0001", d("2026-01-15"), counting, 34 * S);
        assert_eq!(r, IdentifyResult::StillLocked { remaining_secs: 30 });
        assert_eq!(asked.get(), 0, "the store is not even asked");
        assert!(!k.is_identified());
        // A refused try does not extend the lockout.
        assert_eq!(k.remaining_lockout(34 * S), Some(30));
    }

    #[test]
    fn after_sixty_seconds_it_works_again_with_a_fresh_count() {
        let mut k = KioskSession::new(120, 0);
        for i in 0..5 {
            fail(&mut k, i * S);
        }
        let unlocked = 4 * S + LOCKOUT_MS;
        assert_eq!(k.failures(unlocked), 0);
        assert_eq!(
            k.identify("K0001", d("2026-01-15"), registry, unlocked),
            IdentifyResult::Identified
        );
        let mut k = KioskSession::new(120, 0);
        for i in 0..5 {
            fail(&mut k, i * S);
        }
        assert_eq!(fail(&mut k, unlocked), IdentifyResult::Failed { tries_left: 4 });
    }

    #[test]
    fn a_success_resets_the_count() {
        let mut k = KioskSession::new(120, 0);
        for i in 0..4 {
            fail(&mut k, i * S);
        }
        assert_eq!(k.failures(4 * S), 4);
        assert_eq!(
            k.identify("K0002", d("2025-12-31"), registry, 5 * S),
            IdentifyResult::Identified
        );
        assert_eq!(k.failures(5 * S), 0);
        k.end_session(6 * S);
        for i in 0..4 {
            assert!(matches!(fail(&mut k, (7 + i) * S), IdentifyResult::Failed { .. }));
        }
        assert_eq!(k.remaining_lockout(11 * S), None);
    }

    #[test]
    fn ending_the_session_does_not_reset_the_count() {
        let mut k = KioskSession::new(120, 0);
        for i in 0..4 {
            fail(&mut k, i * S);
        }
        k.end_session(5 * S);
        assert_eq!(fail(&mut k, 6 * S), IdentifyResult::LockedOut { remaining_secs: 60 });
    }

    #[test]
    fn a_failure_streak_is_forgotten_after_a_minute_without_failures() {
        let mut k = KioskSession::new(120, 0);
        for i in 0..4 {
            fail(&mut k, i * S);
        }
        assert_eq!(k.failures(3 * S + LOCKOUT_MS - 1), 4);
        assert_eq!(k.failures(3 * S + LOCKOUT_MS), 0);
        assert_eq!(fail(&mut k, 3 * S + LOCKOUT_MS), IdentifyResult::Failed { tries_left: 4 });
    }

    #[test]
    fn an_empty_number_is_not_a_try_and_entries_are_normalised() {
        let mut k = KioskSession::new(120, 0);
        assert_eq!(k.identify("  ", d("2026-01-15"), registry, S), IdentifyResult::Incomplete);
        assert_eq!(k.failures(S), 0);
        assert_eq!(
            k.identify("　Ｋ０００１ ", d("2026-01-15"), registry, S),
            IdentifyResult::Identified
        );
        assert_eq!(k.identified().unwrap().user_number, "K0001");
        // Lower case and a Japanese keyboard's dash are the same number, not a failed try.
        assert_eq!(
            k.identify("k0001", d("2026-01-15"), registry, 2 * S),
            IdentifyResult::Identified
        );
        assert_eq!(
            k.identify(
                "ｋ－0001",
                d("2026-01-15"),
                |id| (id == "K-0001").then(|| d("2026-01-15")),
                3 * S
            ),
            IdentifyResult::Identified
        );
        assert_eq!(k.failures(3 * S), 0);
    }

    #[test]
    fn an_entry_that_cannot_be_a_number_counts_without_a_lookup() {
        let mut k = KioskSession::new(120, 0);
        let asked = Cell::new(false);
        let r = k.identify(
            "K0001'; DROP",
            d("2026-01-15"),
            |id: &str| {
                asked.set(true);
                registry(id)
            },
            S,
        );
        assert_eq!(r, IdentifyResult::Failed { tries_left: 4 });
        assert!(!asked.get());
    }

    #[test]
    fn the_idle_countdown_shows_in_the_last_twenty_seconds() {
        let mut k = KioskSession::new(120, 0);
        assert_eq!(k.idle_countdown(0), None);
        assert_eq!(k.idle_countdown(100 * S - 1), None);
        assert_eq!(k.idle_countdown(100 * S), Some(20));
        assert_eq!(k.idle_countdown(100 * S + 1), Some(20));
        assert_eq!(k.idle_countdown(101 * S), Some(19));
        assert_eq!(k.idle_countdown(120 * S - 1), Some(1));
        assert!(!k.expired(120 * S - 1));
        assert_eq!(k.idle_countdown(120 * S), None);
        assert!(k.expired(120 * S));
        // Activity starts the timer again.
        k.touch(110 * S);
        assert_eq!(k.idle_countdown(120 * S), None);
        assert!(!k.expired(120 * S));
        assert_eq!(k.idle_countdown(210 * S), Some(20));
        assert!(k.expired(230 * S));
    }

    #[test]
    fn expiry_forgets_the_mother_but_not_the_lockout() {
        let mut k = KioskSession::new(30, 0);
        k.identify("K0001", d("2026-01-15"), registry, S);
        assert!(k.is_identified());
        assert!(!k.expire_if_idle(30 * S));
        assert!(k.is_identified());
        assert!(k.expire_if_idle(31 * S));
        assert!(!k.is_identified());
        assert!(!k.expired(31 * S), "a fresh idle period starts");
        for i in 0..5 {
            fail(&mut k, (40 + i) * S);
        }
        assert!(k.expire_if_idle(74 * S));
        assert_eq!(k.remaining_lockout(74 * S), Some(30));
    }

    #[test]
    fn tries_count_as_activity_and_time_never_runs_backwards() {
        let mut k = KioskSession::new(120, 0);
        fail(&mut k, 90 * S);
        assert_eq!(k.idle_countdown(200 * S), Some(10));
        k.touch(50 * S);
        assert_eq!(k.idle_remaining_ms(90 * S), 120 * S);
        assert_eq!(k.idle_remaining_ms(10 * S), 120 * S);
        assert_eq!(k.idle_timeout_secs(), 120);
    }

    #[test]
    fn the_lockout_alone_guards_the_staff_pin_prompt() {
        let mut pin = Lockout::default();
        for i in 0..4 {
            assert_eq!(pin.fail(i * S), AfterFailure::TriesLeft(4 - i as u32));
        }
        assert_eq!(pin.fail(4 * S), AfterFailure::Locked(60));
        assert_eq!(pin.remaining(5 * S), Some(59));
        assert_eq!(pin.remaining(64 * S), None);
        assert_eq!(pin.fail(64 * S), AfterFailure::TriesLeft(4));
        pin.succeed();
        assert_eq!(pin.failures(64 * S), 0);
    }

    /// Five wrong tries from `at`, one a second; the lockout they end in.
    fn five_wrong(pin: &mut Lockout, at: Millis) -> AfterFailure {
        (0..5).map(|i| pin.fail(at + i * S)).last().unwrap()
    }

    #[test]
    fn the_pin_lockout_doubles_from_a_minute_up_to_an_hour() {
        let mut pin = Lockout::growing();
        let mut at = 0;
        let mut seen = Vec::new();
        for _ in 0..9 {
            let AfterFailure::Locked(secs) = five_wrong(&mut pin, at) else { panic!("locked") };
            let locked_at = at + 4 * S;
            assert_eq!(pin.remaining(locked_at), Some(secs));
            assert_eq!(pin.remaining(locked_at + Millis::from(secs) * S), None);
            seen.push(secs);
            at = locked_at + Millis::from(secs) * S;
        }
        assert_eq!(seen, [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    }

    #[test]
    fn only_the_right_pin_makes_the_next_lockout_short_again() {
        let mut pin = Lockout::growing();
        five_wrong(&mut pin, 0);
        // A day later the growth is still there.
        let day = 86_400 * S;
        assert_eq!(five_wrong(&mut pin, day), AfterFailure::Locked(120));
        pin.succeed();
        assert_eq!(five_wrong(&mut pin, 2 * day), AfterFailure::Locked(60));
    }

    #[test]
    fn a_pin_streak_is_not_forgotten_with_time() {
        let mut pin = Lockout::growing();
        for i in 0..4 {
            assert_eq!(pin.fail(i * 3600 * S), AfterFailure::TriesLeft(4 - i as u32));
        }
        assert_eq!(pin.fail(5 * 3600 * S), AfterFailure::Locked(60));
        // Identification forgets a streak after a minute, and never grows.
        let mut id = Lockout::fixed();
        for i in 0..4 {
            id.fail(i * 60 * S);
        }
        assert_eq!(id.failures(4 * 60 * S), 0);
        assert_eq!(five_wrong(&mut id, 300 * S), AfterFailure::Locked(60));
        assert_eq!(five_wrong(&mut id, 400 * S), AfterFailure::Locked(60));
    }

    #[test]
    fn birth_dates_as_typed() {
        for s in [
            "2026-01-15",
            "2026/1/15",
            "2026.01.15",
            "20260115",
            "２０２６／１／１５",
            " 2026-1-15 ",
        ] {
            assert_eq!(parse_birth_date(s), Some(d("2026-01-15")), "{s}");
        }
        for s in ["", "2026-02-30", "26-1-15", "2026-1", "2026-001-15", "x", "2026/1/15/1"] {
            assert_eq!(parse_birth_date(s), None, "{s}");
        }
    }
}
