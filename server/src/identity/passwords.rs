//! Local passwords: Argon2id hashes (OWASP parameters), and the rules a new password
//! must meet (8 to 128 characters, not a common password, not the email address).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};

/// Shortest password accepted.
pub const MIN_LENGTH: usize = 8;
/// Longest password accepted (long passphrases are welcome; the bound limits hashing work).
pub const MAX_LENGTH: usize = 128;

/// Passwords found at the top of public breach lists, in French and English use.
const COMMON: &str = include_str!("common-passwords.txt");

/// Why a new password is refused; each has a stable key the UI translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_LENGTH`] characters.
    #[error("the password has fewer than {MIN_LENGTH} characters")]
    TooShort,
    /// More than [`MAX_LENGTH`] characters.
    #[error("the password has more than {MAX_LENGTH} characters")]
    TooLong,
    /// On the list of common passwords, or the email address itself.
    #[error("the password is too easy to guess")]
    TooCommon,
}

impl PasswordProblem {
    /// Stable key, also the translation key.
    pub fn key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::TooCommon => "password-too-common",
        }
    }
}

/// Checks a new password for the account with this email address.
pub fn check_new_password(password: &str, email: Option<&str>) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_LENGTH {
        return Err(PasswordProblem::TooLong);
    }
    let lowered = password.to_lowercase();
    let is_email = email.is_some_and(|email| {
        let email = email.to_lowercase();
        lowered == email || email.split('@').next().is_some_and(|local| local.len() >= 4 && lowered == local)
    });
    if is_email || COMMON.lines().any(|common| common.trim() == lowered) {
        return Err(PasswordProblem::TooCommon);
    }
    Ok(())
}

fn argon2() -> Argon2<'static> {
    // The crate's defaults are OWASP's first choice: 19 MiB, 2 iterations, 1 lane.
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

/// The PHC string stored for a password.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(argon2().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// Whether `password` matches the stored hash. With no stored hash, a dummy hash is
/// checked anyway so that unknown accounts take as long as known ones.
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash_password("not a real password").unwrap_or_default());
    let (hash, real) = match stored {
        Some(hash) => (hash, true),
        None => (dummy.as_str(), false),
    };
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    argon2().verify_password(password.as_bytes(), &parsed).is_ok() && real
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let hash = hash_password("correct horse battery staple").expect("hash");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_password("correct horse battery staple", Some(&hash)));
        assert!(!verify_password("correct horse battery stapler", Some(&hash)));
        assert!(!verify_password("correct horse battery staple", None));
        assert!(!verify_password("anything", Some("not a phc string")));
    }

    #[test]
    fn new_passwords_follow_the_rules() {
        assert_eq!(check_new_password("court", None), Err(PasswordProblem::TooShort));
        assert_eq!(check_new_password(&"a".repeat(129), None), Err(PasswordProblem::TooLong));
        assert_eq!(check_new_password(&"é".repeat(64), None), Ok(()));
        assert_eq!(check_new_password("Azerty123", None), Err(PasswordProblem::TooCommon));
        assert_eq!(check_new_password("motdepasse", None), Err(PasswordProblem::TooCommon));
        assert_eq!(check_new_password("password1", None), Err(PasswordProblem::TooCommon));
        assert_eq!(
            check_new_password("marie.dupont@chu.fr", Some("Marie.Dupont@chu.fr")),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(check_new_password("marie.dupont", Some("marie.dupont@chu.fr")), Err(PasswordProblem::TooCommon));
        assert_eq!(check_new_password("la boucle est bouclée", Some("marie.dupont@chu.fr")), Ok(()));
    }
}
