//! What every HTML form post shares, respondents' and staff's alike: reading fields,
//! cookies and the page language, refusing cross-site posts, and answering with
//! POST-redirect-GET.

use app::i18n::Lang;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

/// A form's fields, repeated names kept (checkboxes).
pub type Fields = Vec<(String, String)>;

/// The first value of field `name`.
pub fn field<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The language the form was shown in (its `lang` field), French by default.
pub fn lang_of(fields: &Fields) -> &'static str {
    Lang::from_tag(field(fields, "lang").unwrap_or("fr")).unwrap_or_default().tag()
}

/// All `Cookie` headers as one string.
pub fn cookies(headers: &HeaderMap) -> String {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join("; ")
}

/// Cross-site form posts are refused: the browser says where the form came from.
pub fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => origin.split_once("://").is_some_and(|(_, rest)| rest == host),
        // Old browsers send neither header on same-origin posts; the form token still applies.
        (None, _) => true,
        (Some(_), None) => false,
    }
}

/// 303 See Other to `location`.
pub fn see_other(location: String) -> Response {
    Redirect::to(&location).into_response()
}

/// Adds a `Set-Cookie` header.
pub fn with_cookie(mut response: Response, cookie: String) -> Response {
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
