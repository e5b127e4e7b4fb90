//! Time as Boucle stores it: milliseconds since the Unix epoch, UTC.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, in milliseconds since the Unix epoch.
pub fn now_millis() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)).unwrap_or(0)
}

/// The UTC date (`yyyy-mm-dd`) of a time in ms since the epoch.
pub fn iso_date(millis: Option<i64>) -> Option<String> {
    let days = i32::try_from(millis?.div_euclid(86_400_000)).ok()?;
    survey_defs::format_iso_date(days)
}

/// The UTC date and time (`yyyy-mm-dd hh:mm:ss`) of a time in ms since the epoch.
pub fn iso_datetime(millis: i64) -> String {
    let seconds = millis.div_euclid(1000).rem_euclid(86_400);
    let date = iso_date(Some(millis)).unwrap_or_default();
    format!("{date} {:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60)
}

/// The UTC date and time to the minute (`yyyy-mm-dd hh:mm`): enough for people to tell
/// events apart; seconds are in the audit log.
pub fn iso_minute(millis: i64) -> String {
    let mut text = iso_datetime(millis);
    text.truncate(16);
    text
}

/// The ISO 8601 week (`2026-W48`) of a time in ms since the epoch, UTC: as fine as
/// de-identified exports date a response.
pub fn iso_week(millis: i64) -> Option<String> {
    let at = time::OffsetDateTime::from_unix_timestamp(millis.div_euclid(1000)).ok()?;
    let (year, week, _) = at.to_iso_week_date();
    Some(format!("{year}-W{week:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks_follow_iso_8601_at_year_ends() {
        // Monday 2026-11-23; Thursday 2026-12-31 (week 53 of 2026); Friday 2027-01-01
        // still belongs to 2026-W53; Monday 2027-01-04 starts 2027-W01.
        assert_eq!(iso_week(1_795_392_000_000).as_deref(), Some("2026-W48"));
        assert_eq!(iso_week(1_798_675_200_000).as_deref(), Some("2026-W53"));
        assert_eq!(iso_week(1_798_761_600_000).as_deref(), Some("2026-W53"));
        assert_eq!(iso_week(1_799_020_800_000).as_deref(), Some("2027-W01"));
    }

    #[test]
    fn times_are_written_in_utc() {
        assert_eq!(iso_date(Some(0)).as_deref(), Some("1970-01-01"));
        assert_eq!(iso_datetime(1_795_000_000_123), "2026-11-18 11:06:40");
        assert_eq!(iso_datetime(-1000), "1969-12-31 23:59:59");
    }
}
