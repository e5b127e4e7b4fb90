//! QR codes as inline SVG, drawn on the server: for the private return link on the
//! receipt (a phone photographs it) and, later, for campaign posters.

use leptos::prelude::*;

/// The SVG markup of a QR code for `text`, without the XML prologue.
#[cfg(feature = "ssr")]
pub fn qr_svg(text: &str) -> Option<String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let markup = code.render::<svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build();
    let start = markup.find("<svg")?;
    Some(markup[start..].to_string())
}

/// A QR code image with its text alternative.
#[component]
pub fn QrCode(
    /// What the code holds (a link).
    text: String,
    /// What the image is, for screen readers.
    label: String,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let svg = qr_svg(&text).unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let svg = {
        let _ = &text;
        String::new()
    };
    view! { <div class="qr-code" role="img" aria-label=label inner_html=svg></div> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::qr_svg;

    #[test]
    fn qr_codes_are_plain_svg_without_styles_or_scripts() {
        let svg = qr_svg("http://127.0.0.1:3000/retour/abc").expect("svg");
        assert!(svg.starts_with("<svg"));
        assert!(!svg.contains("<script") && !svg.contains("style="), "CSP forbids inline styles: {svg}");
    }
}
