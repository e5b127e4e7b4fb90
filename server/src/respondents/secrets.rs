//! Capability secrets: random, at least 256 bits, stored only as SHA-256 hashes, and
//! the server key that derives the secrets Boucle must be able to show again (a return
//! link on a retried submission) without storing them.

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::path::Path;

/// A fresh random secret, URL-safe (43 characters for 32 bytes).
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A public identifier for addresses (campaigns, projects, drafts): 16 random
/// characters in lower case, not guessable, easy to type.
pub fn public_id() -> String {
    random_secret().chars().filter(char::is_ascii_alphanumeric).take(16).collect::<String>().to_lowercase()
}

/// The hash stored in place of a secret.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// The server's own key; never leaves the data directory.
#[derive(Clone)]
pub struct ServerKey([u8; 32]);

impl std::fmt::Debug for ServerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerKey(redacted)")
    }
}

impl ServerKey {
    /// Reads `server.key` from the data directory, creating it (mode 0600) on first run.
    pub fn load_or_create(data_dir: &Path) -> std::io::Result<ServerKey> {
        let path = data_dir.join("server.key");
        if let Ok(existing) = std::fs::read(&path) {
            if let Ok(bytes) = <[u8; 32]>::try_from(existing.as_slice()) {
                return Ok(ServerKey(bytes));
            }
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{} is not a 32-byte key", path.display()),
            ));
        }
        std::fs::create_dir_all(data_dir)?;
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        write_private(&path, &bytes)?;
        Ok(ServerKey(bytes))
    }

    /// A key for tests.
    pub fn from_bytes(bytes: [u8; 32]) -> ServerKey {
        ServerKey(bytes)
    }

    /// A secret derived from the key for one purpose and one subject.
    pub fn derive(&self, purpose: &str, subject: &str) -> String {
        let mut hasher = Sha256::new();
        for part in [purpose.as_bytes(), &self.0, subject.as_bytes()] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(hasher.finalize())
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

/// Compares two strings in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_hashed() {
        let a = random_secret();
        let b = random_secret();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(hash_secret(&a).len(), 64);
        assert_ne!(hash_secret(&a), a);
    }

    #[test]
    fn derived_secrets_depend_on_key_purpose_and_subject() {
        let key = ServerKey::from_bytes([7; 32]);
        let other = ServerKey::from_bytes([8; 32]);
        assert_eq!(key.derive("return", "x"), key.derive("return", "x"));
        assert_ne!(key.derive("return", "x"), key.derive("form", "x"));
        assert_ne!(key.derive("return", "x"), key.derive("return", "y"));
        assert_ne!(key.derive("return", "x"), other.derive("return", "x"));
        assert_eq!(format!("{key:?}"), "ServerKey(redacted)");
    }

    #[test]
    fn the_key_file_is_created_once_and_reused() {
        let dir = tempfile::tempdir().expect("dir");
        let first = ServerKey::load_or_create(dir.path()).expect("created");
        let second = ServerKey::load_or_create(dir.path()).expect("read");
        assert_eq!(first.derive("a", "b"), second.derive("a", "b"));
        std::fs::write(dir.path().join("server.key"), b"short").expect("write");
        assert!(ServerKey::load_or_create(dir.path()).is_err());
    }

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}
