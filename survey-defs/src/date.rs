//! Calendar dates as `yyyy-mm-dd` strings and as days since 1970-01-01.
//!
//! Proleptic Gregorian calendar; conversions after Howard Hinnant's `days_from_civil`
//! (<https://howardhinnant.github.io/date_algorithms.html>). Years 1 to 9999 only.

/// Days since 1970-01-01 of a valid `yyyy-mm-dd` date; `None` if the text is not one.
pub fn parse_iso_date(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) { part.parse().ok() } else { None }
    };
    let year = digits(0..4)?;
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// The `yyyy-mm-dd` text of a day count since 1970-01-01; `None` outside years 1–9999.
pub fn format_iso_date(days: i32) -> Option<String> {
    let (year, month, day) = civil_from_days(days);
    (1..=9999).contains(&year).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_from_civil(year: u32, month: u32, day: u32) -> i32 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    // Years 1..=9999 span about ±3 million days: always within i32.
    i32::try_from(days).unwrap_or(i32::MAX)
}

fn civil_from_days(days: i32) -> (i64, u32, u32) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // day is 1..=31 and month 1..=12 by construction.
    (year, u32::try_from(month).unwrap_or(1), u32::try_from(day).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(parse_iso_date("1970-01-01"), Some(0));
        assert_eq!(parse_iso_date("2000-03-01"), Some(11_017));
        assert_eq!(parse_iso_date("1969-12-31"), Some(-1));
        assert_eq!(format_iso_date(11_017).as_deref(), Some("2000-03-01"));
    }

    #[test]
    fn rejects_invalid_dates() {
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "24-01-01",
            "2024-1-01",
            "2024-01-32",
            "0000-01-01",
            "2024/01/01",
            "+024-01-01",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        assert_eq!(parse_iso_date("2024-02-29").and_then(format_iso_date).as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn round_trips_every_day_of_a_few_centuries() {
        for days in -150_000..150_000 {
            let text = format_iso_date(days);
            assert_eq!(text.as_deref().and_then(parse_iso_date), Some(days));
        }
    }
}
