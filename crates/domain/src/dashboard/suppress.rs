//! Small-cell suppression on a set of counts tied together by sums.
//!
//! A table is a list of entries (counts) and the sums that hold between
//! them, as [`Line`]s: "these parts add up to that total". A distribution's
//! option counts and its unanswered count add up to its total; in a
//! breakdown each column adds up over the groups as well. Whatever is shown
//! is checked against every line, so the same rules cover a one-line
//! distribution, a breakdown, the overview and reach.
//!
//! The rules, in order:
//!
//! 1. Primary: an entry from 1 to k - 1 is hidden. Zero is shown: it is
//!    nobody, and hiding zeros would tell a reader that a hidden count is at
//!    least 1 no less than showing them does (see rule 3).
//! 2. Secondary: a line with exactly one hidden entry would give it away as
//!    its total less the others, so one more entry of that line is hidden:
//!    the smallest non-zero part that is no subtotal, else a zero part, else
//!    a subtotal, else the total. Repeated until no line has one hidden entry.
//! 3. A line with its total shown whose hidden parts add up to as many as
//!    there are of them would give them all away as 1 each (a shown zero
//!    means a hidden count is not zero): one more is hidden, as in rule 2.
//!    Only a line with nothing left to hide escapes it: every part hidden
//!    and the total shown by another table (a total of 2 in two groups of 1).
//! 4. No hidden entry may follow from the shown ones by any combination of
//!    lines (a cell alone in its row once its column has given away the
//!    others, or a bridge between two blocks of hidden cells): the linear
//!    system of the lines over the hidden entries is solved exactly, and
//!    while one of them is determined, one more entry beside it is hidden.
//!
//! Some entries are published elsewhere (a table's total is the overview's,
//! a breakdown's groups are the grouping question's own distribution): they
//! come in [`Fixed`], shown or hidden as they are there, and are never
//! picked to hide. Hidden entries carry no reason: a reader who could tell
//! a small count from one hidden to protect it would know that the latter
//! is at least k, and could work out the small one where they add up to k.

/// The sum `parts` = `total`, by entry index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub parts: Vec<usize>,
    pub total: usize,
}

/// What an entry is, for choosing which to hide when one more must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// A count of its own (an option, a day, unanswered).
    Leaf,
    /// A sum of leaves that is itself a part of a larger sum.
    Subtotal,
    /// A line's total that is no part of any other line.
    Total,
}

/// Whether an entry is published elsewhere, and so fixed here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixed {
    /// Free: this table decides.
    Free,
    /// Shown elsewhere: known to every reader, never hidden here.
    Shown,
    /// Hidden elsewhere: hidden here too.
    Hidden,
}

/// The counts of a table and the sums between them, to suppress.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub values: Vec<u64>,
    pub levels: Vec<Level>,
    pub fixed: Vec<Fixed>,
    pub lines: Vec<Line>,
}

impl Grid {
    /// Adds an entry and returns its index.
    pub fn push(&mut self, value: u64, level: Level) -> usize {
        self.values.push(value);
        self.levels.push(level);
        self.fixed.push(Fixed::Free);
        self.values.len() - 1
    }

    /// Adds the line `parts` = `total`.
    pub fn line(&mut self, parts: Vec<usize>, total: usize) {
        self.lines.push(Line { parts, total });
    }

    /// Which entries are hidden for threshold `k`, by the module's rules.
    pub fn suppress(&self, k: u64) -> Vec<bool> {
        let n = self.values.len();
        let mut hidden: Vec<bool> = (0..n)
            .map(|i| match self.fixed[i] {
                Fixed::Hidden => true,
                Fixed::Shown => false,
                Fixed::Free => (1..k).contains(&self.values[i]),
            })
            .collect();
        loop {
            // A line with nothing left to hide is left to rule 4, which
            // hides another entry beside the one it gives away.
            let next = self
                .lines
                .iter()
                .filter(|l| self.exposed(l, &hidden))
                .find_map(|l| {
                    let entries: Vec<usize> = l.parts.iter().copied().chain([l.total]).collect();
                    self.pick(&entries, &hidden)
                });
            if let Some(i) = next {
                hidden[i] = true;
                continue;
            }
            let Some(known) = determined(self, &hidden) else {
                break;
            };
            let beside: Vec<usize> = self
                .lines
                .iter()
                .filter(|l| l.total == known || l.parts.contains(&known))
                .flat_map(|l| l.parts.iter().copied().chain([l.total]))
                .collect();
            let all: Vec<usize> = (0..n).collect();
            match self
                .pick(&beside, &hidden)
                .or_else(|| self.pick(&all, &hidden))
            {
                Some(i) => hidden[i] = true,
                None => break,
            }
        }
        hidden
    }

    /// Whether `line` gives a hidden entry away on its own (rules 2 and 3).
    fn exposed(&self, line: &Line, hidden: &[bool]) -> bool {
        let entries = line.parts.iter().copied().chain([line.total]);
        let count = entries.filter(|&i| hidden[i]).count();
        // Rule 3 holds where the total is shown: then the hidden parts add
        // up to a known number.
        let (parts, sum) = line
            .parts
            .iter()
            .filter(|&&i| hidden[i])
            .fold((0u64, 0u64), |(c, s), &i| (c + 1, s + self.values[i]));
        count == 1 || (!hidden[line.total] && parts > 0 && sum == parts)
    }

    /// The entry to hide among `entries`: shown, free, and first by
    /// (non-zero leaf, zero leaf, subtotal, total), then smallest, then first.
    fn pick(&self, entries: &[usize], hidden: &[bool]) -> Option<usize> {
        entries
            .iter()
            .copied()
            .filter(|&i| !hidden[i] && self.fixed[i] == Fixed::Free)
            .min_by_key(|&i| {
                let rank = match (self.levels[i], self.values[i]) {
                    (Level::Leaf, 0) => 1,
                    (Level::Leaf, _) => 0,
                    (Level::Subtotal, _) => 2,
                    (Level::Total, _) => 3,
                };
                (rank, self.values[i], i)
            })
    }
}

/// A prime above every coefficient and rank the tables reach. The lines'
/// matrices are incidence matrices, whose minors are 0, 1 or -1, so a rank
/// modulo this prime is the rank over the rationals.
const P: u64 = 2_147_483_647;

fn inverse(a: u64) -> u64 {
    // Fermat: a^(P-2) mod P.
    let (mut base, mut exp, mut out) = (a % P, P - 2, 1u64);
    while exp > 0 {
        if exp & 1 == 1 {
            out = out * base % P;
        }
        base = base * base % P;
        exp >>= 1;
    }
    out
}

/// The first hidden entry that the shown entries and the lines determine,
/// if any: the unit vector of its column lies in the row space of the
/// lines restricted to the hidden entries, which in reduced row echelon
/// form is a row with its pivot there and nothing else.
fn determined(grid: &Grid, hidden: &[bool]) -> Option<usize> {
    let columns: Vec<usize> = (0..hidden.len()).filter(|&i| hidden[i]).collect();
    if columns.is_empty() {
        return None;
    }
    let col_of = |i: usize| columns.iter().position(|&c| c == i);
    let mut rows: Vec<Vec<u64>> = Vec::new();
    for line in &grid.lines {
        let mut row = vec![0u64; columns.len()];
        for &p in &line.parts {
            if let Some(c) = col_of(p) {
                row[c] = (row[c] + 1) % P;
            }
        }
        if let Some(c) = col_of(line.total) {
            row[c] = (row[c] + P - 1) % P;
        }
        if row.iter().any(|&v| v != 0) {
            rows.push(row);
        }
    }
    let mut pivots = Vec::new();
    let mut r = 0;
    for c in 0..columns.len() {
        let Some(p) = (r..rows.len()).find(|&i| rows[i][c] != 0) else {
            continue;
        };
        rows.swap(r, p);
        let inv = inverse(rows[r][c]);
        for v in rows[r].iter_mut() {
            *v = *v * inv % P;
        }
        let pivot = rows[r].clone();
        for (i, row) in rows.iter_mut().enumerate() {
            if i != r && row[c] != 0 {
                let f = row[c];
                for (v, p) in row.iter_mut().zip(&pivot) {
                    *v = (*v + P - f * p % P) % P;
                }
            }
        }
        pivots.push((r, c));
        r += 1;
        if r == rows.len() {
            break;
        }
    }
    pivots.into_iter().find_map(|(r, c)| {
        let alone = rows[r].iter().enumerate().all(|(j, &v)| j == c || v == 0);
        alone.then_some(columns[c])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of `cells` with row and column totals and a grand total.
    fn two_way(cells: &[&[u64]]) -> Grid {
        let mut g = Grid::default();
        let ids: Vec<Vec<usize>> = cells
            .iter()
            .map(|row| row.iter().map(|&v| g.push(v, Level::Leaf)).collect())
            .collect();
        let cols = cells[0].len();
        let row_totals: Vec<usize> = cells
            .iter()
            .map(|row| g.push(row.iter().sum(), Level::Subtotal))
            .collect();
        let col_totals: Vec<usize> = (0..cols)
            .map(|c| g.push(cells.iter().map(|r| r[c]).sum(), Level::Subtotal))
            .collect();
        let grand = g.push(cells.iter().flat_map(|r| r.iter()).sum(), Level::Total);
        for (r, row) in ids.iter().enumerate() {
            g.line(row.clone(), row_totals[r]);
        }
        for c in 0..cols {
            g.line(ids.iter().map(|r| r[c]).collect(), col_totals[c]);
        }
        g.line(row_totals, grand);
        g.line(col_totals, grand);
        g
    }

    #[test]
    fn a_lone_small_cell_takes_the_smallest_other_of_its_line_with_it() {
        let mut g = Grid::default();
        let a = g.push(40, Level::Leaf);
        let b = g.push(2, Level::Leaf);
        let c = g.push(9, Level::Leaf);
        let t = g.push(51, Level::Total);
        g.line(vec![a, b, c], t);
        assert_eq!(g.suppress(5), vec![false, true, true, false]);
    }

    #[test]
    fn zero_is_shown_and_two_hidden_ones_are_not_left_as_one_each() {
        let mut g = Grid::default();
        let ids: Vec<usize> = [0, 1, 1, 30]
            .iter()
            .map(|&v| g.push(v, Level::Leaf))
            .collect();
        let t = g.push(32, Level::Total);
        g.line(ids, t);
        // 1 + 1 = 2 hidden in two would be 1 each: the 30 goes too.
        assert_eq!(g.suppress(5), vec![false, true, true, true, false]);
    }

    #[test]
    fn a_cell_given_away_by_its_column_is_protected_in_its_row_too() {
        let g = two_way(&[&[2, 30, 40], &[20, 3, 50], &[25, 35, 45]]);
        let hidden = g.suppress(5);
        assert!(determined(&g, &hidden).is_none());
        assert!(hidden[0] && hidden[4]);
    }

    #[test]
    fn an_entry_fixed_as_shown_is_never_picked() {
        let mut g = Grid::default();
        let a = g.push(3, Level::Leaf);
        let b = g.push(10, Level::Leaf);
        let t = g.push(13, Level::Total);
        g.line(vec![a, b], t);
        g.fixed[b] = Fixed::Shown;
        assert_eq!(g.suppress(5), vec![true, false, true]);
    }
}
