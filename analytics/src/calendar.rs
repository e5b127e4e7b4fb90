//! Calendar arithmetic for grouping submissions by week or month (UTC, proleptic
//! Gregorian calendar); pure integer arithmetic on days since 1970-01-01.

/// Milliseconds in a day.
pub(crate) const MS_PER_DAY: i64 = 86_400_000;

/// Days since 1970-01-01 (UTC) of a time in milliseconds since the epoch.
pub(crate) fn day_of(ms: i64) -> i32 {
    i32::try_from(ms.div_euclid(MS_PER_DAY)).unwrap_or(if ms < 0 { i32::MIN } else { i32::MAX })
}

/// The Monday of the ISO week holding `day` (1970-01-01 was a Thursday).
pub(crate) fn monday_of(day: i32) -> i32 {
    day - (i64::from(day) + 3).rem_euclid(7).try_into().unwrap_or(0)
}

/// Year and month of a day number (proleptic Gregorian calendar), after Howard Hinnant's
/// `civil_from_days` ("chrono-Compatible Low-Level Date Algorithms").
pub(crate) fn year_month(day: i32) -> (i32, u32) {
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (i32::try_from(year).unwrap_or(i32::MAX), u32::try_from(month).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use survey_defs::{format_iso_date, parse_iso_date};

    use super::*;

    #[test]
    fn calendar() {
        // Every day from 1900 to 2100: year and month agree with survey-defs' ISO dates.
        let (first, last) = (parse_iso_date("1900-01-01").unwrap(), parse_iso_date("2100-12-31").unwrap());
        for day in first..=last {
            let (year, month) = year_month(day);
            assert_eq!(format!("{year:04}-{month:02}"), format_iso_date(day).unwrap()[..7], "day {day}");
        }
        // 2026-11-23 is a Monday; its week runs to Sunday the 29th.
        let monday = parse_iso_date("2026-11-23").unwrap();
        assert!((monday..monday + 7).all(|d| monday_of(d) == monday));
        assert_eq!(monday_of(monday - 1), monday - 7);
        assert_eq!(monday_of(0), -3); // Thursday 1970-01-01 → Monday 1969-12-29
        assert_eq!(day_of(-1), -1);
        assert_eq!(day_of(MS_PER_DAY * 3 + 5), 3);
    }
}
