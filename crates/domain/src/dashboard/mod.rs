//! The organiser's dashboard: what the responses say, counted, with small
//! groups protected. The page only draws these tables.
//!
//! - [`Dataset::gather`] merges responses from several sources (the
//!   device's store, export files) by [`crate::merge`]'s rules: a copy is
//!   counted once, and an id with two bodies is a conflict, reported and
//!   counted in no table until a person resolves it.
//! - [`Dashboard`] counts: the overview (responses in total, per day, per
//!   language, per source; partial ones apart), each question, a question
//!   broken down by a choice question, and reach against a [`Baseline`].
//!   Only complete responses are counted in the tables of questions and in
//!   reach; partial ones (kept by a kiosk) are counted in the overview only.
//! - Every count goes through [`suppress`]: one below k is hidden, enough
//!   others beside it that it cannot be worked out, and a group whose size
//!   is hidden is never broken down. A share, a mean or a score is shown
//!   only where every count it is made of is.
//! - [`to_csv`] writes the tables as the aggregate CSV.

mod aggregate;
pub mod baseline;
mod layout;
pub mod suppress;

use std::collections::BTreeMap;

use crate::merge::{self, Conflict};
use crate::response::Response;
use crate::survey::{Question, QuestionKind, Survey, OTHER_VALUE};
use crate::zone::{self, UtcOffset};

pub use aggregate::{to_csv, AGGREGATE_COLUMNS};
pub use baseline::{Baseline, BaselineError, BaselineProblem};
pub use layout::{ANSWERED, INVALID, ONLY_PREFER_NOT, STATED, UNANSWERED};

use layout::{push_row, Layout, RowEntries, Shape, Sorted, Tally};
use suppress::{Fixed, Grid, Level};

/// The code of a row's total.
pub const TOTAL: &str = "(total)";

/// The option code that is left out of reach's shares, as an unanswered
/// question is.
pub const PREFER_NOT_TO_SAY: &str = "prefer_not_to_say";

/// `v` with `places` decimals, rounded half away from zero (`0.5020`),
/// without trailing zeros when `trim` (`0.502`, `40`). Written with
/// integers: the float formatter would add about 10 KB gzip to the page.
pub fn decimal(v: f64, places: u32, trim: bool) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let scale = 10u64.pow(places);
    let n = (v.abs() * scale as f64).round() as u64;
    let sign = if v < 0.0 && n != 0 { "-" } else { "" };
    let mut s = format!("{sign}{}", n / scale);
    if places > 0 {
        let frac = format!("{:0width$}", n % scale, width = places as usize);
        let frac = if trim {
            frac.trim_end_matches('0')
        } else {
            &frac
        };
        if !frac.is_empty() {
            s.push('.');
            s.push_str(frac);
        }
    }
    s
}

/// Responses from one place: an export file (by its name) or this device.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub responses: Vec<Response>,
}

/// The responses of every source, merged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// The sources' names, in the order given.
    pub sources: Vec<String>,
    /// Each response of the survey once, oldest first (complete and partial).
    pub responses: Vec<Response>,
    /// For each of `responses`, the source it was first seen in.
    pub first_seen: Vec<usize>,
    /// The ids with more than one body: every body kept, none counted.
    pub conflicts: Vec<Conflict>,
    /// Copies of a response already held, left out.
    pub duplicates: usize,
    /// Responses to another survey (another `survey_id`), left out.
    pub other_survey: usize,
}

impl Dataset {
    /// Merges `sources`' responses to `survey` (see [`crate::merge`]).
    pub fn gather(survey: &Survey, sources: Vec<Source>) -> Dataset {
        let mut first: BTreeMap<String, usize> = BTreeMap::new();
        let mut names = Vec::new();
        let mut all = Vec::new();
        let mut other_survey = 0;
        for (i, s) in sources.into_iter().enumerate() {
            names.push(s.name);
            for r in s.responses {
                if r.survey_id != survey.id {
                    other_survey += 1;
                    continue;
                }
                first.entry(r.id.clone()).or_insert(i);
                all.push(r);
            }
        }
        let merged = merge::merge(all);
        let first_seen = merged
            .responses
            .iter()
            .map(|r| first.get(&r.id).copied().unwrap_or(0))
            .collect();
        Dataset {
            sources: names,
            responses: merged.responses,
            first_seen,
            conflicts: merged.conflicts,
            duplicates: merged.duplicates,
            other_survey,
        }
    }
}

/// A count as shown: its value, or hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Shown(u64),
    /// Hidden by suppression: fewer than k, or hidden so that one cannot be
    /// worked out (the two are not told apart, see [`suppress`]).
    Hidden,
}

impl Count {
    /// The value, when shown.
    pub fn shown(self) -> Option<u64> {
        match self {
            Count::Shown(n) => Some(n),
            Count::Hidden => None,
        }
    }
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// An option's code, a point of a scale, a day, a language, or one of
    /// the reserved codes in brackets ([`TOTAL`], [`UNANSWERED`], ...).
    pub code: String,
    pub count: Count,
    /// The count over the row's total (for reach, over `(stated)`), when
    /// both are shown.
    pub share: Option<f64>,
    /// Reach: the population's share of this group.
    pub baseline_share: Option<f64>,
    /// Reach: `share` over `baseline_share`.
    pub reach_ratio: Option<f64>,
}

/// A figure made of a row's counts: a mean, an NPS score, a mean rank.
#[derive(Debug, Clone, PartialEq)]
pub struct Stat {
    /// `mean`, `nps` or `mean_rank`: the aggregate CSV's `table`.
    pub table: &'static str,
    /// `(mean)`, `(nps)`, or the ranked option's code.
    pub code: String,
    /// How many answers it is over, when shown.
    pub over: Count,
    /// The figure (the NPS as a fraction from -1 to 1), or None when any
    /// count it is made of is hidden.
    pub value: Option<f64>,
}

/// One row of a table: every response, or one group of a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The group's code; None for every response.
    pub group: Option<String>,
    pub cells: Vec<Cell>,
    pub stats: Vec<Stat>,
}

impl Row {
    /// The cell with this code.
    pub fn cell(&self, code: &str) -> Option<&Cell> {
        self.cells.iter().find(|c| c.code == code)
    }

    /// The statistic with this code.
    pub fn stat(&self, code: &str) -> Option<&Stat> {
        self.stats.iter().find(|c| c.code == code)
    }
}

/// A table as the page shows it and the aggregate CSV writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// `responses`, `day`, `language`, `source`, `question` or `reach`.
    pub table: &'static str,
    /// The question's id (`id.row` for a matrix's statement); empty for the overview.
    pub question: String,
    /// The question it is broken down by.
    pub group_by: Option<String>,
    /// Every response first, then each group.
    pub rows: Vec<Row>,
}

impl Table {
    /// The row of every response.
    pub fn all(&self) -> &Row {
        &self.rows[0]
    }

    /// The row of the group `code`.
    pub fn group(&self, code: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.group.as_deref() == Some(code))
    }
}

/// Why a question cannot be broken down by another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakdownError {
    /// No question has this id.
    NoQuestion(String),
    /// Only single and multiple choice, drop-down and yes/no questions make groups.
    NotGroups(String),
    /// A question broken down by itself.
    Itself(String),
}

/// The counts of one survey's responses, suppressed at `k`.
pub struct Dashboard<'a> {
    survey: &'a Survey,
    data: &'a Dataset,
    k: u64,
    zone: Option<&'a dyn UtcOffset>,
    /// The complete responses, counted in the questions' tables.
    complete: Vec<&'a Response>,
    /// Whether their number is shown (the overview decides).
    total: Count,
}

fn share(count: Count, of: Count) -> Option<f64> {
    match (count, of) {
        (Count::Shown(c), Count::Shown(n)) if n > 0 => Some(c as f64 / n as f64),
        _ => None,
    }
}

/// The shown counts of `grid` after suppression.
fn counts(grid: &Grid, k: u64) -> Vec<Count> {
    grid.suppress(k)
        .into_iter()
        .zip(&grid.values)
        .map(|(h, &v)| if h { Count::Hidden } else { Count::Shown(v) })
        .collect()
}

fn fixed(count: Count) -> Fixed {
    match count {
        Count::Shown(_) => Fixed::Shown,
        Count::Hidden => Fixed::Hidden,
    }
}

/// One-line tables of the overview: `parts` (code, count) adding up to a
/// total fixed as `total`.
fn one_line(table: &'static str, parts: Vec<(String, u64)>, total: (u64, Count), k: u64) -> Table {
    let mut grid = Grid::default();
    let ids: Vec<usize> = parts
        .iter()
        .map(|(_, n)| grid.push(*n, Level::Leaf))
        .collect();
    let t = grid.push(total.0, Level::Total);
    grid.fixed[t] = fixed(total.1);
    if total.1 == Count::Hidden {
        for &i in &ids {
            grid.fixed[i] = Fixed::Hidden;
        }
    }
    grid.line(ids.clone(), t);
    let shown = counts(&grid, k);
    let mut cells: Vec<Cell> = parts
        .into_iter()
        .zip(&ids)
        .map(|((code, _), &i)| Cell {
            code,
            count: shown[i],
            share: share(shown[i], shown[t]),
            baseline_share: None,
            reach_ratio: None,
        })
        .collect();
    cells.push(plain(TOTAL, shown[t]));
    Table {
        table,
        question: String::new(),
        group_by: None,
        rows: vec![Row {
            group: None,
            cells,
            stats: Vec::new(),
        }],
    }
}

fn plain(code: &str, count: Count) -> Cell {
    Cell {
        code: code.to_owned(),
        count,
        share: None,
        baseline_share: None,
        reach_ratio: None,
    }
}

/// A layout's rows counted into one grid, before suppression.
struct Counted<'q> {
    layout: Layout<'q>,
    grid: Grid,
    rows: Vec<(Option<String>, Tally, RowEntries)>,
}

impl<'a> Dashboard<'a> {
    /// Counts `data`'s responses to `survey`, hiding what is below `k`
    /// (at least 1), with days in `zone` (as the timestamps are written
    /// without one: UTC).
    pub fn new(
        survey: &'a Survey,
        data: &'a Dataset,
        k: u64,
        zone: Option<&'a dyn UtcOffset>,
    ) -> Dashboard<'a> {
        let complete: Vec<&Response> = data.responses.iter().filter(|r| !r.partial).collect();
        let mut d = Dashboard {
            survey,
            data,
            k: k.max(1),
            zone,
            complete,
            total: Count::Hidden,
        };
        d.total = d.responses_table().all().cells[0].count;
        d
    }

    /// The threshold: counts below it are hidden.
    pub fn k(&self) -> u64 {
        self.k
    }

    /// Responses counted: complete, partial, and in all.
    fn responses_table(&self) -> Table {
        let complete = self.complete.len() as u64;
        let all = self.data.responses.len() as u64;
        let mut grid = Grid::default();
        let c = grid.push(complete, Level::Leaf);
        let p = grid.push(all - complete, Level::Leaf);
        let t = grid.push(all, Level::Total);
        grid.line(vec![c, p], t);
        // The complete responses are the base of every other table: a few
        // partial ones hide the sum of both, not them.
        if complete >= self.k {
            grid.fixed[c] = Fixed::Shown;
        }
        let shown = counts(&grid, self.k);
        // All hidden when there are fewer than k in all: nothing of a group
        // that small is broken down.
        let hide_all = all < self.k;
        let count = |i: usize| if hide_all { Count::Hidden } else { shown[i] };
        Table {
            table: "responses",
            question: String::new(),
            group_by: None,
            rows: vec![Row {
                group: None,
                cells: vec![
                    Cell {
                        share: share(count(c), count(t)),
                        ..plain("complete", count(c))
                    },
                    Cell {
                        share: share(count(p), count(t)),
                        ..plain("partial", count(p))
                    },
                    plain(TOTAL, count(t)),
                ],
                stats: Vec::new(),
            }],
        }
    }

    /// The day a response was submitted on, in the dashboard's zone.
    fn day(&self, r: &Response) -> String {
        let local = match self.zone {
            Some(z) => zone::in_zone(&r.submitted_at, z),
            None => None,
        };
        let t = local.as_deref().unwrap_or(&r.submitted_at);
        match t.get(..10) {
            Some(d) if crate::survey::is_date(d) => d.to_owned(),
            _ => "unknown".to_owned(),
        }
    }

    /// The overview: responses (complete, partial, in all), then the
    /// complete ones per day, per language and per source (the source it
    /// was first seen in).
    pub fn overview(&self) -> Vec<Table> {
        let n = (self.complete.len() as u64, self.total);
        let mut days: BTreeMap<String, u64> = BTreeMap::new();
        let mut langs: BTreeMap<String, u64> = BTreeMap::new();
        for l in &self.survey.locales {
            langs.insert(l.to_string(), 0);
        }
        let mut sources = vec![0u64; self.data.sources.len()];
        for (r, &s) in self.data.responses.iter().zip(&self.data.first_seen) {
            if r.partial {
                continue;
            }
            *days.entry(self.day(r)).or_default() += 1;
            *langs.entry(r.locale.clone()).or_default() += 1;
            sources[s] += 1;
        }
        vec![
            self.responses_table(),
            one_line("day", days.into_iter().collect(), n, self.k),
            one_line("language", langs.into_iter().collect(), n, self.k),
            one_line(
                "source",
                self.data.sources.iter().cloned().zip(sources).collect(),
                n,
                self.k,
            ),
        ]
    }

    fn counted<'q>(&self, layout: Layout<'q>) -> Counted<'q> {
        let mut layout = layout;
        let all = Tally::of(&layout, self.complete.iter().copied());
        layout.invalid = all.invalid > 0;
        let mut grid = Grid::default();
        let entries = push_row(&mut grid, &layout, &all);
        Counted {
            layout,
            grid,
            rows: vec![(None, all, entries)],
        }
    }

    /// The tables of the question `id`: one, or one per statement of a matrix.
    pub fn question(&self, id: &str) -> Option<Vec<Table>> {
        let q = self.survey.question(id)?;
        Some(
            Layout::of(q)
                .into_iter()
                .map(|l| {
                    let (c, shown) = self.alone(l);
                    self.table(&c, &[shown], None)
                })
                .collect(),
        )
    }

    /// Every question's tables, in survey order.
    pub fn questions(&self) -> Vec<Table> {
        self.survey
            .questions()
            .flat_map(|q| self.question(&q.id).unwrap_or_default())
            .collect()
    }

    /// A layout counted over every response and suppressed alone, the
    /// total fixed as the overview shows it; the counts by cell.
    fn alone<'q>(&self, layout: Layout<'q>) -> (Counted<'q>, Vec<Count>) {
        let mut c = self.counted(layout);
        let entries = c.rows[0].2.clone();
        c.grid.fixed[entries.total] = fixed(self.total);
        if self.total == Count::Hidden {
            for (_, e) in &entries.cells {
                c.grid.fixed[*e] = Fixed::Hidden;
            }
        }
        let shown = counts(&c.grid, self.k);
        let by_cell = entries.cells.iter().map(|(_, e)| shown[*e]).collect();
        (c, by_cell)
    }

    /// The table of `c`, whose rows' counts by cell are `shown`.
    fn table(&self, c: &Counted, shown: &[Vec<Count>], group_by: Option<&str>) -> Table {
        let rows = c
            .rows
            .iter()
            .zip(shown)
            .map(|((group, tally, entries), counts)| {
                self.row(&c.layout, group.clone(), tally, entries, counts)
            })
            .collect();
        Table {
            table: "question",
            question: c.layout.name.clone(),
            group_by: group_by.map(str::to_owned),
            rows,
        }
    }

    fn row(
        &self,
        layout: &Layout,
        group: Option<String>,
        tally: &Tally,
        entries: &RowEntries,
        shown: &[Count],
    ) -> Row {
        let total = *shown.last().unwrap_or(&Count::Hidden);
        let at = |e: usize| {
            entries
                .cells
                .iter()
                .position(|(_, x)| *x == e)
                .map_or(Count::Hidden, |j| shown[j])
        };
        let cells = entries
            .cells
            .iter()
            .zip(shown)
            .map(|((code, e), &count)| Cell {
                share: (*e != entries.total).then(|| share(count, total)).flatten(),
                ..plain(code, count)
            })
            .collect();
        let mut stats = Vec::new();
        let answered_count = entries.answered.map(at);
        if layout.mean {
            let all_shown = match layout.shape {
                Shape::OneOf => entries.leaves.iter().all(|&e| at(e) != Count::Hidden),
                _ => answered_count.is_some_and(|c| c != Count::Hidden),
            };
            let over = if all_shown {
                Count::Shown(tally.value_n)
            } else {
                Count::Hidden
            };
            stats.push(Stat {
                table: "mean",
                code: "(mean)".to_owned(),
                over,
                value: (all_shown && tally.value_n > 0)
                    .then(|| tally.value_sum / tally.value_n as f64),
            });
        }
        if !layout.buckets.is_empty() {
            let b: Vec<Count> = entries.buckets.iter().map(|&e| at(e)).collect();
            let value = match b.as_slice() {
                [Count::Shown(d), Count::Shown(p), Count::Shown(pr)] if d + p + pr > 0 => {
                    Some((*pr as f64 - *d as f64) / (d + p + pr) as f64)
                }
                _ => None,
            };
            stats.push(Stat {
                table: "nps",
                code: "(nps)".to_owned(),
                over: if value.is_some() {
                    Count::Shown(tally.leaves.iter().sum())
                } else {
                    Count::Hidden
                },
                value,
            });
        }
        if layout.shape == Shape::Order {
            let over = answered_count.unwrap_or(Count::Hidden);
            for (o, l) in layout.leaves.iter().enumerate() {
                stats.push(Stat {
                    table: "mean_rank",
                    code: l.code.clone(),
                    over,
                    value: match over {
                        Count::Shown(n) if n > 0 => Some(tally.rank_sums[o] as f64 / n as f64),
                        _ => None,
                    },
                });
            }
        }
        Row {
            group,
            cells,
            stats,
        }
    }
}

/// Why text answers are not listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextsError {
    /// The question does not exist, or has no text to list (only text
    /// questions and the "other" of a choice question have).
    NoTexts(String),
    /// A breakdown's error, for the filter.
    Filter(BreakdownError),
    /// The group, or the number of its texts, is hidden: listing them
    /// would count them.
    Hidden,
}

impl<'a> Dashboard<'a> {
    /// The groups of `g`'s own table: (code, count as shown, members' test).
    fn group_rows(&self, g: &'a Question) -> Vec<(String, Count)> {
        let (c, shown) = self.alone(Layout::of(g).remove(0));
        let e = &c.rows[0].2;
        let mut out: Vec<(String, Count)> = c
            .layout
            .leaves
            .iter()
            .map(|l| {
                let j = e.cells.iter().position(|(code, _)| *code == l.code);
                (l.code.clone(), j.map_or(Count::Hidden, |j| shown[j]))
            })
            .collect();
        for code in [INVALID, UNANSWERED] {
            if let Some(j) = e.cells.iter().position(|(c, _)| c == code) {
                out.push((code.to_owned(), shown[j]));
            }
        }
        out
    }

    /// The question `id` broken down by the choice question `by`: one
    /// table per statement of a matrix, each with the row of every
    /// response (as the question's own table shows it) and a row per group
    /// of `by` (its options, `other`, and those who did not answer it). A
    /// group whose size `by`'s own table hides is not broken down.
    pub fn breakdown(&self, id: &str, by: &str) -> Result<Vec<Table>, BreakdownError> {
        let q = self
            .survey
            .question(id)
            .ok_or_else(|| BreakdownError::NoQuestion(id.to_owned()))?;
        let g = self
            .survey
            .question(by)
            .ok_or_else(|| BreakdownError::NoQuestion(by.to_owned()))?;
        if id == by {
            return Err(BreakdownError::Itself(id.to_owned()));
        }
        let partition = groups(g).ok_or_else(|| BreakdownError::NotGroups(by.to_owned()))?;
        let glayout = Layout::of(g).remove(0);
        let group_rows = self.group_rows(g);
        let mut members: Vec<Vec<&Response>> = vec![Vec::new(); group_rows.len()];
        let at = |code: &str| group_rows.iter().position(|(c, _)| c == code);
        for &r in &self.complete {
            let codes: Vec<usize> = match glayout.sort(r) {
                Sorted::Leaves(ls) => ls,
                Sorted::Invalid => at(INVALID).into_iter().collect(),
                Sorted::Unanswered => at(UNANSWERED).into_iter().collect(),
            };
            for i in codes {
                members[i].push(r);
            }
        }
        let mut tables = Vec::new();
        for layout in Layout::of(q) {
            let (mut c, all) = self.alone(layout);
            let first = c.rows[0].2.clone();
            for (j, (_, e)) in first.cells.iter().enumerate() {
                c.grid.fixed[*e] = fixed(all[j]);
            }
            for ((code, size), rs) in group_rows.iter().zip(&members) {
                let tally = Tally::of(&c.layout, rs.iter().copied());
                let entries = push_row(&mut c.grid, &c.layout, &tally);
                c.grid.fixed[entries.total] = fixed(*size);
                if *size == Count::Hidden {
                    for (_, e) in &entries.cells {
                        c.grid.fixed[*e] = Fixed::Hidden;
                    }
                }
                c.rows.push((Some(code.clone()), tally, entries));
            }
            if partition {
                for j in 0..first.cells.len() {
                    let parts = c.rows[1..].iter().map(|(_, _, e)| e.cells[j].1).collect();
                    c.grid.line(parts, first.cells[j].1);
                }
            }
            let hidden = counts(&c.grid, self.k);
            let shown: Vec<Vec<Count>> = c
                .rows
                .iter()
                .map(|(_, _, e)| e.cells.iter().map(|(_, x)| hidden[*x]).collect())
                .collect();
            tables.push(self.table(&c, &shown, Some(by)));
        }
        Ok(tables)
    }

    /// The text answers of the question `id` (a text question's, or the
    /// "other" descriptions of a choice question's), of the group `filter`
    /// (a choice question's id and one of its codes) or of every response,
    /// that hold `search` (case ignored; empty for all), oldest first.
    /// Listed only where their number is shown in the table they belong to.
    pub fn texts(
        &self,
        id: &str,
        filter: Option<(&str, &str)>,
        search: &str,
    ) -> Result<Vec<&'a str>, TextsError> {
        let q = self
            .survey
            .question(id)
            .ok_or_else(|| TextsError::NoTexts(id.to_owned()))?;
        let code = match &q.kind {
            QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => ANSWERED,
            QuestionKind::SingleChoice { other: Some(_), .. }
            | QuestionKind::MultiChoice { other: Some(_), .. } => OTHER_VALUE,
            QuestionKind::SingleChoice { .. }
            | QuestionKind::MultiChoice { .. }
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
            | QuestionKind::Ranking { .. } => return Err(TextsError::NoTexts(id.to_owned())),
        };
        let layout = Layout::of(q).remove(0);
        let (table, members): (Table, Option<(Layout, &str)>) = match filter {
            None => (self.question(id).unwrap_or_default().remove(0), None),
            Some((by, group)) => {
                let t = self
                    .breakdown(id, by)
                    .map_err(TextsError::Filter)?
                    .remove(0);
                let g = self.survey.question(by).map(|g| Layout::of(g).remove(0));
                (t, g.map(|g| (g, group)))
            }
        };
        let row = match &members {
            None => Some(table.all()),
            Some((_, group)) => table.group(group),
        };
        if !row
            .and_then(|r| r.cell(code))
            .is_some_and(|c| c.count != Count::Hidden)
        {
            return Err(TextsError::Hidden);
        }
        let wanted = search.trim().to_lowercase();
        let mut out = Vec::new();
        for &r in &self.complete {
            if let Some((g, group)) = &members {
                let inside = match g.sort(r) {
                    Sorted::Leaves(ls) => ls.iter().any(|&l| g.leaves[l].code == *group),
                    Sorted::Invalid => *group == INVALID,
                    Sorted::Unanswered => *group == UNANSWERED,
                };
                if !inside {
                    continue;
                }
            }
            let text = match layout.sort(r) {
                Sorted::Leaves(ls) if code == ANSWERED => match r.answers.get(&q.id) {
                    Some(crate::value::AnswerValue::Text(t)) if ls.is_empty() => Some(t.as_str()),
                    _ => None,
                },
                Sorted::Leaves(ls) if ls.iter().any(|&l| layout.leaves[l].code == OTHER_VALUE) => {
                    layout.other_text(r)
                }
                _ => None,
            };
            if let Some(t) = text {
                if wanted.is_empty() || t.to_lowercase().contains(&wanted) {
                    out.push(t);
                }
            }
        }
        Ok(out)
    }

    /// Reach: for each item of `baseline`, each group's share of the
    /// respondents who gave one (those who preferred not to say and those
    /// who did not answer are counted apart and left out of the shares),
    /// beside the population's share and their ratio; the groups with a
    /// ratio shown come first, the most under-reached first, then the
    /// others in the question's order. The counts are the question's own
    /// table's, suppressed as there.
    pub fn reach(&self, baseline: &Baseline) -> Vec<Table> {
        let mut tables = Vec::new();
        for (id, shares) in &baseline.shares {
            let Some(q) = self.survey.question(id) else {
                continue;
            };
            let (c, shown) = self.alone(Layout::of(q).remove(0));
            let entries = &c.rows[0].2;
            let count_of = |code: &str| {
                entries
                    .cells
                    .iter()
                    .position(|(c, _)| c == code)
                    .map(|j| shown[j])
            };
            let base = count_of(STATED)
                .or_else(|| count_of(ANSWERED))
                .unwrap_or(Count::Hidden);
            let mut groups: Vec<Cell> = Vec::new();
            let mut apart: Vec<Cell> = Vec::new();
            for l in &c.layout.leaves {
                let count = count_of(&l.code).unwrap_or(Count::Hidden);
                if l.code == PREFER_NOT_TO_SAY {
                    apart.push(plain(&l.code, count));
                    continue;
                }
                let b = shares.iter().find(|(c, _)| *c == l.code).map(|(_, s)| *s);
                let s = share(count, base);
                groups.push(Cell {
                    code: l.code.clone(),
                    count,
                    share: s,
                    baseline_share: b,
                    reach_ratio: match (s, b) {
                        (Some(s), Some(b)) if b > 0.0 => Some(s / b),
                        _ => None,
                    },
                });
            }
            // A stable sort: groups without a ratio keep the question's order.
            groups.sort_by(|a, b| match (a.reach_ratio, b.reach_ratio) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
            for code in [INVALID, UNANSWERED] {
                if let Some(count) = count_of(code) {
                    apart.push(plain(code, count));
                }
            }
            groups.extend(apart);
            groups.push(plain(
                if count_of(STATED).is_some() {
                    STATED
                } else {
                    ANSWERED
                },
                base,
            ));
            groups.push(plain(TOTAL, count_of(TOTAL).unwrap_or(Count::Hidden)));
            tables.push(Table {
                table: "reach",
                question: id.clone(),
                group_by: None,
                rows: vec![Row {
                    group: None,
                    cells: groups,
                    stats: Vec::new(),
                }],
            });
        }
        tables
    }
}

/// The groups a question makes, when it makes any: its options' codes
/// (and `other`), and whether each response is in exactly one of them.
fn groups(q: &Question) -> Option<bool> {
    match &q.kind {
        QuestionKind::SingleChoice { .. } | QuestionKind::Dropdown { .. } | QuestionKind::YesNo => {
            Some(true)
        }
        QuestionKind::MultiChoice { .. } => Some(false),
        QuestionKind::ShortText { .. }
        | QuestionKind::LongText { .. }
        | QuestionKind::Rating { .. }
        | QuestionKind::Nps
        | QuestionKind::Consent { .. }
        | QuestionKind::Number { .. }
        | QuestionKind::Date { .. }
        | QuestionKind::Likert { .. }
        | QuestionKind::Smiley { .. }
        | QuestionKind::Matrix { .. }
        | QuestionKind::Ranking { .. } => None,
    }
}
