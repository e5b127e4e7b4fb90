//! Counting failed capability look-ups per address, so guessing links is slow: after
//! [`FailedLookups::LIMIT`] failures in a minute, an address gets 429 until the minute
//! is over. [`Quota`] limits how often an action that reaches someone else (a message
//! sent) is taken per key.

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

/// At most `limit` uses per key in a sliding window, for actions that cost someone
/// else something (a message sent to an address). Kept in memory: a restart forgets
/// the counts, which only ever lets a little more through.
#[derive(Debug)]
pub struct Quota {
    limit: usize,
    window: Duration,
    uses: Mutex<HashMap<String, Vec<Instant>>>,
}

impl Quota {
    /// `limit` uses per key per `window`.
    pub fn new(limit: usize, window: Duration) -> Quota {
        Quota { limit, window, uses: Mutex::new(HashMap::new()) }
    }

    /// Takes one use for `key` if any is left in the window; `false` when spent.
    pub fn try_take(&self, key: &str) -> bool {
        let now = Instant::now();
        let Ok(mut uses) = self.uses.lock() else { return false };
        if uses.len() > 10_000 {
            uses.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < self.window));
        }
        let times = uses.entry(key.to_string()).or_default();
        times.retain(|t| now.duration_since(*t) < self.window);
        if times.len() >= self.limit {
            return false;
        }
        times.push(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quota_allows_its_limit_per_key() {
        let quota = Quota::new(3, Duration::from_secs(60));
        assert!((0..3).all(|_| quota.try_take("a")));
        assert!(!quota.try_take("a"));
        assert!(quota.try_take("b"));
        let short = Quota::new(1, Duration::from_millis(1));
        assert!(short.try_take("a"));
        std::thread::sleep(Duration::from_millis(5));
        assert!(short.try_take("a"), "a use leaves the window");
    }

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
