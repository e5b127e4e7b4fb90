//! The respondent's cookies: names, parsing, and `Set-Cookie` values.

/// Holds the resume secret of one campaign's response in this browser.
pub fn resume_cookie_name(campaign: &str) -> String {
    format!("boucle_resume_{campaign}")
}

/// Holds the return secret (private link to results and withdrawal).
pub const RETURN_COOKIE: &str = "boucle_return";

/// Holds a single-use invitation token until the respondent agrees to take part.
pub const INVITATION_COOKIE: &str = "boucle_invite";

/// Holds the double-submit token of forms sent before any answer exists.
pub const CONSENT_COOKIE: &str = "boucle_form";

/// A cookie's value from a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name && !value.is_empty()).then_some(value)
    })
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax (the return link is opened from mail
/// and QR codes, which are cross-site navigations), Secure when served over HTTPS.
pub fn set_cookie(name: &str, value: &str, max_age_days: u32, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    let max_age = u64::from(max_age_days) * 86_400;
    format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// A `Set-Cookie` value that removes the cookie.
pub fn clear_cookie(name: &str) -> String {
    format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_exact_name() {
        let header = "a=1; boucle_return=xyz; boucle_return_old=no";
        assert_eq!(cookie_value(header, "boucle_return"), Some("xyz"));
        assert_eq!(cookie_value(header, "boucle"), None);
        assert_eq!(cookie_value("", "a"), None);
        assert_eq!(cookie_value("a=", "a"), None);
    }

    #[test]
    fn set_cookie_is_http_only() {
        let value = set_cookie("n", "v", 30, true);
        assert!(value.contains("HttpOnly") && value.contains("SameSite=Lax") && value.contains("Secure"));
        assert!(!set_cookie("n", "v", 1, false).contains("Secure"));
    }
}
