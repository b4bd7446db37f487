//! The organiser's dashboard: counts, NPS, means and distributions on the
//! golden files of `tests/dashboard/` (two export files with 30 ids in
//! common, one of them a conflict), reach against the survey's baseline,
//! breakdowns, and small-cell suppression, which no reader can undo from
//! the totals (a property test with an attacker on random tables).

mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::Value;
use suara_domain::dashboard::suppress::{Fixed, Grid, Level};
use suara_domain::dashboard::{
    self, Baseline, BaselineProblem, Count, Dashboard, Dataset, Source, Table, TextsError,
    ANSWERED, STATED, TOTAL, UNANSWERED,
};
use suara_domain::merge::read_export;
use suara_domain::{AnswerValue, Response, Survey};

fn survey_text() -> String {
    common::read(&common::data("dashboard/survey.json"))
}

fn survey() -> Survey {
    Survey::parse(&survey_text()).expect("the test survey is valid")
}

fn source(name: &str) -> Source {
    let file = read_export(&common::read(&common::data(&format!("dashboard/{name}"))))
        .expect("an export file");
    Source {
        name: name.to_owned(),
        responses: file.responses,
    }
}

fn dataset(survey: &Survey) -> Dataset {
    Dataset::gather(survey, vec![source("a.json"), source("b.json")])
}

fn baseline(survey: &Survey) -> Baseline {
    let value: Value = serde_json::from_str(&survey_text()).expect("JSON");
    Baseline::of_survey(&value, survey)
        .expect("the survey has a baseline")
        .expect("a valid baseline")
}

/// Every table the page shows for the test data, and the breakdowns the
/// golden file holds.
fn every_table(d: &Dashboard, b: &Baseline) -> Vec<Table> {
    let mut tables = d.overview();
    tables.extend(d.questions());
    tables.extend(d.reach(b));
    for (q, by) in [
        ("satisfaction", "gender"),
        ("recommend", "age_band"),
        ("heard", "gender"),
        ("services", "area"),
        ("came_for", "language_home"),
        ("priorities", "came_back"),
    ] {
        tables.extend(d.breakdown(q, by).expect("a breakdown"));
    }
    tables
}

#[test]
fn the_aggregate_csv_of_the_test_data_equals_its_golden_file() {
    let s = survey();
    let data = dataset(&s);
    let b = baseline(&s);
    let mut failures = Vec::new();
    for k in [1, 5, 10] {
        let d = Dashboard::new(&s, &data, k, None);
        let csv = dashboard::to_csv(&every_table(&d, &b));
        let path = common::data(&format!("dashboard/aggregate-k{k}.csv"));
        if let Err(e) = common::golden(&path, csv.as_bytes()) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// What a reader knows of a set of counts: the value of each shown one,
/// and the sums between them (parts, total), by name.
#[derive(Debug, Default)]
struct Attacker {
    known: BTreeMap<String, Option<u64>>,
    sums: Vec<(Vec<String>, String)>,
}

impl Attacker {
    fn learn(&mut self, name: String, count: Count) {
        let v = count.shown();
        let slot = self.known.entry(name).or_insert(v);
        if slot.is_none() {
            *slot = v;
        }
    }

    fn sum(&mut self, parts: Vec<String>, total: String) {
        self.sums.push((parts, total));
    }

    /// Every hidden count the reader can work out, with its value: first
    /// by differences in one sum at a time (a total less its shown parts,
    /// a part from its total and the others), repeated with what each round
    /// learns until nothing more is learnt; then by solving every sum at
    /// once (Gaussian elimination over the hidden ones), which also finds
    /// a count that only a combination of rows and columns gives away.
    fn recover(&self) -> BTreeMap<String, f64> {
        let mut known: BTreeMap<String, f64> = self
            .known
            .iter()
            .filter_map(|(k, v)| v.map(|v| (k.clone(), v as f64)))
            .collect();
        let mut found = BTreeMap::new();
        loop {
            let mut learnt = false;
            for (parts, total) in &self.sums {
                let names: Vec<&String> = parts.iter().chain([total]).collect();
                let unknown: Vec<&&String> =
                    names.iter().filter(|n| !known.contains_key(**n)).collect();
                if unknown.len() != 1 {
                    continue;
                }
                let name = (*unknown[0]).clone();
                let parts_known: f64 = parts.iter().filter_map(|p| known.get(p)).sum();
                let value = if name == *total {
                    parts_known
                } else {
                    known[total] - parts_known
                };
                known.insert(name.clone(), value);
                found.insert(name, value);
                learnt = true;
            }
            if !learnt {
                break;
            }
        }
        // The linear system over what is still hidden.
        let hidden: Vec<String> = self
            .known
            .keys()
            .filter(|k| !known.contains_key(*k))
            .cloned()
            .collect();
        let col = |n: &String| hidden.iter().position(|h| h == n);
        let mut rows: Vec<Vec<f64>> = Vec::new();
        for (parts, total) in &self.sums {
            let mut row = vec![0.0; hidden.len() + 1];
            let mut rhs = 0.0;
            for p in parts {
                match col(p) {
                    Some(c) => row[c] += 1.0,
                    None => rhs -= known[p],
                }
            }
            match col(total) {
                Some(c) => row[c] -= 1.0,
                None => rhs += known[total],
            }
            row[hidden.len()] = rhs;
            if row[..hidden.len()].iter().any(|v| v.abs() > 1e-9) {
                rows.push(row);
            }
        }
        let width = hidden.len();
        let mut r = 0;
        let mut pivots = Vec::new();
        for c in 0..width {
            let Some(p) =
                (r..rows.len()).max_by(|&a, &b| rows[a][c].abs().total_cmp(&rows[b][c].abs()))
            else {
                break;
            };
            if rows[p][c].abs() < 1e-9 {
                continue;
            }
            rows.swap(r, p);
            let pv = rows[r][c];
            for v in rows[r].iter_mut() {
                *v /= pv;
            }
            let pivot = rows[r].clone();
            for (i, row) in rows.iter_mut().enumerate() {
                if i != r && row[c].abs() > 1e-12 {
                    let f = row[c];
                    for (v, p) in row.iter_mut().zip(&pivot) {
                        *v -= f * p;
                    }
                }
            }
            pivots.push((r, c));
            r += 1;
        }
        for (r, c) in pivots {
            if (0..width).all(|j| j == c || rows[r][j].abs() < 1e-9) {
                found.insert(hidden[c].clone(), rows[r][width]);
            }
        }
        found
    }
}

/// A random table: `cells` (rows of counts, many small), with its row and
/// column totals and the grand total, and optionally a subtotal of each
/// row's first two cells, as the dashboard's tables have.
fn grid_of(cells: &[Vec<u64>], subtotal: bool, fixed_total: bool) -> (Grid, Vec<String>) {
    let mut g = Grid::default();
    let mut names = Vec::new();
    let add = |g: &mut Grid, names: &mut Vec<String>, v, level, name: String| {
        names.push(name);
        g.push(v, level)
    };
    let ids: Vec<Vec<usize>> = cells
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, &v)| add(&mut g, &mut names, v, Level::Leaf, format!("c{r}.{c}")))
                .collect()
        })
        .collect();
    let cols = cells[0].len();
    let rt: Vec<usize> = cells
        .iter()
        .enumerate()
        .map(|(r, row)| {
            add(
                &mut g,
                &mut names,
                row.iter().sum(),
                Level::Subtotal,
                format!("r{r}"),
            )
        })
        .collect();
    let ct: Vec<usize> = (0..cols)
        .map(|c| {
            add(
                &mut g,
                &mut names,
                cells.iter().map(|r| r[c]).sum(),
                Level::Subtotal,
                format!("k{c}"),
            )
        })
        .collect();
    let all: u64 = cells.iter().flatten().sum();
    let t = add(&mut g, &mut names, all, Level::Total, "t".to_owned());
    for (r, row) in ids.iter().enumerate() {
        if subtotal && row.len() > 2 {
            let s = add(
                &mut g,
                &mut names,
                cells[r][0] + cells[r][1],
                Level::Subtotal,
                format!("s{r}"),
            );
            g.line(vec![row[0], row[1]], s);
            g.line(
                [s].into_iter().chain(row[2..].iter().copied()).collect(),
                rt[r],
            );
        } else {
            g.line(row.clone(), rt[r]);
        }
    }
    for c in 0..cols {
        g.line(ids.iter().map(|r| r[c]).collect(), ct[c]);
    }
    g.line(rt, t);
    g.line(ct, t);
    if fixed_total {
        g.fixed[t] = Fixed::Shown;
    }
    (g, names)
}

fn attacker_of(g: &Grid, names: &[String], hidden: &[bool]) -> Attacker {
    let mut a = Attacker::default();
    for (i, n) in names.iter().enumerate() {
        let c = if hidden[i] {
            Count::Hidden
        } else {
            Count::Shown(g.values[i])
        };
        a.learn(n.clone(), c);
    }
    for l in &g.lines {
        a.sum(
            l.parts.iter().map(|&p| names[p].clone()).collect(),
            names[l.total].clone(),
        );
    }
    a
}

#[test]
fn the_attacker_recovers_what_primary_suppression_alone_leaves_exposed() {
    // Without the secondary rules, a lone small cell is its row's total
    // less the others: the attacker must find it, or the property below
    // proves nothing.
    let (g, names) = grid_of(
        &[vec![2, 30, 40], vec![20, 30, 50], vec![25, 35, 45]],
        false,
        false,
    );
    let primary: Vec<bool> = g.values.iter().map(|v| (1..5).contains(v)).collect();
    let found = attacker_of(&g, &names, &primary).recover();
    assert_eq!(found.get("c0.0"), Some(&2.0));
    // Two small cells in one row and one column each: no single line gives
    // them away, but together with a third they do (2-D recovery).
    let (g, names) = grid_of(
        &[vec![2, 3, 40], vec![20, 4, 50], vec![25, 35, 45]],
        false,
        false,
    );
    let mut hidden: Vec<bool> = g.values.iter().map(|v| (1..5).contains(v)).collect();
    hidden[names.iter().position(|n| n == "c2.2").unwrap()] = true;
    let found = attacker_of(&g, &names, &hidden).recover();
    assert!(!found.is_empty(), "{found:?}");
}

fn small_table() -> impl Strategy<Value = Vec<Vec<u64>>> {
    (1usize..5, 1usize..6).prop_flat_map(|(rows, cols)| {
        prop::collection::vec(
            prop::collection::vec(prop_oneof![3 => 0u64..6, 2 => 0u64..40], cols),
            rows,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_hidden_count_of_a_random_table_can_be_worked_out(
        cells in small_table(),
        subtotal in any::<bool>(),
        fixed_total in any::<bool>(),
        k in 2u64..11,
    ) {
        // A total fixed as shown is one another table showed: at least k.
        let all: u64 = cells.iter().flatten().sum();
        let (g, names) = grid_of(&cells, subtotal, fixed_total && all >= k);
        let hidden = g.suppress(k);
        for (i, &v) in g.values.iter().enumerate() {
            if (1..k).contains(&v) && g.fixed[i] == Fixed::Free {
                prop_assert!(hidden[i], "{} = {v} is below k and shown", names[i]);
            }
            if g.fixed[i] == Fixed::Shown {
                prop_assert!(!hidden[i]);
            }
        }
        // A count hidden only to protect another may follow from a total
        // another table shows (a one-column table's column is its total):
        // it is at least k and gives nothing away. A small one never may.
        let found = attacker_of(&g, &names, &hidden).recover();
        let small: Vec<_> = found
            .iter()
            .filter(|(n, _)| (1..k).contains(&g.values[names.iter().position(|m| m == *n).unwrap()]))
            .collect();
        prop_assert!(small.is_empty(), "recovered {small:?} from {cells:?} (k = {k}, hidden {:?})",
            names.iter().zip(&hidden).filter(|(_, h)| **h).map(|(n, _)| n).collect::<Vec<_>>());
        prop_assert!(found.values().all(|&v| v == 0.0 || v >= k as f64), "{found:?}");
        // Nor, where every hidden count is at least 1, all of a line's at
        // once as 1 each.
        for l in g.lines.iter().filter(|l| !hidden[l.total]) {
            let hid: Vec<usize> = l.parts.iter().copied().filter(|&i| hidden[i]).collect();
            let sum: u64 = hid.iter().map(|&i| g.values[i]).sum();
            // Unless nothing is left to hide in it: every part hidden, and
            // the total shown by another table (two of one, both hidden).
            let nothing_left = l.parts.iter().all(|&i| hidden[i] || g.fixed[i] != Fixed::Free)
                && g.fixed[l.total] == Fixed::Shown;
            prop_assert!(hid.is_empty() || sum != hid.len() as u64 || nothing_left,
                "{:?} hidden in a line of total {}, each 1", hid, g.values[l.total]);
        }
    }
}

/// The test data as a reader would count it by hand: each id once, an id
/// with two bodies and responses to another survey left out, partial ones
/// apart; straight from the files' JSON, without the crate's merge.
fn by_hand() -> (Vec<Value>, usize) {
    let mut seen: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for name in ["a.json", "b.json"] {
        let file: Value =
            serde_json::from_str(&common::read(&common::data(&format!("dashboard/{name}"))))
                .expect("JSON");
        for r in file["responses"].as_array().expect("responses") {
            if r["survey_id"] != "dash" {
                continue;
            }
            let bodies = seen
                .entry(r["id"].as_str().expect("id").to_owned())
                .or_default();
            if !bodies.contains(r) {
                bodies.push(r.clone());
            }
        }
    }
    let conflicts = seen.values().filter(|b| b.len() > 1).count();
    let complete = seen
        .into_values()
        .filter(|b| b.len() == 1)
        .flatten()
        .filter(|r| r.get("partial") != Some(&Value::Bool(true)))
        .collect();
    (complete, conflicts)
}

fn cell(t: &Table, code: &str) -> Count {
    t.all()
        .cell(code)
        .unwrap_or_else(|| panic!("no cell {code}"))
        .count
}

#[test]
fn two_files_with_overlaps_and_a_conflict_count_each_response_once_and_the_conflict_in_neither() {
    let s = survey();
    let data = dataset(&s);
    let (complete, conflicts) = by_hand();
    assert_eq!(conflicts, 1);
    assert_eq!(data.conflicts.len(), 1);
    assert_eq!(data.conflicts[0].responses.len(), 2, "both bodies kept");
    assert_eq!(
        data.duplicates, 29,
        "30 ids in both files, one of them the conflict"
    );
    assert_eq!(data.other_survey, 1);
    let d = Dashboard::new(&s, &data, 5, None);
    let overview = d.overview();
    assert_eq!(
        cell(&overview[0], "complete"),
        Count::Shown(complete.len() as u64)
    );
    assert_eq!(complete.len(), 155);
    // Partial: 4, fewer than 5: hidden, and with it the sum of both.
    assert_eq!(cell(&overview[0], "partial"), Count::Hidden);
    assert_eq!(cell(&overview[0], TOTAL), Count::Hidden);
    // Each response counted in the file it was first seen in.
    assert_eq!(cell(&overview[3], "a.json"), Count::Shown(116));
    assert_eq!(cell(&overview[3], "b.json"), Count::Shown(39));
    let conflict = &data.conflicts[0].id;
    assert!(!data.responses.iter().any(|r| &r.id == conflict));
}

#[test]
fn nps_means_distributions_and_reach_agree_with_a_count_by_hand() {
    let s = survey();
    let data = dataset(&s);
    let (rs, _) = by_hand();
    let d = Dashboard::new(&s, &data, 1, None);
    let answers =
        |q: &str| -> Vec<&Value> { rs.iter().filter_map(|r| r["answers"].get(q)).collect() };

    let nps: Vec<i64> = answers("recommend")
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    let promoters = nps.iter().filter(|&&v| v >= 9).count() as f64;
    let detractors = nps.iter().filter(|&&v| v <= 6).count() as f64;
    let score = (promoters - detractors) / nps.len() as f64;
    let t = &d.question("recommend").unwrap()[0];
    assert_eq!(t.all().stat("(nps)").unwrap().value, Some(score));
    assert_eq!(cell(t, "promoters"), Count::Shown(promoters as u64));
    assert_eq!(
        cell(t, "passives"),
        Count::Shown(nps.iter().filter(|&&v| v == 7 || v == 8).count() as u64)
    );
    assert_eq!(
        cell(t, UNANSWERED),
        Count::Shown((rs.len() - nps.len()) as u64)
    );

    for q in ["satisfaction", "agree", "mood", "visits", "spent", "age"] {
        let vs: Vec<f64> = answers(q).iter().map(|v| v.as_f64().unwrap()).collect();
        let mean = vs.iter().sum::<f64>() / vs.len() as f64;
        let t = &d.question(q).unwrap()[0];
        let stat = t.all().stat("(mean)").unwrap();
        assert!((stat.value.unwrap() - mean).abs() < 1e-12, "{q}");
        assert_eq!(stat.over, Count::Shown(vs.len() as u64), "{q}");
    }
    let t = &d.question("satisfaction").unwrap()[0];
    for star in 1..=5 {
        let n = answers("satisfaction")
            .iter()
            .filter(|v| v.as_i64() == Some(star))
            .count();
        assert_eq!(cell(t, &star.to_string()), Count::Shown(n as u64));
    }
    // Multiple choice: each option's count of responses, and "other".
    let t = &d.question("heard").unwrap()[0];
    for code in ["radio", "friend", "poster", "other"] {
        let n = answers("heard")
            .iter()
            .filter(|v| v.as_array().unwrap().iter().any(|c| c == code))
            .count();
        assert_eq!(cell(t, code), Count::Shown(n as u64), "{code}");
    }
    // A matrix per statement, a ranking's mean rank.
    let t = &d.question("services").unwrap()[1];
    assert_eq!(t.question, "services.staff");
    let good = rs
        .iter()
        .filter(|r| {
            r["answers"].get("services").and_then(|m| m.get("staff")) == Some(&Value::from("good"))
        })
        .count();
    assert_eq!(cell(t, "good"), Count::Shown(good as u64));
    let orders = answers("priorities");
    let food: f64 = orders
        .iter()
        .map(|o| {
            o.as_array()
                .unwrap()
                .iter()
                .position(|c| c == "food")
                .unwrap() as f64
                + 1.0
        })
        .sum::<f64>()
        / orders.len() as f64;
    let t = &d.question("priorities").unwrap()[0];
    assert!((t.all().stat("food").unwrap().value.unwrap() - food).abs() < 1e-12);

    // Reach: a group's share of those who gave a gender, over the baseline's.
    let gender: Vec<&str> = answers("gender")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let stated = gender.iter().filter(|&&g| g != "prefer_not_to_say").count() as f64;
    let men = gender.iter().filter(|&&g| g == "man").count() as f64;
    let reach = d.reach(&baseline(&s));
    let g = &reach[0];
    assert_eq!(g.question, "gender");
    let man = g.all().cell("man").unwrap();
    assert_eq!(man.share, Some(men / stated));
    assert_eq!(man.baseline_share, Some(0.49));
    assert_eq!(man.reach_ratio, Some(men / stated / 0.49));
    assert_eq!(
        g.all().cell("prefer_not_to_say").unwrap().count,
        Count::Shown(gender.iter().filter(|&&g| g == "prefer_not_to_say").count() as u64)
    );
    assert_eq!(
        g.all().cell("prefer_not_to_say").unwrap().share,
        None,
        "left out of the shares"
    );
    assert_eq!(
        g.all().cell(STATED).unwrap().count,
        Count::Shown(stated as u64)
    );
    // Most under-reached first.
    let ratios: Vec<f64> = g.all().cells.iter().filter_map(|c| c.reach_ratio).collect();
    assert!(ratios.windows(2).all(|w| w[0] <= w[1]), "{ratios:?}");
    assert_eq!(ratios.len(), 3);
}

#[test]
fn days_are_counted_in_the_zone_given() {
    let s = survey();
    let data = dataset(&s);
    let (rs, _) = by_hand();
    let jakarta = |_: i64| 7 * 3600;
    let d = Dashboard::new(&s, &data, 1, Some(&jakarta));
    let day = &d.overview()[1];
    // A response at 16:15 or later in UTC is the next day in Jakarta.
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for r in &rs {
        let t = r["submitted_at"].as_str().unwrap();
        let next = t[11..13].parse::<u32>().unwrap() >= 17;
        let day: u32 = t[8..10].parse().unwrap();
        *expected
            .entry(format!("2026-11-{:02}", day + u32::from(next)))
            .or_default() += 1;
    }
    let got: BTreeMap<String, u64> = day
        .all()
        .cells
        .iter()
        .filter(|c| c.code != TOTAL)
        .map(|c| (c.code.clone(), c.count.shown().unwrap()))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(got.len(), 4, "2026-11-04 holds the last day's evening");
}

#[test]
fn a_group_smaller_than_k_is_never_broken_down() {
    let s = survey();
    let data = dataset(&s);
    let d = Dashboard::new(&s, &data, 20, None);
    let t = &d.breakdown("satisfaction", "gender").unwrap()[0];
    // 18 said they use another term: fewer than 20, so nothing of them shows.
    let other = t.group("other").unwrap();
    assert!(other.cells.iter().all(|c| c.count == Count::Hidden));
    assert!(other.stats.iter().all(|s| s.value.is_none()));
    // The group of 54 women shows its size.
    assert_eq!(
        t.group("woman").unwrap().cell(TOTAL).unwrap().count,
        Count::Shown(54)
    );
    assert!(matches!(
        d.breakdown("satisfaction", "comments"),
        Err(dashboard::BreakdownError::NotGroups(_))
    ));
}

#[test]
fn a_breakdowns_every_response_row_is_the_questions_own_table() {
    let s = survey();
    let data = dataset(&s);
    for k in [3, 5, 10] {
        let d = Dashboard::new(&s, &data, k, None);
        for q in ["satisfaction", "recommend", "heard", "came_for"] {
            let own = &d.question(q).unwrap()[0];
            for by in ["gender", "age_band", "language_home", "area"] {
                let b = &d.breakdown(q, by).unwrap()[0];
                assert_eq!(b.all(), own.all(), "{q} by {by}, k = {k}");
            }
        }
    }
}

/// The names and sums a reader knows of a `rating` question broken down
/// by a single choice question with `prefer_not_to_say`, both tables as
/// the page shows them.
fn attacker_of_breakdown(own_group: &Table, b: &Table) -> Attacker {
    let mut a = Attacker::default();
    let name = |group: Option<&str>, code: &str| format!("{}:{code}", group.unwrap_or("*"));
    for c in &own_group.all().cells {
        a.learn(format!("g:{}", c.code), c.count);
    }
    let leaves: Vec<&str> = own_group
        .all()
        .cells
        .iter()
        .map(|c| c.code.as_str())
        .filter(|c| !c.starts_with('('))
        .collect();
    let stated: Vec<String> = leaves
        .iter()
        .filter(|c| **c != "prefer_not_to_say")
        .map(|c| format!("g:{c}"))
        .collect();
    a.sum(stated, "g:(stated)".into());
    a.sum(
        vec![
            "g:(stated)".into(),
            "g:prefer_not_to_say".into(),
            "g:(unanswered)".into(),
        ],
        "g:(total)".into(),
    );
    let codes: Vec<String> = b.all().cells.iter().map(|c| c.code.clone()).collect();
    for row in &b.rows {
        for c in &row.cells {
            a.learn(name(row.group.as_deref(), &c.code), c.count);
        }
        let parts = codes[..codes.len() - 1]
            .iter()
            .map(|c| name(row.group.as_deref(), c))
            .collect();
        a.sum(parts, name(row.group.as_deref(), TOTAL));
        if let Some(g) = &row.group {
            // A group's size is the grouping question's count.
            a.sum(vec![name(Some(g), TOTAL)], format!("g:{g}"));
        }
    }
    for code in &codes {
        let parts = b.rows[1..]
            .iter()
            .map(|r| name(r.group.as_deref(), code))
            .collect();
        a.sum(parts, name(None, code));
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn no_hidden_count_of_a_breakdown_of_random_responses_can_be_worked_out(
        answers in prop::collection::vec((0usize..6, 0usize..6), 5..80),
        k in 2u64..8,
    ) {
        let s = survey();
        let genders = ["woman", "man", "prefer_not_to_say", "other", "", "woman"];
        let responses = answers
            .iter()
            .enumerate()
            .map(|(i, &(g, star))| {
                let mut a = serde_json::Map::new();
                if !genders[g].is_empty() {
                    a.insert("gender".into(), genders[g].into());
                }
                if star > 0 {
                    a.insert("satisfaction".into(), (star as u64).into());
                }
                Response::from_value(serde_json::json!({
                    "id": format!("r{i}"), "survey_id": "dash", "survey_version": "1",
                    "locale": "en", "started_at": "2026-11-01T10:00:00Z",
                    "submitted_at": "2026-11-01T10:00:00Z", "answers": a,
                }))
                .unwrap()
            })
            .collect();
        let data = Dataset::gather(&s, vec![Source { name: "t".into(), responses }]);
        let d = Dashboard::new(&s, &data, k, None);
        let own_group = &d.question("gender").unwrap()[0];
        let b = &d.breakdown("satisfaction", "gender").unwrap()[0];
        let found = attacker_of_breakdown(own_group, b).recover();
        prop_assert!(found.is_empty(), "recovered {found:?}");
        // Every count below k that is not zero is hidden.
        for row in &b.rows {
            for c in &row.cells {
                if let Count::Shown(n) = c.count {
                    prop_assert!(n == 0 || n >= k, "{:?} {} = {n}", row.group, c.code);
                }
            }
        }
    }
}

#[test]
fn a_baseline_names_every_problem_at_its_json_path() {
    let s = survey();
    let bad = serde_json::json!({
        "source": "",
        "shares": {
            "gender": { "woman": 0.5, "man": 0.3 },
            "age_band": { "18_24": 0.5, "30_40": 0.5, "prefer_not_to_say": 0.0 },
            "language_home": { "jv": 1.5, "id": "half" },
            "satisfaction": { "1": 1 },
            "income": { "low": 1 }
        },
        "year": 2020
    });
    let errors = Baseline::from_value(&bad, &s, "$.baseline").unwrap_err();
    let got: Vec<(String, BaselineProblem)> =
        errors.into_iter().map(|e| (e.path, e.problem)).collect();
    use suara_domain::problem::Found;
    let codes = |cs: &[&str]| cs.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        got,
        vec![
            (
                "$.baseline.year".into(),
                BaselineProblem::UnknownField { key: "year".into() }
            ),
            (
                "$.baseline.source".into(),
                BaselineProblem::Source {
                    found: Found::Written("\"\"".into())
                }
            ),
            (
                "$.baseline.shares.gender".into(),
                BaselineProblem::Sum { sum: 0.8 }
            ),
            (
                "$.baseline.shares.age_band.30_40".into(),
                BaselineProblem::NotACode {
                    code: "30_40".into(),
                    codes: codes(&["18_24", "25_44", "45_plus"])
                }
            ),
            (
                "$.baseline.shares.age_band.prefer_not_to_say".into(),
                BaselineProblem::PreferNotToSay
            ),
            (
                "$.baseline.shares.language_home.jv".into(),
                BaselineProblem::NotAShare {
                    found: Found::Written("1.5".into())
                }
            ),
            (
                "$.baseline.shares.language_home.id".into(),
                BaselineProblem::NotAShare {
                    found: Found::Written("\"half\"".into())
                }
            ),
            (
                "$.baseline.shares.satisfaction".into(),
                BaselineProblem::NotChoice {
                    id: "satisfaction".into(),
                    kind: "rating"
                }
            ),
            (
                "$.baseline.shares.income".into(),
                BaselineProblem::NoQuestion {
                    id: "income".into()
                }
            ),
        ]
    );
    // Within the tolerance, and as a file of its own.
    let file = r#"{ "source": "Census", "shares": { "gender": { "woman": 0.505, "man": 0.5, "other": 0.004 } } }"#;
    let b = Baseline::parse(file, &s).expect("1.009 is 1 within 0.01");
    assert_eq!(b.item("gender").unwrap().len(), 3);
    let off = r#"{ "source": "Census", "shares": { "gender": { "woman": 0.52, "man": 0.5 } } }"#;
    assert!(matches!(
        Baseline::parse(off, &s).unwrap_err()[0].problem,
        BaselineProblem::Sum { .. }
    ));
    // The survey reader accepts the field without reading it.
    let mut survey: Value = serde_json::from_str(&survey_text()).unwrap();
    survey["baseline"] = bad;
    assert!(Survey::from_value(&survey).is_ok());
    assert!(Baseline::of_survey(&survey, &s).unwrap().is_err());
}

#[test]
fn text_answers_are_listed_only_where_their_number_is_shown() {
    let s = survey();
    let data = dataset(&s);
    let d = Dashboard::new(&s, &data, 5, None);
    let all = d.texts("comments", None, "").unwrap();
    let t = &d.question("comments").unwrap()[0];
    assert_eq!(cell(t, ANSWERED), Count::Shown(all.len() as u64));
    let queue = d.texts("comments", None, "QUEUE").unwrap();
    assert!(!queue.is_empty() && queue.iter().all(|t| t.to_lowercase().contains("queue")));
    // "Other" descriptions, filtered by a group.
    let women = d.texts("came_for", Some(("gender", "woman")), "").unwrap();
    let b = &d.breakdown("came_for", "gender").unwrap()[0];
    assert_eq!(
        b.group("woman").unwrap().cell("other").unwrap().count,
        Count::Shown(women.len() as u64)
    );
    // A group whose count of texts is hidden lists none.
    let d = Dashboard::new(&s, &data, 20, None);
    assert_eq!(
        d.texts("came_for", Some(("gender", "other")), ""),
        Err(TextsError::Hidden)
    );
    assert!(matches!(
        d.texts("satisfaction", None, ""),
        Err(TextsError::NoTexts(_))
    ));
}

#[test]
fn the_aggregate_csv_neutralises_text_a_spreadsheet_would_run_and_keeps_numbers() {
    let s = survey();
    let mut a = source("a.json");
    a.name = "=HYPERLINK(\"http://x\")".into();
    let mut b = source("b.json");
    b.name = "-2+3".into();
    let data = Dataset::gather(&s, vec![a, b]);
    let d = Dashboard::new(&s, &data, 5, None);
    let csv = dashboard::to_csv(&d.overview());
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, dashboard::AGGREGATE_COLUMNS);
    let codes: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[4].to_owned())
        .filter(|c| c.contains("HYPERLINK") || c.contains("2+3"))
        .collect();
    assert_eq!(codes, vec!["'=HYPERLINK(\"http://x\")", "'-2+3"]);
    assert!(csv.ends_with("\r\n") && csv.lines().count() == csv.matches("\r\n").count());
    // A number stays a number, even a negative one.
    let t = Table {
        table: "question",
        question: "q".into(),
        group_by: None,
        rows: vec![dashboard::Row {
            group: None,
            cells: vec![dashboard::Cell {
                code: "-3".into(),
                count: Count::Shown(7),
                share: Some(0.5),
                baseline_share: None,
                reach_ratio: None,
            }],
            stats: vec![],
        }],
    };
    assert!(dashboard::to_csv(&[t]).contains("\r\nquestion,q,,,-3,7,0.5000,,,0\r\n"));
}

#[test]
fn a_hidden_count_leaves_every_figure_made_of_it_empty_in_the_csv() {
    let s = survey();
    let data = dataset(&s);
    let d = Dashboard::new(&s, &data, 5, None);
    let csv = dashboard::to_csv(&every_table(&d, &baseline(&s)));
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let mut hidden = 0;
    for r in reader.records() {
        let r = r.unwrap();
        let suppressed = &r[9];
        assert!(suppressed == "0" || suppressed == "1");
        if suppressed == "1" {
            hidden += 1;
            assert_eq!((&r[5], &r[6], &r[8]), ("", "", ""), "{r:?}");
        } else {
            assert!(!r[5].is_empty() || &r[0] == "reach", "{r:?}");
        }
    }
    assert!(hidden > 50, "the test data has small groups: {hidden}");
    let _ = AnswerValue::Bool(true);
}

#[test]
fn figures_are_written_with_integers_rounded_half_away_from_zero() {
    use suara_domain::dashboard::decimal;
    assert_eq!(decimal(-0.014_084, 4, false), "-0.0141");
    assert_eq!(decimal(1.906_25, 4, false), "1.9063");
    assert_eq!(decimal(40.0, 4, false), "40.0000");
    assert_eq!(decimal(40.0, 4, true), "40");
    assert_eq!(decimal(12.5, 4, true), "12.5");
    assert_eq!(decimal(-0.000_01, 4, false), "0.0000");
    assert_eq!(decimal(f64::NAN, 4, false), "");
}
