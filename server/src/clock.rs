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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_in_utc() {
        assert_eq!(iso_date(Some(0)).as_deref(), Some("1970-01-01"));
        assert_eq!(iso_datetime(1_795_000_000_123), "2026-11-18 11:06:40");
        assert_eq!(iso_datetime(-1000), "1969-12-31 23:59:59");
    }
}
