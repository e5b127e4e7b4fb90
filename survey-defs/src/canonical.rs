//! Canonical JSON and content hash of a definition.
//!
//! The hash identifies exactly what respondents were shown: two definitions with the same
//! hash are the same questionnaire, whatever the key order or whitespace of their source.
//! Canonical form: RFC 8785 (JSON Canonicalization Scheme) of the serialized definition.

use sha2::{Digest, Sha256};

use crate::model::Questionnaire;

impl Questionnaire {
    /// RFC 8785 canonical JSON of the definition (sorted keys, no whitespace, ES6 numbers).
    pub fn to_canonical_json(&self) -> String {
        // Serializing to a `Value` first cannot fail for these types (string keys only);
        // non-finite numbers, which only code can create, become `null`.
        let value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        serde_json_canonicalizer::to_string(&value).unwrap_or_else(|_| value.to_string())
    }

    /// `"sha256:"` followed by the lowercase hex SHA-256 of [`Questionnaire::to_canonical_json`].
    pub fn content_hash(&self) -> String {
        let digest = Sha256::digest(self.to_canonical_json().as_bytes());
        format!("sha256:{}", hex::encode(digest))
    }
}
