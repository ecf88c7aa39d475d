//! What must hold in any store, whatever wrote to it, checked on either engine (`sango store
//! check`): no mother is over a limit of the programme, no two of her active bookings share a
//! day, and the audit trail replays to exactly the rows of the tables.

use super::Store;
use super::error::StoreError;
use crate::dataset::Programme;
use crate::domain::care::CareType;

/// At most this many problems of each kind are named.
const SHOWN: usize = 5;

impl Store {
    /// Every broken invariant, in words (empty when the store is sound).
    pub fn broken_invariants(&self, programme: &Programme) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        let tx = self.read()?;
        let map = |e| self.err(e);

        // Her units of each type: booked ones and the charges of late cancellations and
        // no-shows, against her limit (more for multiples where the programme gives more).
        let mut over = Vec::new();
        tx.query_each(
            "SELECT b.resident, b.care,
                    COALESCE(SUM(CASE WHEN b.status = 'booked' THEN b.units
                                      WHEN b.status IN ('cancelled_late', 'no_show')
                                      THEN b.units_charged ELSE 0 END), 0),
                    MIN(r.babies)
             FROM bookings b JOIN residents r ON r.id = b.resident
             GROUP BY b.resident, b.care ORDER BY b.resident, b.care",
            crate::params![],
            |r| {
                let (resident, care, used, babies): (String, String, i64, i64) =
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
                let Ok(care) = care.parse::<CareType>() else { return Ok(()) };
                let Some(rule) = programme.care_rule(care) else { return Ok(()) };
                let limit = rule.limit_for(u32::try_from(babies).unwrap_or(1));
                if used > i64::from(limit) {
                    over.push(format!("resident {resident}: {used} {care} units of {limit}"));
                }
                Ok::<(), super::db::DbError>(())
            },
        )
        .map_err(map)?;
        if !over.is_empty() {
            out.push(format!("over a limit (利用上限超過): {}", shown(&over)));
        }

        let overlaps: Vec<(String, String, String)> = tx
            .query_map(
                "SELECT a.resident, a.id, b.id FROM bookings a JOIN bookings b
                   ON a.resident = b.resident AND a.id < b.id
                  AND a.status = 'booked' AND b.status = 'booked'
                  AND a.first_day <= b.last_day AND b.first_day <= a.last_day
                 ORDER BY a.resident, a.id, b.id",
                crate::params![],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(map)?;
        if !overlaps.is_empty() {
            let named: Vec<String> =
                overlaps.iter().map(|(r, a, b)| format!("resident {r}: {a} and {b}")).collect();
            out.push(format!("two bookings on one day (予約の重複): {}", shown(&named)));
        }
        tx.commit().map_err(map)?;

        if let Err(detail) = self.verify_events()? {
            out.push(format!(
                "the audit trail does not match the tables (監査記録の不一致): {detail}"
            ));
        }
        Ok(out)
    }
}

fn shown(items: &[String]) -> String {
    let mut s = items.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("; ");
    if items.len() > SHOWN {
        s.push_str(&format!("; and {} more", items.len() - SHOWN));
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::dataset::load_embedded;
    use crate::domain::care::{CareType, Length};
    use crate::domain::jst::{parse_date, parse_moment};
    use crate::store::{BookingRequest, ResidentInput, Store};

    #[test]
    fn a_sound_store_breaks_nothing_and_a_tampered_one_is_named() {
        let ds = load_embedded().unwrap();
        let s = Store::open_in_memory().unwrap();
        let at = parse_moment("2026-01-05T09:00").unwrap();
        s.add_resident(&ResidentInput::new("R1", parse_date("2026-01-01").unwrap()), at, "t")
            .unwrap();
        let book = |start: &str| BookingRequest {
            resident: "R1".into(),
            facility: "mizuki-josanin".into(),
            care: CareType::Day,
            start: parse_date(start).unwrap(),
            length: Length::Days(3),
        };
        s.book(&ds, &book("2026-01-10"), at, "t").unwrap();
        assert_eq!(s.broken_invariants(&ds.programme).unwrap(), Vec::<String>::new());
        // Rows written around the program: a limit of 6 days overrun and two bookings on a
        // day, neither in the audit trail.
        let conn = s.lite().unwrap();
        for (id, first, last) in [
            ("01KB0000000000000000000001", "2026-01-11", "2026-01-13"),
            ("01KB0000000000000000000002", "2026-01-20", "2026-01-22"),
        ] {
            conn.execute(
                "INSERT INTO bookings (id, resident, facility, care, first_day, last_day, days,
                    units, fee_yen, status, units_charged, terminal, created_at, updated_at)
                 VALUES (?1, 'R1', 'mizuki-josanin', 'day', ?2, ?3, 3, 3, 0, 'booked', 0, 't',
                    '2026-01-05T09:00:00+09:00', '2026-01-05T09:00:00+09:00')",
                [id, first, last],
            )
            .unwrap();
        }
        let broken = s.broken_invariants(&ds.programme).unwrap();
        assert_eq!(broken.len(), 3, "{broken:?}");
        assert!(broken[0].contains("R1: 9 day units of 6"), "{broken:?}");
        assert!(broken[1].contains("01KB0000000000000000000001"), "{broken:?}");
        assert!(broken[2].contains("audit trail"), "{broken:?}");
    }
}
