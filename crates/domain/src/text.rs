//! Text that may differ per language, and the language codes that select it.

use std::fmt;

/// A language code such as `id`, `en` or `pt-BR`.
///
/// Only letters, digits and hyphens are allowed, so a code is always safe to
/// place in a `lang` attribute, a CSV cell or a file name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Locale(String);

impl Locale {
    /// Accepts a BCP 47 style code of 2 to 35 characters: ASCII letters and
    /// digits in hyphen-separated parts, starting with a letter.
    pub fn parse(code: &str) -> Option<Locale> {
        let ok = (2..=35).contains(&code.len())
            && code.starts_with(|c: char| c.is_ascii_alphabetic())
            && code
                .split('-')
                .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()));
        ok.then(|| Locale(code.to_owned()))
    }

    /// The code as written in the survey.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lower-cased: `pt` for `pt-BR`.
    /// Whether the language is written right to left (Arabic, Hebrew,
    /// Persian, Urdu and others in the Arabic or Hebrew scripts).
    pub fn is_rtl(&self) -> bool {
        matches!(
            self.language().as_str(),
            "ar" | "he" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb"
        )
    }

    pub fn language(&self) -> String {
        self.0
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A piece of survey text: one string for every language, or one per language.
///
/// A parsed `Text` always has a string for the survey's default locale, so
/// [`Text::get`] always has something to show.
#[derive(Debug, Clone, Eq)]
pub enum Text {
    /// The same words whatever the language (a brand name, a number).
    Plain(String),
    /// Words per locale code, each locale once, in the file's order; always
    /// contains the survey's default locale.
    ///
    /// A list, not a map: a text has a handful of locales, and a list's
    /// search is much less wasm than a `BTreeMap` of its own key type.
    Localized(Vec<(Locale, String)>),
}

/// Equal when they have the same words for the same locales, in any order
/// (as when `Localized` was a map).
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        match (self, other) {
            (Text::Plain(a), Text::Plain(b)) => a == b,
            (Text::Localized(a), Text::Localized(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .all(|(l, s)| b.iter().any(|e| e.0 == *l && e.1 == *s))
            }
            _ => false,
        }
    }
}

impl Text {
    /// The text in `locale`, falling back to `default` when the survey has no
    /// translation for it.
    pub fn get<'a>(&'a self, locale: &Locale, default: &Locale) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(_) => self
                .words(locale)
                .or_else(|| self.words(default))
                .unwrap_or_default(),
        }
    }

    /// Whether `locale` has its own words here (a plain text counts for all).
    pub fn has(&self, locale: &Locale) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::Localized(_) => self.words(locale).is_some(),
        }
    }

    /// True when every variant is empty or white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(s) => s.trim().is_empty(),
            Text::Localized(words) => words.iter().all(|(_, s)| s.trim().is_empty()),
        }
    }

    /// The words for exactly `locale`, if this text has its own.
    fn words(&self, locale: &Locale) -> Option<&str> {
        match self {
            Text::Plain(s) => Some(s),
            Text::Localized(words) => words
                .iter()
                .find(|(l, _)| l == locale)
                .map(|(_, s)| s.as_str()),
        }
    }
}

/// `items` with `sep` between them. Not `[&str]::join`: its generic copy
/// loop is more wasm than this one, and messages are short.
pub(crate) fn join(items: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
    out
}

/// The question id a text pipes in at the start of `rest` (what follows a
/// `{`): `id}` where `id` is written as a question id is (`[a-z][a-z0-9_]*`).
pub(crate) fn piped_id(rest: &str) -> Option<&str> {
    let (name, _) = rest.split_once('}')?;
    let ok = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    ok.then_some(name)
}

/// The question ids a text pipes in: each `{id}` where `id` is written as a
/// question id is. Other braces are plain text.
pub fn piped_ids(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(piped_id)
}

/// The candidate a mistyped `word` most likely meant, for "did you mean":
/// the closest by edit distance (a swap of two neighbours counts as one
/// edit, ASCII case is ignored) when it is close enough, at most a third of the
/// longer word's letters (one for short words); or a candidate that the
/// word starts or ends with, or that starts with the word (`rating_stars`
/// means `rating`). Ties go to the first candidate.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let original = word;
    // ASCII only: names in the format are ASCII, and Unicode's case
    // tables would cost the wasm.
    let word = word.to_ascii_lowercase();
    let w: Vec<char> = word.chars().collect();
    let mut best: Option<(usize, &'a str)> = None;
    for &c in candidates {
        let cl: Vec<char> = c.chars().collect();
        let d = distance(&w, &cl);
        let limit = (w.len().max(cl.len()) / 3).max(1);
        let part = cl.len() >= 3
            && w.len() >= 3
            && (word.starts_with(c) || word.ends_with(c) || c.starts_with(word.as_str()));
        if (d <= limit || part) && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c).filter(|c| *c != original)
}

/// The optimal string alignment distance: insertions, deletions,
/// substitutions and swaps of neighbours, each one edit.
fn distance(a: &[char], b: &[char]) -> usize {
    // Three rows of the table: two back, one back, this one.
    let mut two: Vec<usize> = Vec::new();
    let mut one: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (one[j] + 1).min(row[j - 1] + 1).min(one[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two[j - 2] + 1);
            }
            row[j] = d;
        }
        two = std::mem::replace(&mut one, row);
    }
    one[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_codes_accept_bcp47_shapes_only() {
        for ok in ["id", "en", "pt-BR", "zh-Hant-TW", "ar"] {
            assert!(Locale::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "", "e", "1d", "en_US", "en-", "-en", "en us", "<script>", "ïd",
        ] {
            assert!(Locale::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn right_to_left_languages_are_known_by_their_language_subtag() {
        for rtl in ["ar", "ar-EG", "he", "fa-IR", "ur", "ckb"] {
            assert!(Locale::parse(rtl).unwrap().is_rtl(), "{rtl}");
        }
        for ltr in ["id", "en", "jv", "zh-Hant", "arn", "ms-Arab-x"] {
            let code = Locale::parse(ltr).unwrap();
            assert!(!code.is_rtl(), "{ltr}");
        }
    }

    #[test]
    fn a_missing_translation_falls_back_to_the_default_locale() {
        let id = Locale::parse("id").unwrap();
        let en = Locale::parse("en").unwrap();
        let fr = Locale::parse("fr").unwrap();
        let text =
            Text::Localized([(id.clone(), "Halo".into()), (en.clone(), "Hello".into())].into());
        assert_eq!(text.get(&en, &id), "Hello");
        assert_eq!(text.get(&fr, &id), "Halo");
        assert!(!text.has(&fr));
    }
}
