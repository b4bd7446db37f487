//! The commands other than `collect`. Each returns its exit code (0, or 2
//! when conflicts need a person) or an error message that says what to do.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use suara_domain::codebook;
use suara_domain::export::{self, CsvOptions, MultiColumns, Separator};
use suara_domain::i18n;
use suara_domain::merge::{self, Merged};
use suara_domain::translation::missing_translations;
use suara_domain::zone::{self, UtcOffset};
use suara_domain::{Locale, Response, Survey};

use crate::store::{is_database_url, Store};

/// Everything went as asked.
pub const OK: u8 = 0;
/// Done, but some ids have conflicting bodies: a person must look.
pub const CONFLICTS: u8 = 2;

/// A command's result: an exit code, or an error for the person.
pub type Outcome = Result<u8, String>;

/// Reads and parses a survey file; the error lists every problem.
pub fn load_survey(path: &Path) -> Result<Survey, String> {
    let text = read_text(path)?;
    Survey::parse(&text).map_err(|errors| {
        let mut msg = format!(
            "{} is not a valid survey ({} problem{}); run `suara validate {}` for details:",
            path.display(),
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            path.display()
        );
        let english = Locale::parse("en").expect("a language code");
        for e in errors.iter().take(5) {
            msg.push_str(&format!("\n  {}", i18n::problem_line(&english, e)));
        }
        if errors.len() > 5 {
            msg.push_str(&format!("\n  ... and {} more", errors.len() - 5));
        }
        msg
    })
}

/// A file's text as a browser decodes it: UTF-8, a byte order mark at the
/// start dropped (editors such as Notepad write one), so a file the widget
/// reads is read here the same.
fn read_text(path: &Path) -> Result<String, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// `suara validate`: every problem, as the widget words it (the same
/// domain function reads the file), on standard output in `lang` (English or
/// Indonesian); missing translations as warnings.
pub fn validate(path: &Path, strict: bool, lang: &Locale, out: &mut impl Write) -> Outcome {
    let text = read_text(path)?;
    let id = lang.language() == "id";
    let w = |out: &mut dyn Write, line: String| -> Result<(), String> {
        writeln!(out, "{line}").map_err(|e| format!("cannot write: {e}"))
    };
    let (error, warning) = if id {
        ("kesalahan", "peringatan")
    } else {
        ("error", "warning")
    };
    let plural = |n: usize, one: &str| {
        if n == 1 || id {
            format!("{n} {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    match Survey::parse(&text) {
        Err(errors) => {
            for line in i18n::problem_lines(lang, &errors) {
                w(out, format!("{error}: {line}"))?;
            }
            w(
                out,
                format!("{}: {}", path.display(), plural(errors.len(), error)),
            )?;
            Ok(1)
        }
        Ok(survey) => {
            let missing = missing_translations(&survey);
            let mut warnings = 0;
            for m in &missing {
                for p in &m.paths {
                    warnings += 1;
                    let line = if id {
                        format!("{p}: belum diterjemahkan ke `{}`", m.locale)
                    } else {
                        format!("{p}: no translation into `{}`", m.locale)
                    };
                    w(out, format!("{warning}: {line}"))?;
                }
            }
            let questions = survey.questions().count();
            let pages = survey.pages.len();
            let fail = warnings > 0 && strict;
            let summary = if id {
                format!(
                    "survei `{}` versi `{}`, {pages} halaman, {questions} pertanyaan: tidak ada kesalahan, {warnings} peringatan{}",
                    survey.id,
                    survey.version,
                    if fail { " (--strict: peringatan menggagalkan)" } else { "" }
                )
            } else {
                format!(
                    "survey `{}` version `{}`, {}, {}: no errors, {}{}",
                    survey.id,
                    survey.version,
                    plural(pages, "page"),
                    plural(questions, "question"),
                    plural(warnings, "warning"),
                    if fail {
                        " (--strict: warnings fail)"
                    } else {
                        ""
                    }
                )
            };
            w(out, format!("{}: {summary}", path.display()))?;
            Ok(if fail { 1 } else { OK })
        }
    }
}

fn progress(len: u64, what: &str) -> ProgressBar {
    // Drawn on standard error, and only when it is a terminal.
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len} ({elapsed})")
            .expect("a valid progress template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_owned());
    bar
}

/// Responses read from export files and databases, checked against the survey.
struct Inputs {
    responses: Vec<Response>,
    /// Responses read, by survey version.
    versions: BTreeMap<String, usize>,
}

/// Reads every input (an export file, or a collector's database URL), with
/// a progress bar. Responses to another survey are an error.
fn read_inputs(survey: &Survey, inputs: &[String]) -> Result<Inputs, String> {
    if inputs.is_empty() {
        return Err("no input given: name the export files (or a collector's database, sqlite:FILE or postgres://...)".into());
    }
    let bar = progress(inputs.len() as u64, "reading");
    let mut all = Vec::new();
    for input in inputs {
        let responses = if is_database_url(input) {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            let all = rt.block_on(async {
                let store = Store::open(input).await.map_err(|e| e.to_string())?;
                let all = store.all().await.map_err(|e| format!("{input}: {e}"));
                store.close().await;
                all
            })?;
            // A collector may hold several surveys: take this one's.
            let (ours, others): (Vec<Response>, Vec<Response>) =
                all.into_iter().partition(|r| r.survey_id == survey.id);
            if !others.is_empty() {
                eprintln!(
                    "note: {input}: {} response{} to other surveys left out",
                    others.len(),
                    if others.len() == 1 { "" } else { "s" }
                );
            }
            ours
        } else {
            let path = Path::new(input);
            let text = read_text(path)?;
            merge::read_export(&text)
                .map_err(|e| {
                    format!(
                        "{input}: {e} (expected a Suara JSON export: the widget's \"JSON\" download)"
                    )
                })?
                .responses
        };
        let others: Vec<&Response> = responses
            .iter()
            .filter(|r| r.survey_id != survey.id)
            .collect();
        if let Some(first) = others.first() {
            return Err(format!(
                "{input}: {} response{} to survey `{}`, not `{}`; merge the files of one survey at a time, or give that survey with --survey",
                others.len(),
                if others.len() == 1 { " is" } else { "s are" },
                first.survey_id,
                survey.id
            ));
        }
        all.extend(responses);
        bar.inc(1);
    }
    bar.finish_and_clear();
    let mut versions = BTreeMap::new();
    for r in &all {
        *versions.entry(r.survey_version.clone()).or_insert(0) += 1;
    }
    Ok(Inputs {
        responses: all,
        versions,
    })
}

/// Tells what a merge did on standard error; returns the exit code.
fn report(inputs: usize, read: &Inputs, merged: &Merged, survey: &Survey) -> u8 {
    let versions: Vec<String> = read
        .versions
        .iter()
        .map(|(v, n)| format!("{n} of version {v}"))
        .collect();
    eprintln!(
        "read {} response{} from {inputs} input{} ({}); kept {}, left out {} cop{}",
        read.responses.len(),
        if read.responses.len() == 1 { "" } else { "s" },
        if inputs == 1 { "" } else { "s" },
        versions.join(", "),
        merged.responses.len(),
        merged.duplicates,
        if merged.duplicates == 1 { "y" } else { "ies" },
    );
    if read.versions.keys().any(|v| *v != survey.version) {
        eprintln!(
            "note: the survey given is version {}; answers to questions it does not have are not in the CSV",
            survey.version
        );
    }
    if merged.conflicts.is_empty() {
        return OK;
    }
    eprintln!(
        "{} conflict{}: the same id with different answers (every version is kept under `conflicts` in a merged file, and left out of a CSV); decide which is right and remove the others:",
        merged.conflicts.len(),
        if merged.conflicts.len() == 1 { "" } else { "s" }
    );
    for c in &merged.conflicts {
        eprintln!("  {} ({} versions)", c.id, c.responses.len());
    }
    CONFLICTS
}

/// Writes `contents` to `path` (or standard output for `-`), whole or not at
/// all: a temporary file beside it, renamed over it.
pub fn write_output(path: &Path, contents: &[u8]) -> Result<(), String> {
    if path == Path::new("-") {
        return std::io::stdout()
            .write_all(contents)
            .map_err(|e| format!("cannot write: {e}"));
    }
    let name = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file name", path.display()))?;
    let tmp: PathBuf = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let write = || -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        format!(
            "cannot write {}: {e}; check that the folder exists and is writable",
            path.display()
        )
    })
}

/// `suara merge`: export files in, one export file out.
pub fn merge(survey_path: &Path, inputs: &[String], output: &Path) -> Outcome {
    let survey = load_survey(survey_path)?;
    let read = read_inputs(&survey, inputs)?;
    let merged = merge::merge(read.responses.iter().cloned());
    let json = merge::to_json(&survey, &merged, &crate::now_rfc3339());
    write_output(output, json.as_bytes())?;
    Ok(report(inputs.len(), &read, &merged, &survey))
}

/// How `suara csv` writes.
#[derive(Debug, Clone, Default)]
pub struct CsvArgs {
    pub options: CsvOptions,
    /// Labels in this language instead of codes (`Some` with `--labels`).
    pub labels: Option<Locale>,
    /// The time zone of the CSV's times (`--time-zone`); UTC, as stored, when `None`.
    pub zone: Option<TimeZone>,
}

/// A time zone's rule for the domain's CSV writer: its offset at an instant.
struct Zone<'a>(&'a TimeZone);

impl UtcOffset for Zone<'_> {
    fn offset_at(&self, utc: i64) -> i32 {
        // Every instant a timestamp can name (years 0 to 9999) is a jiff
        // timestamp; anything else is left in UTC.
        Timestamp::from_second(utc).map_or(0, |t| self.0.to_offset(t).seconds())
    }
}

/// Reads `--time-zone`: an IANA name such as `Asia/Jakarta` (any case), or
/// `UTC`. An unknown name says which zone was likely meant.
pub fn time_zone(name: &str) -> Result<TimeZone, String> {
    if let Ok(zone) = TimeZone::get(name.trim()) {
        return Ok(zone);
    }
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_owned())
        .collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let meant = zone::suggest(name, &refs)
        .map(|n| format!(" (did you mean {n}?)"))
        .unwrap_or_default();
    Err(format!(
        "--time-zone {name}: not a time zone name{meant}; give an IANA time zone name such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura, Europe/London or UTC"
    ))
}

/// Picks the language for `--labels`: `--lang` when the survey offers it,
/// else the survey's default.
pub fn labels_locale(survey: &Survey, lang: Option<&str>) -> Result<Locale, String> {
    match lang {
        None => Ok(survey.default_locale.clone()),
        Some(code) => survey
            .locales
            .iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(code))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "--lang {code}: the survey is in {}; pick one of those",
                    survey
                        .locales
                        .iter()
                        .map(Locale::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }),
    }
}

/// Parses `--multi`.
pub fn parse_multi(s: &str) -> Result<MultiColumns, String> {
    match s {
        "columns" => Ok(MultiColumns::Columns),
        "joined" => Ok(MultiColumns::Joined),
        "both" => Ok(MultiColumns::Both),
        _ => Err(format!("`{s}`: use columns, joined or both")),
    }
}

/// Parses `--sep`.
pub fn parse_separator(s: &str) -> Result<Separator, String> {
    match s {
        "," | "comma" => Ok(Separator::Comma),
        ";" | "semicolon" => Ok(Separator::Semicolon),
        _ => Err(format!(
            "`{s}`: use , or ; (quote it in the shell: --sep ';')"
        )),
    }
}

/// Responses written per step of the CSV's progress bar.
const CSV_CHUNK: usize = 2_000;

/// `suara csv`: export files or a database in, one CSV out.
pub fn csv(survey_path: &Path, inputs: &[String], output: &Path, args: &CsvArgs) -> Outcome {
    let survey = load_survey(survey_path)?;
    let read = read_inputs(&survey, inputs)?;
    let merged = merge::merge(read.responses.iter().cloned());
    let zone = args.zone.as_ref().map(Zone);
    let zone = zone.as_ref().map(|z| z as &dyn UtcOffset);
    let mut out = String::new();
    if args.options.bom {
        out.push('\u{feff}');
    }
    out.push_str(&export::csv_records(
        &survey,
        &[],
        args.options,
        true,
        args.labels.as_ref(),
        zone,
    ));
    let bar = progress(merged.responses.len() as u64, "writing");
    for chunk in merged.responses.chunks(CSV_CHUNK) {
        out.push_str(&export::csv_records(
            &survey,
            chunk,
            args.options,
            false,
            args.labels.as_ref(),
            zone,
        ));
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    write_output(output, out.as_bytes())?;
    Ok(report(inputs.len(), &read, &merged, &survey))
}

/// `suara codebook`: the codebook as CSV, or as JSON when `output` ends in `.json`.
pub fn codebook(survey_path: &Path, output: &Path, options: CsvOptions) -> Outcome {
    let survey = load_survey(survey_path)?;
    let rows = codebook::codebook(&survey, options.multi);
    let json = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let contents = if json {
        codebook::to_json(&survey, &rows)
    } else {
        codebook::to_csv(&rows, options)
    };
    write_output(output, contents.as_bytes())?;
    eprintln!(
        "wrote the codebook of survey `{}` version `{}`: {} columns",
        survey.id,
        survey.version,
        rows.len()
    );
    Ok(OK)
}

/// `suara export`: everything the collector holds for the survey, as the
/// widget's JSON export (with `conflicts` when there are any).
pub fn export(db: &str, survey_path: &Path, output: &Path) -> Outcome {
    let survey = load_survey(survey_path)?;
    if !is_database_url(db) {
        return Err(format!(
            "--db {db}: give the collector's database, sqlite:FILE or postgres://..."
        ));
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let (all, counts) = rt.block_on(async {
        let store = Store::open(db).await.map_err(|e| e.to_string())?;
        let all = store.all().await.map_err(|e| format!("{db}: {e}"))?;
        let counts = store.counts().await.map_err(|e| format!("{db}: {e}"))?;
        store.close().await;
        Ok::<_, String>((all, counts))
    })?;
    let (ours, others): (Vec<Response>, Vec<Response>) =
        all.into_iter().partition(|r| r.survey_id == survey.id);
    let read = Inputs {
        versions: ours.iter().fold(BTreeMap::new(), |mut m, r| {
            *m.entry(r.survey_version.clone()).or_insert(0) += 1;
            m
        }),
        responses: ours,
    };
    let merged = merge::merge(read.responses.iter().cloned());
    write_output(
        output,
        merge::to_json(&survey, &merged, &crate::now_rfc3339()).as_bytes(),
    )?;
    let code = report(1, &read, &merged, &survey);
    if !others.is_empty() {
        eprintln!(
            "note: {} response{} to other surveys not exported (export them with their own --survey)",
            others.len(),
            if others.len() == 1 { "" } else { "s" }
        );
    }
    if counts.quarantined > 0 {
        eprintln!(
            "note: {} refused request{} kept in the database's quarantine table, with the reason each was refused",
            counts.quarantined,
            if counts.quarantined == 1 { "" } else { "s" }
        );
    }
    Ok(code)
}
