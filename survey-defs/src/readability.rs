//! Plain-language help for the people who write questions: sentence length, long words,
//! medical jargon, and a readability score, in French and English.
//!
//! - **Score.** French: Kandel & Moles (1958), the French adaptation of Flesch,
//!   `207 − 1.015 × words/sentences − 73.6 × syllables/words`. English: Flesch Reading
//!   Ease, `206.835 − 1.015 × words/sentences − 84.6 × syllables/words`. Higher is easier;
//!   60 and above reads easily for most adults. `None` for a text without words.
//! - **Syllables** are estimated, not looked up: groups of vowels, less a final silent
//!   `e` (French `-e`, `-es`, `-ent` after a consonant; English `-e`, except `-le` after
//!   a consonant), at least one per word. Good enough to rank wordings, not to teach.
//! - **Advice** follows easy-to-read (FALC) guidance: sentences of at most 15 words, few
//!   words of four syllables or more, no jargon (whole words, ignoring case and accents,
//!   from a list the caller gives; [`FRENCH_JARGON`] and [`ENGLISH_JARGON`] are defaults).

use serde::{Deserialize, Serialize};

/// A sentence longer than this many words is flagged (FALC guidance).
pub const MAX_SENTENCE_WORDS: usize = 15;
/// A word of this many syllables or more is a long word.
pub const LONG_WORD_SYLLABLES: usize = 4;

/// Medical words French-speaking patients often stumble on.
pub const FRENCH_JARGON: &[&str] = &[
    "ambulatoire",
    "anamnèse",
    "antalgique",
    "asthénie",
    "bilan",
    "comorbidité",
    "contre-indication",
    "dyspnée",
    "effets indésirables",
    "étiologie",
    "hospitalisation",
    "iatrogène",
    "idiopathique",
    "morbidité",
    "nosocomial",
    "observance",
    "pathologie",
    "posologie",
    "prise en charge",
    "pronostic",
    "prophylaxie",
    "protocole",
    "somatique",
    "symptomatologie",
    "thérapeutique",
    "traitement de fond",
    "anxiolytique",
    "antécédents",
    "bénin",
    "chronique",
    "diagnostic",
    "dysfonction",
    "épisode",
    "hypertension",
    "intervention",
    "invasif",
    "oncologie",
    "palliatif",
    "psychotrope",
    "rééducation",
];

/// Medical words English-speaking patients often stumble on.
pub const ENGLISH_JARGON: &[&str] = &[
    "ambulatory",
    "analgesic",
    "anamnesis",
    "asthenia",
    "comorbidity",
    "contraindication",
    "dosage",
    "dyspnoea",
    "dyspnea",
    "adverse",
    "aetiology",
    "etiology",
    "iatrogenic",
    "idiopathic",
    "morbidity",
    "nosocomial",
    "adherence",
    "compliance",
    "pathology",
    "prognosis",
    "prophylaxis",
    "protocol",
    "somatic",
    "symptomatology",
    "therapeutic",
    "anxiolytic",
    "benign",
    "chronic",
    "diagnosis",
    "dysfunction",
    "episode",
    "hypertension",
    "intervention",
    "invasive",
    "oncology",
    "palliative",
    "psychotropic",
    "rehabilitation",
    "acute",
    "regimen",
];

/// Something to improve in a text, with what to look at (words, counts); no prose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "advice", rename_all = "snake_case")]
pub enum Advice {
    /// A sentence has more than [`MAX_SENTENCE_WORDS`] words.
    LongSentence {
        /// Its position (0-based).
        sentence: usize,
        /// Its number of words.
        words: usize,
    },
    /// Words of [`LONG_WORD_SYLLABLES`] syllables or more.
    LongWords {
        /// The words, as written.
        words: Vec<String>,
    },
    /// Words of the jargon list.
    Jargon {
        /// The terms found, as listed.
        terms: Vec<String>,
    },
}

/// What a text looks like to a reader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Readability {
    /// Sentences.
    pub sentences: usize,
    /// Words.
    pub words: usize,
    /// Estimated syllables.
    pub syllables: usize,
    /// Words of the longest sentence.
    pub longest_sentence: usize,
    /// Kandel–Moles (French) or Flesch (English) score; `None` without words.
    pub score: Option<f64>,
    /// What to improve.
    pub advice: Vec<Advice>,
}

fn is_vowel(c: char) -> bool {
    "aeiouyàâäéèêëîïôöùûüœæ".contains(c)
}

/// The estimated syllables of one word in `lang` (`fr`, anything else as English).
pub fn syllables(word: &str, lang: &str) -> usize {
    let letters: Vec<char> = word.to_lowercase().chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        // Numbers and symbols are read as at least one beat.
        return 1;
    }
    let mut groups = 0;
    let mut previous_vowel = false;
    for &c in &letters {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            groups += 1;
        }
        previous_vowel = vowel;
    }
    let text: String = letters.iter().collect();
    let consonant_before = |suffix: &str| {
        text.len() > suffix.len() && text[..text.len() - suffix.len()].chars().last().is_some_and(|c| !is_vowel(c))
    };
    let silent = if lang == "fr" {
        (text.ends_with('e') && consonant_before("e"))
            || (text.ends_with("es") && consonant_before("es"))
            || (text.ends_with("ent") && consonant_before("ent") && text.chars().count() > 4)
    } else {
        text.ends_with('e') && !text.ends_with("le") && consonant_before("e")
    };
    if silent && groups > 1 { groups - 1 } else { groups.max(1) }
}

/// Lower case without accents, for matching jargon.
fn folded(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &["dr", "m", "mme", "mr", "mrs", "ms", "etc", "p", "ex", "cf", "env", "st"];

/// The sentences of a text, each as its words (punctuation stripped, apostrophes and
/// hyphens kept inside words).
fn sentences(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for token in text.split_whitespace() {
        let word: String =
            token.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')).to_string();
        let ends = token.ends_with(['.', '!', '?', ';', '…'])
            && !(token.ends_with('.') && ABBREVIATIONS.contains(&folded(&word).as_str()));
        if !word.is_empty() && word.chars().any(char::is_alphanumeric) {
            current.push(word);
        }
        if ends && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Checks `text` written in `lang` against easy-to-read guidance and `jargon`.
pub fn check(text: &str, lang: &str, jargon: &[&str]) -> Readability {
    let sentences = sentences(text);
    let words: Vec<&String> = sentences.iter().flatten().collect();
    let syllable_counts: Vec<usize> = words.iter().map(|w| syllables(w, lang)).collect();
    let total_syllables: usize = syllable_counts.iter().sum();
    let score = (!words.is_empty()).then(|| {
        let per_sentence = words.len() as f64 / sentences.len() as f64;
        let per_word = total_syllables as f64 / words.len() as f64;
        if lang == "fr" {
            207.0 - 1.015 * per_sentence - 73.6 * per_word
        } else {
            206.835 - 1.015 * per_sentence - 84.6 * per_word
        }
    });
    let mut advice = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.len() > MAX_SENTENCE_WORDS {
            advice.push(Advice::LongSentence { sentence: index, words: sentence.len() });
        }
    }
    let mut long_words: Vec<String> = Vec::new();
    for (word, count) in words.iter().zip(&syllable_counts) {
        if *count >= LONG_WORD_SYLLABLES && !long_words.contains(word) {
            long_words.push((*word).clone());
        }
    }
    if !long_words.is_empty() {
        advice.push(Advice::LongWords { words: long_words });
    }
    // Whole words (or phrases) of the folded text, padded so matches stay whole.
    let plain: String = folded(text).chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { ' ' }).collect();
    let padded = format!(" {} ", plain.split_whitespace().collect::<Vec<_>>().join(" "));
    let terms: Vec<String> = jargon
        .iter()
        .filter(|term| padded.contains(&format!(" {} ", folded(term))))
        .map(|term| term.to_string())
        .collect();
    if !terms.is_empty() {
        advice.push(Advice::Jargon { terms });
    }
    Readability {
        sentences: sentences.len(),
        words: words.len(),
        syllables: total_syllables,
        longest_sentence: sentences.iter().map(Vec::len).max().unwrap_or(0),
        score,
        advice,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_vowel_groups_less_a_silent_final_e() {
        assert_eq!(syllables("maison", "fr"), 2); // ai-o
        assert_eq!(syllables("hospitalisation", "fr"), 6); // hos-pi-ta-li-sa-tion
        assert_eq!(syllables("l'hôpital", "fr"), 3);
        assert_eq!(syllables("72", "fr"), 1);
        assert_eq!(syllables("simple", "en"), 2); // -le after a consonant is said
        assert_eq!(syllables("home", "en"), 1);
        assert_eq!(syllables("medication", "en"), 4); // e-i-a-io
    }

    #[test]
    fn a_short_french_question_scores_high_and_gets_no_advice() {
        // 1 sentence, 5 words: "Avez-vous" (a-e-ou = 3) "bien" (1) "dormi" (2) "cette" (1) "semaine" (2) = 9.
        let r = check("Avez-vous bien dormi cette semaine ?", "fr", FRENCH_JARGON);
        assert_eq!((r.sentences, r.words, r.syllables), (1, 5, 9));
        // 207 − 1.015 × 5 − 73.6 × 9/5 = 207 − 5.075 − 132.48 = 69.445
        let score = r.score.expect("words");
        assert!((score - 69.445).abs() < 1e-9, "{score}");
        assert!(r.advice.is_empty(), "{:?}", r.advice);
    }

    #[test]
    fn long_sentences_long_words_and_jargon_are_named() {
        let text = "Lors de votre hospitalisation ambulatoire, la posologie de votre traitement antalgique \
                    vous a-t-elle été expliquée clairement par l'équipe soignante avant votre sortie ?";
        let r = check(text, "fr", FRENCH_JARGON);
        assert!(r.advice.iter().any(|a| matches!(a, Advice::LongSentence { sentence: 0, words } if *words > 15)));
        assert!(
            r.advice
                .iter()
                .any(|a| matches!(a, Advice::LongWords { words } if words.contains(&"hospitalisation".to_string())))
        );
        let Some(Advice::Jargon { terms }) = r.advice.iter().find(|a| matches!(a, Advice::Jargon { .. })) else {
            panic!("jargon found: {:?}", r.advice);
        };
        assert_eq!(terms, &["ambulatoire", "antalgique", "hospitalisation", "posologie"]);
    }

    #[test]
    fn jargon_ignores_case_and_accents_but_not_parts_of_words() {
        let r = check("Votre PRONOSTIC. Un bilanisme ? Une Dyspnee.", "fr", FRENCH_JARGON);
        let Some(Advice::Jargon { terms }) = r.advice.last() else { panic!("{:?}", r.advice) };
        assert_eq!(terms, &["dyspnée", "pronostic"]);
        assert_eq!(r.sentences, 3);
    }

    #[test]
    fn english_uses_flesch_and_abbreviations_do_not_end_sentences() {
        // "Did Dr. Smith explain it?" : 1 sentence, 5 words; did 1, dr 1, smith 1, explain 2, it 1 = 6.
        let r = check("Did Dr. Smith explain it?", "en", ENGLISH_JARGON);
        assert_eq!((r.sentences, r.words, r.syllables), (1, 5, 6));
        // 206.835 − 1.015 × 5 − 84.6 × 6/5 = 206.835 − 5.075 − 101.52 = 100.24
        assert!((r.score.expect("words") - 100.24).abs() < 1e-9);
    }

    #[test]
    fn empty_text_has_no_score_and_no_panic() {
        let r = check("   ", "fr", FRENCH_JARGON);
        assert_eq!((r.sentences, r.words, r.score), (0, 0, None));
        assert!(check("?!…", "en", ENGLISH_JARGON).score.is_none());
    }
}
