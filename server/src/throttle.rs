//! Counting failed capability look-ups per address, so guessing links is slow: after
//! [`FailedLookups::LIMIT`] failures in a minute, an address gets 429 until the minute
//! is over.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed look-ups per address in the current window.
#[derive(Debug, Default)]
pub struct FailedLookups {
    windows: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl FailedLookups {
    /// Failures allowed per address per window.
    pub const LIMIT: u32 = 10;
    /// The window.
    pub const WINDOW: Duration = Duration::from_secs(60);

    /// Records one failure from `address`.
    pub fn record(&self, address: IpAddr) {
        let now = Instant::now();
        if let Ok(mut windows) = self.windows.lock() {
            // Forget finished windows so the map cannot grow without bound.
            if windows.len() > 10_000 {
                windows.retain(|_, (start, _)| now.duration_since(*start) < Self::WINDOW);
            }
            let entry = windows.entry(address).or_insert((now, 0));
            if now.duration_since(entry.0) >= Self::WINDOW {
                *entry = (now, 0);
            }
            entry.1 += 1;
        }
    }

    /// Whether `address` has used up its failures for this window.
    pub fn is_blocked(&self, address: IpAddr) -> bool {
        self.blocked_for(address).is_some()
    }

    /// How long `address` stays blocked, if it is.
    pub fn blocked_for(&self, address: IpAddr) -> Option<Duration> {
        let now = Instant::now();
        let windows = self.windows.lock().ok()?;
        let (start, count) = windows.get(&address)?;
        let elapsed = now.duration_since(*start);
        (elapsed < Self::WINDOW && *count >= Self::LIMIT).then(|| Self::WINDOW - elapsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_blocked_after_the_limit_and_others_are_not() {
        let lookups = FailedLookups::default();
        let a: IpAddr = [127, 0, 0, 1].into();
        let b: IpAddr = [127, 0, 0, 2].into();
        for _ in 0..FailedLookups::LIMIT - 1 {
            lookups.record(a);
        }
        assert!(!lookups.is_blocked(a));
        lookups.record(a);
        assert!(lookups.is_blocked(a));
        assert!(lookups.blocked_for(a).is_some_and(|wait| wait <= FailedLookups::WINDOW));
        assert!(!lookups.is_blocked(b));
        assert_eq!(lookups.blocked_for(b), None);
    }
}
