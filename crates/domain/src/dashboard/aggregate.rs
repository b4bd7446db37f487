//! The aggregate CSV: the dashboard's tables as the page shows them, with
//! suppression applied, one record per cell and per statistic.

use std::borrow::Cow;

use crate::export::{neutralise, push_record};

use super::{Count, Table};

/// The aggregate CSV's columns, a published contract (see README,
/// "Aggregate CSV").
pub const AGGREGATE_COLUMNS: [&str; 10] = [
    "table",
    "question",
    "group_by",
    "group",
    "code",
    "count",
    "share",
    "baseline_share",
    "reach_ratio",
    "suppressed",
];

/// A figure as the CSV writes it: up to four decimals.
fn figure(v: Option<f64>) -> Cow<'static, str> {
    match v {
        Some(v) if v.is_finite() => Cow::Owned(super::decimal(v, 4, false)),
        _ => Cow::Borrowed(""),
    }
}

/// Whether `s` is a plain number (`-3`, `2.5`): written as it is, as the
/// responses' CSV writes numbers; any other text is neutralised against
/// formula injection.
fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let ok = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    ok(whole) && parts.next().is_none_or(ok)
}

fn text(s: &str) -> Cow<'_, str> {
    if is_number(s) {
        Cow::Borrowed(s)
    } else {
        neutralise(s)
    }
}

fn count(c: Count) -> (Cow<'static, str>, &'static str) {
    match c {
        Count::Shown(n) => (Cow::Owned(n.to_string()), "0"),
        Count::Hidden => (Cow::Borrowed(""), "1"),
    }
}

/// The tables as the aggregate CSV: RFC 4180 (CRLF records, quoted where
/// needed), the header [`AGGREGATE_COLUMNS`], a column empty where it does
/// not apply, and a hidden count and every figure made of it empty with
/// `suppressed` 1. A statistic's record (`table` `mean`, `nps` or
/// `mean_rank`) has the number of answers it is over in `count` and the
/// figure in `share`.
pub fn to_csv(tables: &[Table]) -> String {
    let mut out = String::new();
    push_record(&mut out, AGGREGATE_COLUMNS.map(Cow::Borrowed), ',');
    for t in tables {
        let group_by = t.group_by.as_deref().unwrap_or("");
        for row in &t.rows {
            let group = row.group.as_deref().unwrap_or("");
            for cell in &row.cells {
                let (n, suppressed) = count(cell.count);
                push_record(
                    &mut out,
                    [
                        Cow::Borrowed(t.table),
                        text(&t.question),
                        text(group_by),
                        text(group),
                        text(&cell.code),
                        n,
                        figure(cell.share),
                        figure(cell.baseline_share),
                        figure(cell.reach_ratio),
                        Cow::Borrowed(suppressed),
                    ],
                    ',',
                );
            }
            for stat in &row.stats {
                let hidden = stat.value.is_none() || stat.over == Count::Hidden;
                let (n, _) = count(if hidden { Count::Hidden } else { stat.over });
                push_record(
                    &mut out,
                    [
                        Cow::Borrowed(stat.table),
                        text(&t.question),
                        text(group_by),
                        text(group),
                        text(&stat.code),
                        n,
                        figure(if hidden { None } else { stat.value }),
                        Cow::Borrowed(""),
                        Cow::Borrowed(""),
                        Cow::Borrowed(if hidden { "1" } else { "0" }),
                    ],
                    ',',
                );
            }
        }
    }
    out
}
