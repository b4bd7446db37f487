//! What a question's answers are counted into: its cells (options, points,
//! bins), the subtotals and totals beside them, and the sums between them,
//! for every kind of question.

use crate::answer::other_text_key;
use crate::response::Response;
use crate::survey::{is_date, ChoiceOption, Question, QuestionKind, OTHER_VALUE};
use crate::value::AnswerValue;

use super::suppress::{Grid, Level};
use super::{PREFER_NOT_TO_SAY, TOTAL};

/// The reserved codes of the cells that are no option; an option's code
/// (letters, digits, `_` and `-`) can never be one of them.
pub const ANSWERED: &str = "(answered)";
pub const UNANSWERED: &str = "(unanswered)";
pub const INVALID: &str = "(invalid)";
pub const STATED: &str = "(stated)";
pub const ONLY_PREFER_NOT: &str = "(only_prefer_not_to_say)";

/// How a question's cells add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// One cell per answer (single choice, a point of a scale, a bin): the
    /// cells, the invalid and the unanswered add up to the total.
    OneOf,
    /// Any number of cells per answer (multiple choice): only the answered,
    /// invalid and unanswered add up.
    AnyOf,
    /// A whole order (ranking): counted as answered, with a mean rank per option.
    Order,
    /// Only answered or not (text, a number or date without bounds).
    Answered,
}

/// One cell of a question: its code, and the number it stands for (a
/// point of a scale) where a mean is taken.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Leaf {
    pub code: String,
    pub value: Option<f64>,
}

/// A question (or a matrix's statement) laid out for counting.
#[derive(Debug, Clone)]
pub(crate) struct Layout<'q> {
    pub question: &'q Question,
    /// The question's id, or `id.row` for a matrix's statement.
    pub name: String,
    /// The matrix statement's row value.
    pub row: Option<&'q str>,
    pub shape: Shape,
    pub leaves: Vec<Leaf>,
    /// NPS: detractors, passives, promoters, each over its leaves.
    pub buckets: Vec<(&'static str, Vec<usize>)>,
    /// The leaf of the `prefer_not_to_say` option, left out of `(stated)`.
    pub prefer_not: Option<usize>,
    /// Whether a mean of the leaves' values (or of the numbers) is shown.
    pub mean: bool,
    /// Whether an `(invalid)` cell is counted (only when some answer is one).
    pub invalid: bool,
}

/// Where one response's answer falls.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sorted {
    /// Into these leaves (one for [`Shape::OneOf`]), or answered with no
    /// leaf (text); for a ranking, the position of each option (0 first).
    Leaves(Vec<usize>),
    Invalid,
    Unanswered,
}

fn leaf(code: impl Into<String>, value: Option<f64>) -> Leaf {
    Leaf {
        code: code.into(),
        value,
    }
}

fn option_leaves(options: &[ChoiceOption], other: bool) -> Vec<Leaf> {
    let mut out: Vec<Leaf> = options.iter().map(|o| leaf(&o.value, None)).collect();
    if other {
        out.push(leaf(OTHER_VALUE, None));
    }
    out
}

fn points(range: std::ops::RangeInclusive<i64>) -> Vec<Leaf> {
    range.map(|n| leaf(n.to_string(), Some(n as f64))).collect()
}

/// A number as a bin's edge is written: `10`, `2.5`.
fn edge(v: f64) -> String {
    super::decimal(v, 4, true)
}

/// The bins of a number question between its bounds: each whole number
/// for a whole-number question of at most 21 values, else ten equal bins
/// `from..to` (the last one closed). None without both bounds: a bin from
/// the answers would show a person's answer as its edge.
fn number_bins(
    min: Option<&serde_json::Number>,
    max: Option<&serde_json::Number>,
    integer: bool,
) -> Option<Vec<Leaf>> {
    let (lo, hi) = (min?.as_f64()?, max?.as_f64()?);
    if hi <= lo {
        return None;
    }
    if integer && lo.fract() == 0.0 && hi.fract() == 0.0 && hi - lo <= 20.0 {
        return Some(points(lo as i64..=hi as i64));
    }
    let step = (hi - lo) / 10.0;
    Some(
        (0..10)
            .map(|i| {
                let from = lo + step * f64::from(i);
                let to = if i == 9 {
                    hi
                } else {
                    lo + step * f64::from(i + 1)
                };
                leaf(format!("{}..{}", edge(from), edge(to)), None)
            })
            .collect(),
    )
}

/// The months from `min` to `max` (`YYYY-MM-DD`), at most 36; None otherwise.
fn months(min: Option<&str>, max: Option<&str>) -> Option<Vec<Leaf>> {
    let month = |d: &str| -> Option<i64> {
        Some(d.get(0..4)?.parse::<i64>().ok()? * 12 + d.get(5..7)?.parse::<i64>().ok()? - 1)
    };
    let (a, b) = (month(min?)?, month(max?)?);
    if b < a || b - a >= 36 {
        return None;
    }
    Some(
        (a..=b)
            .map(|m| leaf(format!("{:04}-{:02}", m / 12, m % 12 + 1), None))
            .collect(),
    )
}

impl<'q> Layout<'q> {
    /// The layouts of a question: one, or one per statement of a matrix.
    pub fn of(question: &'q Question) -> Vec<Layout<'q>> {
        let base = |shape, leaves: Vec<Leaf>| Layout {
            question,
            name: question.id.clone(),
            row: None,
            shape,
            leaves,
            buckets: Vec::new(),
            prefer_not: None,
            mean: false,
            invalid: false,
        };
        let with_prefer_not = |mut l: Layout<'q>| {
            l.prefer_not = l.leaves.iter().position(|x| x.code == PREFER_NOT_TO_SAY);
            l
        };
        let scale = |leaves| Layout {
            mean: true,
            ..base(Shape::OneOf, leaves)
        };
        let layout = match &question.kind {
            QuestionKind::SingleChoice { options, other } => {
                with_prefer_not(base(Shape::OneOf, option_leaves(options, other.is_some())))
            }
            QuestionKind::Dropdown { options, .. } => {
                with_prefer_not(base(Shape::OneOf, option_leaves(options, false)))
            }
            QuestionKind::MultiChoice { options, other } => {
                with_prefer_not(base(Shape::AnyOf, option_leaves(options, other.is_some())))
            }
            QuestionKind::YesNo => base(Shape::OneOf, vec![leaf("1", None), leaf("0", None)]),
            QuestionKind::Consent { .. } => base(Shape::OneOf, vec![leaf("1", None)]),
            QuestionKind::Rating { min, max } => scale(points(i64::from(*min)..=i64::from(*max))),
            QuestionKind::Likert { points: n, .. } => scale(points(1..=i64::from(*n))),
            QuestionKind::Smiley { faces } => scale(points(1..=i64::from(*faces))),
            QuestionKind::Nps => Layout {
                buckets: vec![
                    ("detractors", (0..=6).collect()),
                    ("passives", vec![7, 8]),
                    ("promoters", vec![9, 10]),
                ],
                ..base(Shape::OneOf, points(0..=10))
            },
            QuestionKind::Number { min, max, integer } => {
                match number_bins(min.as_ref(), max.as_ref(), *integer) {
                    Some(bins) => Layout {
                        mean: true,
                        ..base(Shape::OneOf, bins)
                    },
                    None => Layout {
                        mean: true,
                        ..base(Shape::Answered, Vec::new())
                    },
                }
            }
            QuestionKind::Date { min, max } => match months(min.as_deref(), max.as_deref()) {
                Some(m) => base(Shape::OneOf, m),
                None => base(Shape::Answered, Vec::new()),
            },
            QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => {
                base(Shape::Answered, Vec::new())
            }
            QuestionKind::Ranking { options } => base(Shape::Order, option_leaves(options, false)),
            QuestionKind::Matrix { rows, columns } => {
                return rows
                    .iter()
                    .map(|r| Layout {
                        name: format!("{}.{}", question.id, r.value),
                        row: Some(&r.value),
                        ..base(Shape::OneOf, option_leaves(columns, false))
                    })
                    .collect()
            }
        };
        vec![layout]
    }

    fn leaf_of(&self, code: &str) -> Option<usize> {
        self.leaves.iter().position(|l| l.code == code)
    }

    /// The number a response answered, for a mean (numbers and scales).
    pub fn value(&self, response: &Response) -> Option<f64> {
        match response.answers.get(&self.question.id)? {
            AnswerValue::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// Where `response`'s answer falls.
    pub fn sort(&self, response: &Response) -> Sorted {
        let Some(value) = response
            .answers
            .get(&self.question.id)
            .filter(|v| v.is_answered())
        else {
            return Sorted::Unanswered;
        };
        let one = |i: Option<usize>| i.map_or(Sorted::Invalid, |i| Sorted::Leaves(vec![i]));
        match (&self.question.kind, value) {
            (
                QuestionKind::SingleChoice { .. } | QuestionKind::Dropdown { .. },
                AnswerValue::Text(v),
            ) => one(self.leaf_of(v)),
            (QuestionKind::MultiChoice { .. }, AnswerValue::Choices(vs)) => {
                let mut out: Vec<usize> = vs.iter().filter_map(|v| self.leaf_of(v)).collect();
                out.sort_unstable();
                out.dedup();
                if out.is_empty() {
                    Sorted::Invalid
                } else {
                    Sorted::Leaves(out)
                }
            }
            (QuestionKind::YesNo, AnswerValue::Bool(b)) => one(Some(usize::from(!*b))),
            (QuestionKind::Consent { .. }, AnswerValue::Bool(true)) => one(Some(0)),
            (QuestionKind::Consent { .. }, AnswerValue::Bool(false)) => Sorted::Unanswered,
            (
                QuestionKind::Rating { .. }
                | QuestionKind::Likert { .. }
                | QuestionKind::Smiley { .. }
                | QuestionKind::Nps,
                AnswerValue::Number(n),
            ) => one(n.as_i64().and_then(|n| self.leaf_of(&n.to_string()))),
            (QuestionKind::Number { min, max, .. }, AnswerValue::Number(n)) => {
                let Some(v) = n.as_f64() else {
                    return Sorted::Invalid;
                };
                if self.shape == Shape::Answered {
                    return Sorted::Leaves(Vec::new());
                }
                let (Some(lo), Some(hi)) = (
                    min.as_ref().and_then(serde_json::Number::as_f64),
                    max.as_ref().and_then(serde_json::Number::as_f64),
                ) else {
                    return Sorted::Invalid;
                };
                if !(lo..=hi).contains(&v) {
                    return Sorted::Invalid;
                }
                if self.leaves.len() == 10 && self.leaves[0].value.is_none() {
                    let i = (((v - lo) / (hi - lo)) * 10.0).floor() as usize;
                    one(Some(i.min(9)))
                } else {
                    one(self.leaf_of(&n.to_string()).or_else(|| {
                        (v.fract() == 0.0)
                            .then(|| self.leaf_of(&(v as i64).to_string()))
                            .flatten()
                    }))
                }
            }
            (QuestionKind::Date { .. }, AnswerValue::Text(d)) if is_date(d) => {
                if self.shape == Shape::Answered {
                    Sorted::Leaves(Vec::new())
                } else {
                    one(self.leaf_of(&d[..7]))
                }
            }
            (
                QuestionKind::ShortText { .. } | QuestionKind::LongText { .. },
                AnswerValue::Text(_),
            ) => Sorted::Leaves(Vec::new()),
            (QuestionKind::Ranking { options }, AnswerValue::Choices(order)) => {
                match crate::answer::ranking(options, order) {
                    // order[p] = option at position p; out[option] = position.
                    Some(order) => {
                        let mut out = vec![0; order.len()];
                        for (p, o) in order.into_iter().enumerate() {
                            out[o] = p;
                        }
                        Sorted::Leaves(out)
                    }
                    None => Sorted::Invalid,
                }
            }
            (QuestionKind::Matrix { .. }, AnswerValue::Rows(rows)) => {
                let row = self.row.unwrap_or_default();
                match rows.iter().find(|(r, _)| r == row) {
                    Some((_, c)) => one(self.leaf_of(c)),
                    None => Sorted::Unanswered,
                }
            }
            (
                QuestionKind::SingleChoice { .. }
                | QuestionKind::MultiChoice { .. }
                | QuestionKind::ShortText { .. }
                | QuestionKind::LongText { .. }
                | QuestionKind::Rating { .. }
                | QuestionKind::Nps
                | QuestionKind::Consent { .. }
                | QuestionKind::YesNo
                | QuestionKind::Number { .. }
                | QuestionKind::Date { .. }
                | QuestionKind::Dropdown { .. }
                | QuestionKind::Likert { .. }
                | QuestionKind::Smiley { .. }
                | QuestionKind::Matrix { .. }
                | QuestionKind::Ranking { .. },
                _,
            ) => Sorted::Invalid,
        }
    }

    /// The "other, please describe" text of a response that chose other.
    pub fn other_text<'r>(&self, response: &'r Response) -> Option<&'r str> {
        match response.answers.get(&other_text_key(&self.question.id)) {
            Some(AnswerValue::Text(t)) => Some(t),
            _ => None,
        }
    }
}

/// The counts of one group of responses for one layout.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tally {
    pub leaves: Vec<u64>,
    pub invalid: u64,
    pub unanswered: u64,
    pub answered: u64,
    pub total: u64,
    /// Answered with at least one leaf other than `prefer_not_to_say`.
    pub stated: u64,
    /// A ranking: the sum of each option's positions (from 1).
    pub rank_sums: Vec<u64>,
    /// The answered numbers' sum and count, for a mean.
    pub value_sum: f64,
    pub value_n: u64,
}

impl Tally {
    /// Counts `responses` into `layout`'s cells.
    pub fn of<'r>(layout: &Layout, responses: impl IntoIterator<Item = &'r Response>) -> Tally {
        let n = layout.leaves.len();
        let mut t = Tally {
            leaves: vec![0; n],
            rank_sums: vec![0; n],
            ..Tally::default()
        };
        for r in responses {
            t.total += 1;
            match layout.sort(r) {
                Sorted::Unanswered => t.unanswered += 1,
                Sorted::Invalid => t.invalid += 1,
                Sorted::Leaves(ls) => {
                    t.answered += 1;
                    if layout.shape == Shape::Order {
                        for (o, p) in ls.iter().enumerate() {
                            t.rank_sums[o] += *p as u64 + 1;
                        }
                    } else {
                        for &l in &ls {
                            t.leaves[l] += 1;
                        }
                    }
                    if ls.iter().any(|&l| Some(l) != layout.prefer_not) || ls.is_empty() {
                        t.stated += 1;
                    }
                    if layout.mean {
                        if let Some(v) = layout.value(r) {
                            t.value_sum += v;
                            t.value_n += 1;
                        }
                    }
                }
            }
        }
        t
    }
}

/// The entries one row of a table put in a [`Grid`], by code, in the order
/// they are shown; the same codes in the same order in every row of a layout.
#[derive(Debug, Clone)]
pub(crate) struct RowEntries {
    /// (code, entry) for every cell shown, the total last.
    pub cells: Vec<(String, usize)>,
    pub leaves: Vec<usize>,
    pub buckets: Vec<usize>,
    pub answered: Option<usize>,
    pub total: usize,
}

/// Puts the row `t` of `layout` into `grid`, with its sums.
pub(crate) fn push_row(grid: &mut Grid, layout: &Layout, t: &Tally) -> RowEntries {
    let mut cells = Vec::new();
    let mut leaves = Vec::new();
    let counted = layout.shape == Shape::OneOf || layout.shape == Shape::AnyOf;
    if counted {
        for (i, l) in layout.leaves.iter().enumerate() {
            let e = grid.push(t.leaves[i], Level::Leaf);
            cells.push((l.code.clone(), e));
            leaves.push(e);
        }
    }
    let mut buckets = Vec::new();
    for (name, parts) in &layout.buckets {
        let sum = parts.iter().map(|&p| t.leaves[p]).sum();
        let e = grid.push(sum, Level::Subtotal);
        grid.line(parts.iter().map(|&p| leaves[p]).collect(), e);
        cells.push(((*name).to_owned(), e));
        buckets.push(e);
    }
    let invalid = layout.invalid.then(|| grid.push(t.invalid, Level::Leaf));
    let unanswered = grid.push(t.unanswered, Level::Leaf);
    let mut top: Vec<usize> = Vec::new();
    let mut answered = None;
    match layout.shape {
        Shape::OneOf => {
            if !layout.buckets.is_empty() {
                top.extend(&buckets);
            } else if layout.question.kind.choices().is_some() {
                // Choice questions: the options other than prefer-not-to-say
                // add up to `(stated)`, the base of reach's shares.
                let parts: Vec<usize> = (0..leaves.len())
                    .filter(|&i| Some(i) != layout.prefer_not)
                    .map(|i| leaves[i])
                    .collect();
                let e = grid.push(t.stated, Level::Subtotal);
                grid.line(parts, e);
                cells.push((STATED.to_owned(), e));
                top.push(e);
                top.extend(layout.prefer_not.map(|p| leaves[p]));
            } else {
                top.extend(&leaves);
            }
        }
        Shape::AnyOf | Shape::Order | Shape::Answered => {
            let e = grid.push(t.answered, Level::Subtotal);
            cells.push((ANSWERED.to_owned(), e));
            answered = Some(e);
            top.push(e);
            if layout.prefer_not.is_some() {
                let s = grid.push(t.stated, Level::Subtotal);
                let only = grid.push(t.answered - t.stated, Level::Leaf);
                grid.line(vec![s, only], e);
                cells.push((STATED.to_owned(), s));
                cells.push((ONLY_PREFER_NOT.to_owned(), only));
            }
        }
    }
    if let Some(e) = invalid {
        cells.push((INVALID.to_owned(), e));
        top.push(e);
    }
    cells.push((UNANSWERED.to_owned(), unanswered));
    top.push(unanswered);
    let total = grid.push(t.total, Level::Total);
    grid.line(top, total);
    cells.push((TOTAL.to_owned(), total));
    RowEntries {
        cells,
        leaves,
        buckets,
        answered,
        total,
    }
}
