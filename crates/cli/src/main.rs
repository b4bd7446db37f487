//! `suara`: the organiser's command line. See the crate's library for what
//! each command does, and the README's "Command line" section.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use suara_cli::collector::{self, Config, DEFAULT_MAX_BODY};
use suara_cli::commands::{self, CsvArgs};
use suara_cli::store::Store;
use suara_domain::export::{CsvOptions, MultiColumns, Separator};
use suara_domain::Locale;

#[derive(Parser)]
#[command(
    name = "suara",
    version,
    about = "Suara for organisers: check surveys, merge the tablets' exports, write CSV, collect responses",
    after_help = "Exit codes: 0 done; 1 an error (the message says what to do); 2 done, but the same response id came with different answers (conflicts, all kept) and a person must decide.\n\nRun `suara COMMAND --help` for each command's options and an example."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a survey file: every problem, where it is and its JSON path
    #[command(
        after_help = "Example:\n  suara validate festival.json\n  suara validate --strict festival.json   # missing translations fail too\n  suara validate --lang id festival.json  # the messages in Indonesian\n\nExit code 1 when the survey has errors (or, with --strict, missing translations)."
    )]
    Validate {
        /// The survey file
        survey: PathBuf,
        /// Missing translations fail (exit code 1) instead of warning
        #[arg(long)]
        strict: bool,
        /// The language of the messages: en (English) or id (Indonesian)
        #[arg(long, default_value = "en", value_parser = ["en", "id"])]
        lang: String,
    },
    /// Combine the widget's JSON export files, each response once
    #[command(
        after_help = "Example:\n  suara merge --survey festival.json tablet-1.json tablet-2.json tablet-3.json -o merged.json\n\nA response in several files is kept once. The same id with different answers is a conflict: every version is kept under `conflicts` in the output, and the exit code is 2."
    )]
    Merge {
        #[command(flatten)]
        survey: SurveyArg,
        /// The export files (the widget's \"JSON\" download)
        #[arg(required = true)]
        files: Vec<String>,
        /// The merged file to write (`-` for standard output)
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write one CSV from export files or a collector's database
    #[command(
        after_help = "Examples:\n  suara csv --survey festival.json tablet-*.json -o festival.csv\n  suara csv --survey festival.json sqlite:responses.db -o festival.csv --labels --sep ';' --bom\n  suara csv --survey festival.json merged.json -o festival.csv --multi joined --labels --lang en\n  suara csv --survey festival.json tablet-*.json -o festival.csv --time-zone Asia/Jakarta\n\nThe inputs are merged as `suara merge` does; conflicting responses are left out and listed (exit code 2)."
    )]
    Csv {
        #[command(flatten)]
        survey: SurveyArg,
        /// Export files, merged files, or a collector's database (sqlite:FILE, postgres://...)
        #[arg(required = true)]
        inputs: Vec<String>,
        /// The CSV file to write (`-` for standard output)
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        format: CsvFormat,
        /// Write the options' labels instead of their codes
        #[arg(long)]
        labels: bool,
        /// The language of --labels (default: the survey's default language)
        #[arg(long, requires = "labels")]
        lang: Option<String>,
        /// Write submitted_at and started_at in this time zone, with its offset (2026-08-17T09:30:00+07:00): an IANA name such as Asia/Jakarta (default: UTC, as stored)
        #[arg(long = "time-zone", visible_alias = "tz", value_name = "ZONE")]
        time_zone: Option<String>,
    },
    /// Write the codebook: what each CSV column holds and what its codes mean
    #[command(
        after_help = "Examples:\n  suara codebook --survey festival.json -o codebook.csv\n  suara codebook --survey festival.json -o codebook.json\n\nOne row per CSV column (with the same --multi): its words and codes in each of the survey's languages (the default first), the question bank's item and version it comes from, and how a derived column such as wg_disability is computed."
    )]
    Codebook {
        #[command(flatten)]
        survey: SurveyArg,
        /// The file to write: JSON when it ends in .json, else CSV
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        format: CsvFormat,
    },
    /// Take the widget's responses over HTTP and store each once
    #[command(
        after_help = "Examples:\n  suara collect --survey festival.json --origin http://192.168.1.20:8080\n  suara collect --survey festival.json --survey festival-v2.json --db postgres://suara@db.example:5432/suara --listen 0.0.0.0:8787 --origin https://partner.example\n\nPoint the widget's `endpoint` at http://HOST:PORT/responses. Answers: 201 stored, 200 already stored, 409 same id with other answers (kept), 400/403/413/415/422 refused (kept in quarantine with the reason), 503 database trouble (send again). GET /health reports the store and its counts."
    )]
    Collect {
        /// Survey files whose responses are taken (repeat for several surveys or versions)
        #[arg(long = "survey", required = true)]
        surveys: Vec<PathBuf>,
        /// Where responses are stored: sqlite:FILE (created if missing) or postgres://USER@HOST:PORT/DATABASE
        #[arg(long, default_value = "sqlite:responses.db")]
        db: String,
        /// Address and port to listen on
        #[arg(long, default_value = "127.0.0.1:8787")]
        listen: String,
        /// A browser origin allowed to send (repeat for several; `*` for any). Without one, only requests that are not from a browser page are taken
        #[arg(long = "origin")]
        origins: Vec<String>,
        /// The widget's `wrap` setting, when it is used: responses come as {"WRAP": ...}
        #[arg(long)]
        wrap: Option<String>,
        /// Largest body taken, in bytes
        #[arg(long, default_value_t = DEFAULT_MAX_BODY)]
        max_body: usize,
        /// Print nothing per request
        #[arg(long, short)]
        quiet: bool,
    },
    /// Write everything a collector holds as the widget's JSON export
    #[command(
        after_help = "Example:\n  suara export --db sqlite:responses.db --survey festival.json -o festival.json\n\nConflicts are kept under `conflicts` (exit code 2), as `suara merge` does."
    )]
    Export {
        /// The collector's database: sqlite:FILE or postgres://...
        #[arg(long)]
        db: String,
        #[command(flatten)]
        survey: SurveyArg,
        /// The file to write (`-` for standard output)
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Args)]
struct SurveyArg {
    /// The survey file the responses answer
    #[arg(long = "survey")]
    path: PathBuf,
}

#[derive(Args)]
struct CsvFormat {
    /// Multiple-choice answers: one 0/1 column per option, one column of codes joined by `;`, or both
    #[arg(long, default_value = "columns", value_parser = commands::parse_multi)]
    multi: MultiColumns,
    /// The field separator: `,` or `;` (for spreadsheets in locales with a decimal comma)
    #[arg(long, default_value = ",", value_parser = commands::parse_separator)]
    sep: Separator,
    /// Start with a UTF-8 byte order mark (for Excel)
    #[arg(long)]
    bom: bool,
}

impl CsvFormat {
    fn options(&self) -> CsvOptions {
        CsvOptions {
            bom: self.bom,
            multi: self.multi,
            separator: self.sep,
        }
    }
}

fn run(cli: Cli) -> commands::Outcome {
    match cli.command {
        Command::Validate {
            survey,
            strict,
            lang,
        } => {
            let lang = Locale::parse(&lang).ok_or("--lang: use en or id")?;
            commands::validate(&survey, strict, &lang, &mut std::io::stdout())
        }
        Command::Merge {
            survey,
            files,
            output,
        } => commands::merge(&survey.path, &files, &output),
        Command::Csv {
            survey,
            inputs,
            output,
            format,
            labels,
            lang,
            time_zone,
        } => {
            let zone = time_zone.as_deref().map(commands::time_zone).transpose()?;
            let labels = if labels {
                let s = commands::load_survey(&survey.path)?;
                Some(commands::labels_locale(&s, lang.as_deref())?)
            } else {
                None
            };
            let args = CsvArgs {
                options: format.options(),
                labels,
                zone,
            };
            commands::csv(&survey.path, &inputs, &output, &args)
        }
        Command::Codebook {
            survey,
            output,
            format,
        } => commands::codebook(&survey.path, &output, format.options()),
        Command::Collect {
            surveys,
            db,
            listen,
            origins,
            wrap,
            max_body,
            quiet,
        } => {
            let surveys = surveys
                .iter()
                .map(|p| commands::load_survey(p))
                .collect::<Result<Vec<_>, _>>()?;
            let config = Config {
                surveys,
                origins,
                wrap,
                max_body,
                log: !quiet,
            };
            collect(&db, &listen, config)
        }
        Command::Export { db, survey, output } => commands::export(&db, &survey.path, &output),
    }
}

fn collect(db: &str, listen: &str, config: Config) -> commands::Outcome {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async {
        let store = Store::open(db).await.map_err(|e| e.to_string())?;
        let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| {
            format!("cannot listen on {listen}: {e}; is another collector running there? pick another --listen port")
        })?;
        let surveys: Vec<String> = config
            .surveys
            .iter()
            .map(|s| format!("{} v{}", s.id, s.version))
            .collect();
        // The address actually bound (the port may have been 0): tests and
        // scripts read this line.
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        eprintln!(
            "suara collect: listening on http://{addr}/responses ({}; surveys {}; origins {})",
            db,
            surveys.join(", "),
            if config.origins.is_empty() {
                "none".to_owned()
            } else {
                config.origins.join(" ")
            }
        );
        collector::serve(listener, store, config)
            .await
            .map_err(|e| format!("the collector stopped: {e}"))?;
        Ok(commands::OK)
    })
}

fn main() -> ExitCode {
    // Not `Cli::parse()`: clap exits with 2 on a usage error, and 2 means
    // "conflicts" here. A usage error is an error like any other: 1.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
