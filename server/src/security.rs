//! Security headers on every response, and the per-response CSP nonce that lets the
//! one inline hydration script run while every other inline script is refused.
//! When people reach Boucle over HTTPS, every response also carries HSTS, so a browser
//! that came once never again asks for the plain-HTTP address.

use app::shell::CspNonce;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use rand::RngCore;

/// `Strict-Transport-Security`: a year, subdomains included.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// What the headers depend on in the configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderPolicy {
    /// Send HSTS (the public URL is `https://`). Never over plain HTTP: a browser would
    /// then refuse `http://localhost` for a year.
    pub hsts: bool,
}

impl HeaderPolicy {
    /// The policy for the address people use to reach Boucle.
    pub fn for_public_url(public_url: &str) -> HeaderPolicy {
        let https = public_url.get(..8).is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"));
        HeaderPolicy { hsts: https }
    }
}

/// Adds the nonce to the request (for the page shell) and the headers to the response.
pub async fn security_headers(State(policy): State<HeaderPolicy>, mut request: Request, next: Next) -> Response {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let nonce = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    let fixed: [(HeaderName, &'static str); 5] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if policy.hsts {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    // Pages may carry personal data later: nothing dynamic is cached unless it says so.
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::HeaderPolicy;

    #[test]
    fn hsts_only_for_an_https_public_url() {
        assert!(HeaderPolicy::for_public_url("https://boucle.chu-exemple.fr").hsts);
        assert!(HeaderPolicy::for_public_url("HTTPS://boucle.chu-exemple.fr").hsts);
        for plain in ["http://127.0.0.1:3000", "http://localhost:3000", "", "https:/x"] {
            assert!(!HeaderPolicy::for_public_url(plain).hsts, "{plain}");
        }
    }
}
