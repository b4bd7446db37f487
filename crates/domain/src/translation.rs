//! Which texts of a survey have no translation into one of its languages:
//! the widget shows them in the survey's default language instead, marked
//! with that language, and tells the survey's author which ones they are.

use crate::survey::{QuestionKind, Survey};
use crate::text::{Locale, Text};

/// The texts with no translation into `locale`, by JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub locale: Locale,
    pub paths: Vec<String>,
}

/// For each of the survey's locales but the default, the texts it lacks, in
/// document order; locales that lack nothing are left out.
pub fn missing_translations(survey: &Survey) -> Vec<Missing> {
    let mut texts: Vec<(String, &Text)> = vec![("$.title".into(), &survey.title)];
    if let Some(d) = &survey.description {
        texts.push(("$.description".into(), d));
    }
    for (p, page) in survey.pages.iter().enumerate() {
        let at = format!("$.pages[{p}]");
        if let Some(t) = &page.title {
            texts.push((format!("{at}.title"), t));
        }
        for (q, question) in page.questions.iter().enumerate() {
            let at = format!("{at}.questions[{q}]");
            texts.push((format!("{at}.label"), &question.label));
            if let Some(h) = &question.help {
                texts.push((format!("{at}.help"), h));
            }
            if let Some((options, other)) = question.kind.choices() {
                for (o, option) in options.iter().enumerate() {
                    texts.push((format!("{at}.options[{o}].label"), &option.label));
                }
                if let Some(label) = other.and_then(|o| o.label.as_ref()) {
                    texts.push((format!("{at}.other"), label));
                }
            }
            match &question.kind {
                QuestionKind::Consent { text: Some(t) } => texts.push((format!("{at}.text"), t)),
                QuestionKind::Dropdown {
                    placeholder: Some(t),
                    ..
                } => texts.push((format!("{at}.placeholder"), t)),
                QuestionKind::Likert {
                    labels: Some(labels),
                    ..
                } => {
                    for (i, label) in labels.iter().enumerate() {
                        texts.push((format!("{at}.labels[{i}]"), label));
                    }
                }
                QuestionKind::Matrix { rows, columns } => {
                    for (i, row) in rows.iter().enumerate() {
                        texts.push((format!("{at}.rows[{i}].label"), &row.label));
                    }
                    for (i, column) in columns.iter().enumerate() {
                        texts.push((format!("{at}.columns[{i}].label"), &column.label));
                    }
                }
                // No texts of their own here: the kind has none beyond its
                // options, or leaves its optional ones out.
                QuestionKind::Consent { text: None }
                | QuestionKind::Likert { labels: None, .. }
                | QuestionKind::Dropdown {
                    placeholder: None, ..
                }
                | QuestionKind::SingleChoice { .. }
                | QuestionKind::MultiChoice { .. }
                | QuestionKind::ShortText { .. }
                | QuestionKind::LongText { .. }
                | QuestionKind::Rating { .. }
                | QuestionKind::Nps
                | QuestionKind::YesNo
                | QuestionKind::Number { .. }
                | QuestionKind::Date { .. }
                | QuestionKind::Smiley { .. }
                | QuestionKind::Ranking { .. } => {}
            }
        }
    }
    survey
        .locales
        .iter()
        .filter(|l| **l != survey.default_locale)
        .map(|locale| Missing {
            locale: locale.clone(),
            paths: texts
                .iter()
                .filter(|(_, t)| !t.has(locale))
                .map(|(path, _)| path.clone())
                .collect(),
        })
        .filter(|m| !m.paths.is_empty())
        .collect()
}
