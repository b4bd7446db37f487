//! A parsed, valid survey. Build one with [`Survey::parse`].

use crate::expr::Expr;
use crate::hidden::HiddenField;
use crate::text::{Locale, Text};

/// A survey that passed every check of the format: ids are unique, every
/// text has the default locale, every option list is usable.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    /// Stable identifier, copied into every response.
    pub id: String,
    /// The author's version of this survey (a number in the file is kept as its digits).
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    /// The locale whose text is always present; the fallback for all others.
    pub default_locale: Locale,
    /// Every locale the survey offers, the default first.
    pub locales: Vec<Locale>,
    pub pages: Vec<Page>,
    /// Whether the person checks their answers on a review step before
    /// submitting (`review` in the file; without it, when there is more than
    /// one page).
    pub review: bool,
    /// Values taken from the link or the mount element (`hidden` in the
    /// file), recorded in each response; see [`crate::hidden`].
    pub hidden: Vec<HiddenField>,
    /// The author's closing words on the thank-you screen (`thanks`),
    /// instead of the widget's own.
    pub thanks: Option<Text>,
    /// Whether the thank-you screen offers to start a new response
    /// (`start_again`, shown unless `false`).
    pub start_again: bool,
    /// The smallest group reported (`"privacy": {"k": 10}`, 10 without
    /// it): said on the inclusion consent screen.
    pub privacy_k: u64,
    /// Whether guardians consented for the people under 18 who answer
    /// (`"minors": "guardian_consented"`): then an age band under 18 does
    /// not end the inclusion section.
    pub guardian_consented: bool,
    /// The survey's inclusion block, if it has one (see [`crate::bank`]):
    /// its questions are among the pages' like any other.
    pub inclusion: Option<Inclusion>,
}

/// What a survey's inclusion block brings beyond its questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Inclusion {
    /// The bank's pack (`ID`, `US`, `GB`).
    pub pack: String,
    /// The bank's version (`2026.1`), recorded in responses that answer an item.
    pub bank: String,
    /// The version of the consent screen's text, recorded with the choice.
    pub consent_version: String,
    /// The Washington Group's introduction, shown before its six questions.
    pub wg_intro: Text,
}

/// A group of questions shown together.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub id: String,
    pub title: Option<Text>,
    pub questions: Vec<Question>,
    /// Shown only while this holds (see [`crate::logic`]); its questions too.
    pub show_if: Option<Expr>,
}

/// One question: what is asked and what counts as a valid answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Stable code used as the answer key and CSV column: `[a-z][a-z0-9_]*`.
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
    pub required: bool,
    pub kind: QuestionKind,
    /// Shown, validated and exported only while this holds (see [`crate::logic`]).
    pub show_if: Option<Expr>,
}

/// An answer option of a choice question or a ranking, or a row or a
/// column of a matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// The code stored in responses and CSV, never the label.
    pub value: String,
    pub label: Text,
}

/// What kind of answer a question takes, with that kind's settings.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    /// One option, optionally with "other, please describe".
    SingleChoice {
        options: Vec<ChoiceOption>,
        other: Option<Other>,
    },
    /// Any number of options, optionally with "other, please describe".
    MultiChoice {
        options: Vec<ChoiceOption>,
        other: Option<Other>,
    },
    /// One line of text of at most `max_length` characters.
    ShortText { max_length: u32 },
    /// Several lines of text of at most `max_length` characters.
    LongText { max_length: u32 },
    /// Stars from `min` to `max`.
    Rating { min: u8, max: u8 },
    /// Net Promoter Score: 0 to 10.
    Nps,
    /// A statement the person agrees to by ticking a box.
    Consent { text: Option<Text> },
    /// Yes or no, answered `true` or `false`.
    YesNo,
    /// A number, optionally whole, from `min` to `max` where they are given.
    /// The bounds are kept as the survey writes them (`0`, not `0.0`): the
    /// widget shows them in messages without carrying a float formatter.
    Number {
        min: Option<serde_json::Number>,
        max: Option<serde_json::Number>,
        integer: bool,
    },
    /// A calendar date, `YYYY-MM-DD`, from `min` to `max` where they are given.
    Date {
        min: Option<String>,
        max: Option<String>,
    },
    /// One option from a drop-down list; `placeholder` is the empty first
    /// entry's text (the widget's own "Choose…" without one).
    Dropdown {
        options: Vec<ChoiceOption>,
        placeholder: Option<Text>,
    },
    /// An agree scale of `points` (5 or 7) answers, answered 1 to `points`
    /// (1 = strongly disagree); `labels` are the survey's own words for the
    /// points, one per point, else the widget says "Strongly disagree"…
    Likert {
        points: u8,
        labels: Option<Vec<Text>>,
    },
    /// `faces` (3 or 5) faces from unhappy to happy, answered 1 to `faces`
    /// (1 = the unhappiest); the widget names each face in the person's language.
    Smiley { faces: u8 },
    /// Several statements (`rows`) rated on one scale (`columns`): one
    /// column value per row, answered as an object from row value to column
    /// value (see [`crate::AnswerValue::Rows`]).
    Matrix {
        rows: Vec<ChoiceOption>,
        columns: Vec<ChoiceOption>,
    },
    /// The person puts every option in their order, answered as the list of
    /// every option value, the first the most important.
    Ranking { options: Vec<ChoiceOption> },
}

/// The "other, please describe" choice of a choice question.
#[derive(Debug, Clone, PartialEq)]
pub struct Other {
    /// The author's label; without one the widget says "Other" in the person's language.
    pub label: Option<Text>,
}

/// The answer value that marks "other" in a choice question with `other`.
pub const OTHER_VALUE: &str = "other";

/// The columns every CSV export starts with, before the survey's own. No
/// question may use one of these names as its id.
/// The first three are those of the first CSV layout; those after them
/// came later (version 2: `survey_version`, `started_at`; version 3:
/// `partial`), each at the end so that the ones before keep their places.
pub const FIXED_COLUMNS: [&str; 6] = [
    "id",
    "submitted_at",
    "locale",
    "survey_version",
    "started_at",
    "partial",
];

/// The widget's settings, read from the same link and element as hidden
/// fields: no hidden field may take one of these names.
pub const SETTING_NAMES: [&str; 12] = [
    "survey", "endpoint", "headers", "timeout", "wrap", "request", "lang", "mode", "idle",
    "warning", "thanks", "partial",
];

/// Declares [`Kind`] and its names from one table, so that no kind can have
/// a name and no parser, or a parser and no name.
macro_rules! kinds {
    ($($kind:ident $name:literal,)*) => {
        /// A question kind without its settings: what a survey file's `kind`
        /// names. The parser and the file's field lists match on it, with no
        /// catch-all arm: a new kind does not compile until each handles it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Kind {
            $($kind,)*
        }

        impl Kind {
            /// Every kind, in the format's order.
            pub const ALL: [Kind; QuestionKind::NAMES.len()] = [$(Kind::$kind,)*];

            /// The name used in the survey file.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Kind::$kind => $name,)*
                }
            }
        }

        impl QuestionKind {
            /// Every kind name the format accepts, in the order of [`Kind::ALL`].
            pub const NAMES: [&'static str; [$($name,)*].len()] = [$($name,)*];
        }
    };
}

kinds! {
    SingleChoice "single_choice",
    MultiChoice "multi_choice",
    ShortText "short_text",
    LongText "long_text",
    Rating "rating",
    Nps "nps",
    Consent "consent",
    YesNo "yes_no",
    Number "number",
    Date "date",
    Dropdown "dropdown",
    Likert "likert",
    Smiley "smiley",
    Matrix "matrix",
    Ranking "ranking",
}

impl Kind {
    /// The kind a survey file names `name`, if the format has one.
    pub fn from_name(name: &str) -> Option<Kind> {
        let i = QuestionKind::NAMES.iter().position(|n| *n == name)?;
        Some(Kind::ALL[i])
    }
}

impl QuestionKind {
    /// This kind without its settings.
    pub fn kind(&self) -> Kind {
        match self {
            QuestionKind::SingleChoice { .. } => Kind::SingleChoice,
            QuestionKind::MultiChoice { .. } => Kind::MultiChoice,
            QuestionKind::ShortText { .. } => Kind::ShortText,
            QuestionKind::LongText { .. } => Kind::LongText,
            QuestionKind::Rating { .. } => Kind::Rating,
            QuestionKind::Nps => Kind::Nps,
            QuestionKind::Consent { .. } => Kind::Consent,
            QuestionKind::YesNo => Kind::YesNo,
            QuestionKind::Number { .. } => Kind::Number,
            QuestionKind::Date { .. } => Kind::Date,
            QuestionKind::Dropdown { .. } => Kind::Dropdown,
            QuestionKind::Likert { .. } => Kind::Likert,
            QuestionKind::Smiley { .. } => Kind::Smiley,
            QuestionKind::Matrix { .. } => Kind::Matrix,
            QuestionKind::Ranking { .. } => Kind::Ranking,
        }
    }

    /// The name used in the survey file.
    pub fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// Options and the "other" label, for choice kinds, drop-downs and rankings.
    pub fn choices(&self) -> Option<(&[ChoiceOption], Option<&Other>)> {
        match self {
            QuestionKind::SingleChoice { options, other }
            | QuestionKind::MultiChoice { options, other } => Some((options, other.as_ref())),
            QuestionKind::Dropdown { options, .. } | QuestionKind::Ranking { options } => {
                Some((options, None))
            }
            QuestionKind::ShortText { .. }
            | QuestionKind::LongText { .. }
            | QuestionKind::Rating { .. }
            | QuestionKind::Nps
            | QuestionKind::Consent { .. }
            | QuestionKind::YesNo
            | QuestionKind::Number { .. }
            | QuestionKind::Date { .. }
            | QuestionKind::Likert { .. }
            | QuestionKind::Smiley { .. }
            | QuestionKind::Matrix { .. } => None,
        }
    }
}

/// Whether `s` is a day of the calendar written `YYYY-MM-DD` (years 0001 to
/// 9999, leap years as in the Gregorian calendar). Such dates sort as text.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    y > 0 && (1..=days).contains(&d)
}

impl Survey {
    /// Every question in survey order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.pages.iter().flat_map(|p| p.questions.iter())
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        // Plain loops: `find` over the flattening iterator is more wasm.
        for page in &self.pages {
            for q in &page.questions {
                if q.id == id {
                    return Some(q);
                }
            }
        }
        None
    }

    /// The locale to use for a requested code: an offered locale that
    /// matches exactly, then one with the same language, then the default.
    pub fn pick_locale(&self, requested: Option<&str>) -> Locale {
        let Some(code) = requested.and_then(Locale::parse) else {
            return self.default_locale.clone();
        };
        let lower = code.as_str().to_ascii_lowercase();
        self.locales
            .iter()
            .find(|l| l.as_str().to_ascii_lowercase() == lower)
            .or_else(|| {
                self.locales
                    .iter()
                    .find(|l| l.language() == code.language())
            })
            .unwrap_or(&self.default_locale)
            .clone()
    }

    /// Shorthand for `text.get(locale, default_locale)`.
    pub fn tr<'a>(&self, text: &'a Text, locale: &Locale) -> &'a str {
        text.get(locale, &self.default_locale)
    }
}
