//! The commands as an organiser runs them: `validate`, `merge`, `csv` and
//! `codebook` on the three tablets' files in `tests/data/` (tablet-a and
//! tablet-b share a response, in another key order; tablet-b and tablet-c
//! hold one id with different answers; tablet-c is from version 2 of the
//! survey). Outputs are compared with the golden files in `tests/golden/`
//! (`UPDATE_GOLDEN=1` rewrites them: read the diff before committing).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Runs `suara` with a fixed clock (`SOURCE_DATE_EPOCH`) in `dir`.
fn suara(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_suara"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1786000000")
        .output()
        .expect("suara runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Compares bytes with a golden file, or rewrites it with UPDATE_GOLDEN=1.
fn golden(name: &str, actual: &[u8]) -> Result<(), String> {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty() && v != "0") {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("the golden folder");
        std::fs::write(&path, actual).expect("writing a golden file");
        return Ok(());
    }
    let expected = std::fs::read(&path).unwrap_or_default();
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "{name} differs (UPDATE_GOLDEN=1 rewrites it; read the diff)\n--- expected\n{}\n--- actual\n{}",
        String::from_utf8_lossy(&expected).replace('\r', "<CR>"),
        String::from_utf8_lossy(actual).replace('\r', "<CR>")
    ))
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

#[test]
fn validate_lists_every_problem_with_its_place_and_json_path_and_exits_1() {
    let dir = tmp();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format":1,"id":"x","version":"1","title":"T","default_locale":"en",
            "pages":[{"id":"p","questions":[{"id":"a","kind":"stars","label":"A"},
                                           {"id":"a","kind":"nps","label":"B"}]}]}"#,
    )
    .expect("a survey file");
    let out = suara(dir.path(), &["validate", "bad.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("error: Page 1, question 1 (`a`): unknown question kind `stars`;"),
        "{text}"
    );
    assert!(text.contains("($.pages[0].questions[0].kind)\n"), "{text}");
    assert!(
        text.contains("error: Page 1, question 2 (`a`): question id `a` is already used at $.pages[0].questions[0].id ($.pages[0].questions[1].id)\n"),
        "{text}"
    );
    assert!(text.contains("2 errors"), "{text}");
}

/// A survey with a comma after its last field, and one with a kind that is
/// close to a known one.
fn two_mistakes(dir: &Path) {
    std::fs::write(
        dir.join("comma.json"),
        "{\n  \"format\": 1,\n  \"id\": \"festival\",\n}\n",
    )
    .expect("a survey file");
    std::fs::write(
        dir.join("kind.json"),
        r#"{"format":1,"id":"x","version":"1","title":"T","default_locale":"id","locales":["id","en"],
            "pages":[{"id":"p","questions":[{"id":"satisfaction","kind":"rating_stars","label":"A"}]}]}"#,
    )
    .expect("a survey file");
}

#[test]
fn validate_says_each_mistake_in_english_by_default_and_in_indonesian_with_lang_id() {
    let dir = tmp();
    two_mistakes(dir.path());
    let cases = [
        ("en", "comma.json", "error: Line 3, column 19: a comma after the last item: JSON allows none there; remove this comma\n"),
        ("id", "comma.json", "kesalahan: Baris 3, kolom 19: ada koma setelah butir terakhir: JSON tidak membolehkannya; hapus koma ini\n"),
        ("en", "kind.json", "error: Page 1, question 1 (`satisfaction`): unknown question kind `rating_stars` (did you mean `rating`?); expected one of: "),
        ("id", "kind.json", "kesalahan: Halaman 1, pertanyaan 1 (`satisfaction`): jenis pertanyaan `rating_stars` tidak dikenal (mungkin maksud Anda `rating`?); yang diterima: "),
    ];
    for (lang, file, line) in cases {
        let args: &[&str] = if lang == "en" {
            &["validate", file]
        } else {
            &["validate", "--lang", lang, file]
        };
        let out = suara(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        assert!(
            stdout(&out).starts_with(line),
            "{lang} {file}:\n{}",
            stdout(&out)
        );
    }
    let summary = stdout(&suara(
        dir.path(),
        &["validate", "--lang", "id", "kind.json"],
    ));
    assert!(summary.ends_with("kind.json: 1 kesalahan\n"), "{summary}");
    let refused = suara(dir.path(), &["validate", "--lang", "fr", "kind.json"]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("possible values: en, id"),
        "{}",
        stderr(&refused)
    );
}

fn with_missing_translation(dir: &Path) -> PathBuf {
    let mut survey: Value =
        serde_json::from_str(&std::fs::read_to_string(data("festival.json")).expect("read"))
            .expect("JSON");
    survey["pages"][0]["questions"][0]["label"] = Value::String("Datang dengan apa?".into());
    survey["pages"][1]["title"] = serde_json::json!({ "id": "Pendapat" });
    let path = dir.join("partly.json");
    std::fs::write(&path, survey.to_string()).expect("write");
    path
}

#[test]
fn a_missing_translation_is_a_warning_with_its_path_and_fails_only_with_strict() {
    let dir = tmp();
    with_missing_translation(dir.path());
    let out = suara(dir.path(), &["validate", "partly.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("warning: $.pages[1].title: no translation into `en`"),
        "{text}"
    );
    assert!(text.contains("1 warning"), "{text}");
    let strict = suara(dir.path(), &["validate", "--strict", "partly.json"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stdout(&strict));
}

#[test]
fn a_valid_survey_validates_with_exit_code_0() {
    let out = suara(Path::new("."), &["validate", &data("festival.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(
            "survey `festival` version `1`, 2 pages, 12 questions: no errors, 0 warnings"
        ),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_survey_saved_with_a_bom_validates_as_the_widget_reads_it() {
    let dir = tmp();
    let text = std::fs::read_to_string(data("festival.json")).expect("the festival survey");
    let file = dir.path().join("notepad.json");
    std::fs::write(&file, format!("\u{feff}{text}")).expect("a survey with a BOM");
    let out = suara(dir.path(), &["validate", file.to_str().expect("a path")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("12 questions: no errors, 0 warnings"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn merging_three_tablets_keeps_each_response_once_and_both_versions_of_a_conflict() {
    let dir = tmp();
    let out = suara(
        dir.path(),
        &[
            "merge",
            "--survey",
            &data("festival-v2.json"),
            &data("tablet-a.json"),
            &data("tablet-b.json"),
            &data("tablet-c.json"),
            "-o",
            "merged.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("read 7 responses from 3 inputs (5 of version 1, 2 of version 2)"),
        "{err}"
    );
    assert!(err.contains("kept 4, left out 1 copy"), "{err}");
    assert!(err.contains("1 conflict"), "{err}");
    assert!(
        err.contains("6f1c2a52-0000-4000-8000-000000000003 (2 versions)"),
        "{err}"
    );
    let merged = std::fs::read(dir.path().join("merged.json")).expect("merged.json");
    golden("merged.json", &merged).unwrap();
    let doc: Value = serde_json::from_slice(&merged).expect("JSON");
    let ids: Vec<&str> = doc["responses"]
        .as_array()
        .expect("responses")
        .iter()
        .map(|r| r["id"].as_str().expect("an id"))
        .collect();
    // Oldest first: tablet-c's 08:00 response, then 09:00, 09:05, 11:00.
    let tail = |id: &str| id.rsplit('-').next().unwrap_or_default().to_owned();
    assert_eq!(
        ids.iter().map(|i| tail(i)).collect::<Vec<_>>(),
        [
            "000000000005",
            "000000000001",
            "000000000002",
            "000000000004"
        ]
    );
    let stars: Vec<i64> = doc["conflicts"][0]["responses"]
        .as_array()
        .expect("the conflict's versions")
        .iter()
        .map(|r| r["answers"]["stars"].as_i64().expect("stars"))
        .collect();
    assert_eq!(
        stars,
        [4, 2],
        "both versions, in the order the files were given"
    );
}

#[test]
fn merging_files_of_another_survey_is_refused_and_writes_nothing() {
    let dir = tmp();
    let mut other: Value =
        serde_json::from_str(&std::fs::read_to_string(data("tablet-a.json")).expect("read"))
            .expect("JSON");
    other["responses"][0]["survey_id"] = Value::String("market".into());
    std::fs::write(dir.path().join("market.json"), other.to_string()).expect("write");
    let out = suara(
        dir.path(),
        &[
            "merge",
            "--survey",
            &data("festival.json"),
            "market.json",
            "-o",
            "merged.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("market.json: 1 response is to survey `market`, not `festival`"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("merged.json").exists());
}

/// The golden CSV cases: tablets a and c (no conflict between them), by
/// file name and the options that write it.
const CSV_CASES: &[(&str, &[&str])] = &[
    ("columns.csv", &[]),
    ("joined.csv", &["--multi", "joined"]),
    ("both.csv", &["--multi", "both"]),
    ("labels.csv", &["--labels"]),
    (
        "labels-en-joined.csv",
        &["--labels", "--lang", "en", "--multi", "joined"],
    ),
    ("semicolon-bom.csv", &["--sep", ";", "--bom"]),
];

fn csv_of(dir: &Path, name: &str, options: &[&str]) -> Vec<u8> {
    // Version 2 has the `volunteer` question tablet-c's responses answer.
    let survey = data("festival-v2.json");
    let (a, c) = (data("tablet-a.json"), data("tablet-c.json"));
    let mut args = vec!["csv", "--survey", &survey, &a, &c, "-o", name];
    args.extend(options);
    let out = suara(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
    std::fs::read(dir.join(name)).expect("the CSV")
}

#[test]
fn each_csv_option_writes_its_golden_file() {
    let dir = tmp();
    let failures: Vec<String> = CSV_CASES
        .iter()
        .filter_map(|(name, options)| golden(name, &csv_of(dir.path(), name, options)).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn records(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| {
            r.expect("an RFC 4180 record")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

#[test]
fn a_semicolon_csv_with_a_bom_reads_back_as_the_same_cells_as_the_default() {
    let dir = tmp();
    let plain = csv_of(dir.path(), "plain.csv", &[]);
    let semi = csv_of(dir.path(), "semi.csv", &["--sep", ";", "--bom"]);
    assert!(semi.starts_with("\u{feff}".as_bytes()));
    assert!(!plain.starts_with("\u{feff}".as_bytes()));
    let cells = records(&plain, b',');
    assert_eq!(records(&semi, b';'), cells);
    // A text with `;` in it is quoted in the semicolon file.
    assert!(String::from_utf8_lossy(&semi).contains("\"Lomba; panjat\""));
}

#[test]
fn joined_and_labelled_cells_read_back_as_the_chosen_options_words() {
    let dir = tmp();
    let bytes = csv_of(
        dir.path(),
        "l.csv",
        &["--labels", "--lang", "en", "--multi", "both"],
    );
    let rows = records(&bytes, b',');
    let header = &rows[0];
    let cell = |row: &Vec<String>, column: &str| {
        let i = header.iter().position(|h| h == column).expect(column);
        row[i].clone()
    };
    let first = rows
        .iter()
        .find(|r| r[0].ends_with("000000000001"))
        .expect("response 1");
    assert_eq!(
        cell(first, "liked"),
        "Food;Music, dance",
        "survey order, labels"
    );
    assert_eq!(cell(first, "liked.food"), "1", "0/1 columns stay numbers");
    assert_eq!(cell(first, "came_by"), "On foot");
    assert_eq!(cell(first, "team.kind"), "Yes");
    assert_eq!(cell(first, "again"), "Yes");
    assert_eq!(cell(first, "stars"), "5", "a rating stays a number");
    let second = rows
        .iter()
        .find(|r| r[0].ends_with("000000000002"))
        .expect("response 2");
    assert_eq!(cell(second, "came_by"), "Something else");
    assert_eq!(cell(second, "came_by.other_text"), "'=Motor", "neutralised");
    assert_eq!(cell(second, "liked"), "Games;Other");
}

#[test]
fn a_csv_of_conflicting_inputs_leaves_the_conflict_out_and_exits_2() {
    let dir = tmp();
    let out = suara(
        dir.path(),
        &[
            "csv",
            "--survey",
            &data("festival-v2.json"),
            &data("tablet-b.json"),
            &data("tablet-c.json"),
            "-o",
            "out.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let rows = records(
        &std::fs::read(dir.path().join("out.csv")).expect("out.csv"),
        b',',
    );
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(!ids.iter().any(|i| i.ends_with("000000000003")), "{ids:?}");
}

#[test]
fn the_codebook_is_written_as_csv_or_json_by_the_file_name() {
    let dir = tmp();
    let mut failures = Vec::new();
    for name in ["codebook.csv", "codebook.json"] {
        let out = suara(
            dir.path(),
            &["codebook", "--survey", &data("festival.json"), "-o", name],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let bytes = std::fs::read(dir.path().join(name)).expect("the codebook");
        if let Err(e) = golden(name, &bytes) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_usage_error_exits_1_not_2_which_means_conflicts() {
    let out = suara(Path::new("."), &["csv", "--survey"]);
    assert_eq!(out.status.code(), Some(1));
    let out = suara(
        Path::new("."),
        &[
            "csv", "--survey", "x.json", "in.json", "-o", "o.csv", "--sep", "|",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("use , or ;"), "{}", stderr(&out));
}

#[test]
fn a_missing_input_file_is_named_in_the_error() {
    let dir = tmp();
    let out = suara(
        dir.path(),
        &[
            "merge",
            "--survey",
            &data("festival.json"),
            "nowhere.json",
            "-o",
            "m.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot read nowhere.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_command_has_an_example_in_its_help() {
    for command in ["validate", "merge", "csv", "codebook", "collect", "export"] {
        let out = suara(Path::new("."), &[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        let text = stdout(&out);
        assert!(
            text.contains(&format!("suara {command} ")),
            "{command} --help has no example:\n{text}"
        );
    }
}

/// tablet-a's file with its first two responses' times set to `times`
/// (started, submitted), written to `dir` as `name`.
fn export_with_times(dir: &Path, name: &str, times: &[(&str, &str)]) {
    let mut export: Value =
        serde_json::from_str(&std::fs::read_to_string(data("tablet-a.json")).unwrap()).unwrap();
    let responses = export["responses"].as_array_mut().unwrap();
    responses.truncate(times.len());
    for (r, (started, submitted)) in responses.iter_mut().zip(times) {
        r["started_at"] = (*started).into();
        r["submitted_at"] = (*submitted).into();
    }
    std::fs::write(dir.join(name), export.to_string()).unwrap();
}

/// The `started_at` and `submitted_at` cells of each record of a CSV.
fn times_of(bytes: &[u8]) -> Vec<(String, String)> {
    let rows = records(bytes, b',');
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    let (started, submitted) = (col("started_at"), col("submitted_at"));
    rows[1..]
        .iter()
        .map(|r| (r[started].clone(), r[submitted].clone()))
        .collect()
}

#[test]
fn csv_time_zone_writes_the_zones_wall_clock_with_its_offset_across_a_change_of_clocks() {
    let dir = tmp();
    // The night London's clocks go back: 01:30 happens twice.
    export_with_times(
        dir.path(),
        "night.json",
        &[
            ("2026-10-25T00:29:00.250Z", "2026-10-25T00:30:00.500Z"),
            ("2026-10-25T01:29:00Z", "2026-10-25T01:30:00Z"),
        ],
    );
    let survey = data("festival.json");
    let run = |out: &str, extra: &[&str]| {
        let mut args = vec!["csv", "--survey", &survey, "night.json", "-o", out];
        args.extend(extra);
        let o = suara(dir.path(), &args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        times_of(&std::fs::read(dir.path().join(out)).unwrap())
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        run("london.csv", &["--time-zone", "Europe/London"]),
        pairs(&[
            (
                "2026-10-25T01:29:00.250+01:00",
                "2026-10-25T01:30:00.500+01:00"
            ),
            ("2026-10-25T01:29:00+00:00", "2026-10-25T01:30:00+00:00"),
        ])
    );
    assert_eq!(
        run("jakarta.csv", &["--tz", "asia/jakarta"]),
        pairs(&[
            (
                "2026-10-25T07:29:00.250+07:00",
                "2026-10-25T07:30:00.500+07:00"
            ),
            ("2026-10-25T08:29:00+07:00", "2026-10-25T08:30:00+07:00"),
        ])
    );
    // UTC by default, as stored.
    assert_eq!(
        run("utc.csv", &[]),
        pairs(&[
            ("2026-10-25T00:29:00.250Z", "2026-10-25T00:30:00.500Z"),
            ("2026-10-25T01:29:00Z", "2026-10-25T01:30:00Z"),
        ])
    );
    // Summer in London: an hour ahead of UTC.
    export_with_times(
        dir.path(),
        "summer.json",
        &[("2026-08-17T09:00:00Z", "2026-08-17T09:00:30Z")],
    );
    let o = suara(
        dir.path(),
        &[
            "csv",
            "--survey",
            &survey,
            "summer.json",
            "-o",
            "summer.csv",
            "--time-zone",
            "Europe/London",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        times_of(&std::fs::read(dir.path().join("summer.csv")).unwrap()),
        pairs(&[("2026-08-17T10:00:00+01:00", "2026-08-17T10:00:30+01:00")])
    );
}

#[test]
fn an_unknown_time_zone_is_refused_with_the_zone_meant_and_writes_nothing() {
    let dir = tmp();
    let survey = data("festival.json");
    let a = data("tablet-a.json");
    for (given, meant) in [
        ("Asia/Jakrta", Some("Asia/Jakarta")),
        ("Jakarta", Some("Asia/Jakarta")),
        ("WIB", None),
    ] {
        let o = suara(
            dir.path(),
            &[
                "csv",
                "--survey",
                &survey,
                &a,
                "-o",
                "out.csv",
                "--time-zone",
                given,
            ],
        );
        assert_eq!(o.status.code(), Some(1), "{given}");
        let err = stderr(&o);
        assert!(
            err.contains(&format!("--time-zone {given}: not a time zone name")),
            "{err}"
        );
        match meant {
            Some(m) => assert!(err.contains(&format!("(did you mean {m}?)")), "{err}"),
            None => assert!(!err.contains("did you mean"), "{err}"),
        }
        assert!(err.contains("Asia/Jakarta, Asia/Makassar"), "{err}");
        assert!(!dir.path().join("out.csv").exists());
    }
}

#[test]
fn the_guides_first_survey_validates_as_readme_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tmp();
    std::fs::copy(
        root.join("examples/first-survey.json"),
        dir.path().join("posyandu.json"),
    )
    .unwrap();
    let out = suara(dir.path(), &["validate", "posyandu.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let line = stdout(&out);
    assert!(line.contains("no errors, 0 warnings"), "{line}");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("  {line}")),
        "README's guide shows `suara validate posyandu.json` saying {line:?}"
    );
}

#[test]
fn a_survey_with_the_inclusion_bank_validates_with_the_banks_own_files() {
    let dir = tmp();
    let out = suara(dir.path(), &["validate", &data("inclusion.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let mut survey: Value =
        serde_json::from_str(&std::fs::read_to_string(data("inclusion.json")).expect("the survey"))
            .expect("JSON");
    survey["pages"][1]["inclusion"]["items"][2] = "ethnicty".into();
    survey["pages"][1]["inclusion"]["items"]
        .as_array_mut()
        .expect("items")
        .push("sexual_orientation".into());
    survey["pages"][0]["questions"][0]["id"] = "religion".into();
    std::fs::write(dir.path().join("bad.json"), survey.to_string()).expect("a survey file");
    let out = suara(dir.path(), &["validate", "bad.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    for expected in [
        "error: Page 1, question 1 (`religion`): question id `religion` is one of the question bank's, which this survey uses: use the bank's item, or give this question another id ($.pages[0].questions[0].id)\n",
        "unknown item `ethnicty` (did you mean `ethnicity`?)",
        "($.pages[1].inclusion.items[2])\n",
        "item `sexual_orientation` is off in pack `ID`: asking it is unsafe or unlawful",
        "($.pages[1].inclusion.items[10])\n",
        "3 errors",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
}

#[test]
fn the_csv_and_codebook_of_an_inclusion_survey_have_the_bank_columns_one_row_each() {
    let dir = tmp();
    let survey = data("inclusion.json");
    let responses = data("inclusion-responses.json");
    let out = suara(
        dir.path(),
        &[
            "csv",
            "--survey",
            &survey,
            &responses,
            "-o",
            "inclusion.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = std::fs::read(dir.path().join("inclusion.csv")).expect("the CSV");
    let mut failures: Vec<String> = golden("inclusion.csv", &csv).err().into_iter().collect();
    let rows = records(&csv, b',');
    let at = |c: &str| rows[0].iter().position(|h| h == c).expect("a column");
    let disability: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r[at("wg_disability")].as_str())
        .collect();
    assert_eq!(disability, ["0", "", "1"]);
    let consent: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r[at("inclusion_consent")].as_str())
        .collect();
    assert_eq!(consent, ["1", "0", "1"]);
    for name in ["inclusion-codebook.csv", "inclusion-codebook.json"] {
        let out = suara(dir.path(), &["codebook", "--survey", &survey, "-o", name]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let bytes = std::fs::read(dir.path().join(name)).expect("the codebook");
        failures.extend(golden(name, &bytes).err());
    }
    let book = records(
        &std::fs::read(dir.path().join("inclusion-codebook.csv")).expect("the codebook"),
        b',',
    );
    let columns: Vec<&str> = book[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        columns,
        rows[0].iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_eq!(
        book[0],
        [
            "column",
            "question",
            "kind",
            "label",
            "codes",
            "label.en",
            "codes.en",
            "bank_item",
            "bank_version",
            "derivation"
        ]
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
