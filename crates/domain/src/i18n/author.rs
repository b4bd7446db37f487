//! The survey author's messages: what is wrong with a survey file, where,
//! and what to do, in English and Indonesian. Other languages read English:
//! these words are for the few people who write surveys, and every language
//! here costs the respondent's download (about 2 KB gzip for Indonesian).

use std::fmt;

use crate::expr::{Expected, ExprError, ExprProblem, Op, Token, Want};
use crate::problem::{
    Earlier, Fetch, Found, Holder, IdOf, Item, JsonType, List, Part, Place, Problem, SchemaError,
};
use crate::syntax::{Syntax, MAX_DEPTH};
use crate::text::{join, Locale};

/// The languages the author's messages exist in; others read English.
pub const AUTHOR_LANGUAGES: &[&str] = &["en", "id"];

/// Whether the author's words in `locale` are Indonesian (else English).
fn indonesian(locale: &Locale) -> bool {
    locale.language() == "id"
}

/// One problem as the author reads it: where it is as a person counts,
/// what is wrong, and its JSON path, in `locale`'s language (Indonesian or
/// English). The widget and `suara validate` both show these lines.
pub fn problem_line(locale: &Locale, e: &SchemaError) -> String {
    let id = indonesian(locale);
    let place = capitalised(&place(id, &e.place));
    let message = message(id, &e.problem);
    match e.place {
        // A setting's name is its place, as in the settings' messages.
        Place::Setting(name) => format!("{name}: {message}"),
        Place::File | Place::Line { .. } => format!("{place}: {message}"),
        _ => format!("{place}: {message} ({})", e.path),
    }
}

/// Every problem's line, in order (see [`problem_line`]).
pub fn problem_lines(locale: &Locale, errors: &[SchemaError]) -> Vec<String> {
    errors.iter().map(|e| problem_line(locale, e)).collect()
}

/// The language for the author's messages: the page's preferred language
/// when the survey offers it, else the survey's default language, else the
/// page's language, else English (`survey_locales` are the survey's
/// `default_locale` first and its `locales`, as far as they could be read).
pub fn author_locale(survey_locales: &[Locale], page_lang: Option<&Locale>) -> Locale {
    let offered = |l: &Locale| survey_locales.iter().any(|s| s.language() == l.language());
    page_lang
        .filter(|l| offered(l))
        .or(survey_locales.first())
        .or(page_lang)
        .cloned()
        .unwrap_or_else(|| Locale::parse("en").expect("a language code"))
}

/// The English words without the place: `path: message`, for logs and tests.
impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, message(false, &self.problem))
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // ASCII only: every place starts with a plain letter, and Unicode's
        // case tables would cost the wasm for nothing.
        Some(first) => first.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

fn place(id: bool, p: &Place) -> String {
    let named = |base: String, name: &Option<String>| match name {
        Some(n) => format!("{base} (`{n}`)"),
        None => base,
    };
    let (base, part) = match p {
        Place::File => {
            return (if id {
                "berkas survei"
            } else {
                "the survey file"
            })
            .into()
        }
        Place::Line { line, column } => {
            return if id {
                format!("baris {line}, kolom {column}")
            } else {
                format!("line {line}, column {column}")
            }
        }
        Place::Survey => return (if id { "survei" } else { "the survey" }).into(),
        Place::Setting(name) => return (*name).into(),
        Place::Page {
            page,
            id: name,
            part,
        } => (
            named(
                format!("{} {page}", if id { "halaman" } else { "page" }),
                name,
            ),
            part,
        ),
        Place::Question {
            page,
            question,
            id: name,
            part,
        } => (
            named(
                if id {
                    format!("halaman {page}, pertanyaan {question}")
                } else {
                    format!("page {page}, question {question}")
                },
                name,
            ),
            part,
        ),
    };
    match part {
        Part::Whole => base,
        Part::ShowIf if id => format!("syarat show_if pada {base}"),
        Part::ShowIf => format!("the show-if of {base}"),
        Part::Item(list, n) => {
            let item = match (list, id) {
                (List::Options, false) => "option",
                (List::Options, true) => "pilihan",
                (List::Rows, false) => "row",
                (List::Rows, true) => "baris",
                (List::Columns, false) => "column",
                (List::Columns, true) => "kolom",
                (List::Labels, _) => "label",
            };
            format!("{base}, {item} {n}")
        }
    }
}

fn type_name(id: bool, t: JsonType) -> &'static str {
    match (t, id) {
        (JsonType::Null, _) => "null",
        (JsonType::Bool, false) => "a boolean",
        (JsonType::Bool, true) => "nilai true/false",
        (JsonType::Number, false) => "a number",
        (JsonType::Number, true) => "angka",
        (JsonType::String, false) => "a string",
        (JsonType::String, true) => "teks",
        (JsonType::Array, false) => "an array",
        (JsonType::Array, true) => "array",
        (JsonType::Object, false) => "an object",
        (JsonType::Object, true) => "objek",
    }
}

fn found(id: bool, f: &Found) -> String {
    match f {
        Found::Written(s) => s.clone(),
        Found::Type(t) => type_name(id, *t).to_owned(),
    }
}

fn holder(id: bool, h: Holder) -> String {
    match (h, id) {
        (Holder::Survey, false) => "a survey".into(),
        (Holder::Survey, true) => "survei".into(),
        (Holder::Page, false) => "a page".into(),
        (Holder::Page, true) => "halaman".into(),
        (Holder::Question, false) => "a question".into(),
        (Holder::Question, true) => "pertanyaan".into(),
        (Holder::QuestionOfKind(k), false) => format!("a question of kind `{k}`"),
        (Holder::QuestionOfKind(k), true) => format!("pertanyaan jenis `{k}`"),
        (Holder::Option, false) => "an option".into(),
        (Holder::Option, true) => "pilihan".into(),
        (Holder::Row, false) => "a row".into(),
        (Holder::Row, true) => "baris".into(),
        (Holder::Column, false) => "a column".into(),
        (Holder::Column, true) => "kolom".into(),
    }
}

fn item(id: bool, i: Item) -> &'static str {
    match (i, id) {
        (Item::Option, false) => "option",
        (Item::Option, true) => "pilihan",
        (Item::Row, false) => "row",
        (Item::Row, true) => "baris",
        (Item::Column, false) => "column",
        (Item::Column, true) => "kolom",
    }
}

fn id_of(id: bool, w: IdOf) -> &'static str {
    match (w, id) {
        (IdOf::Page, false) => "page",
        (IdOf::Page, true) => "halaman",
        (IdOf::Question, false) => "question",
        (IdOf::Question, true) => "pertanyaan",
    }
}

fn earlier(id: bool, e: Earlier) -> &'static str {
    match (e, id) {
        (Earlier::BeforeQuestion, false) => "questions before it",
        (Earlier::BeforeQuestion, true) => "pertanyaan sebelumnya",
        (Earlier::EarlierPages, false) => "questions on earlier pages",
        (Earlier::EarlierPages, true) => "pertanyaan di halaman sebelumnya",
    }
}

/// "; did you mean `x`?" when there is an `x`.
fn did_you_mean(id: bool, s: Option<&str>) -> String {
    match (s, id) {
        (None, _) => String::new(),
        (Some(s), false) => format!("; did you mean `{s}`?"),
        (Some(s), true) => format!("; mungkin maksud Anda `{s}`?"),
    }
}

fn message(id: bool, p: &Problem) -> String {
    if id {
        indonesian_message(p)
    } else {
        english_message(p)
    }
}

fn english_message(p: &Problem) -> String {
    let id = false;
    match p {
        Problem::TooLarge { bytes, max } => {
            format!("the file is {bytes} bytes; a survey may be at most {max} bytes")
        }
        Problem::Syntax(e) => english_syntax(&e.kind),
        Problem::NotJson(why) => format!("not valid JSON: {why}"),
        Problem::NotObject { what, found } => format!(
            "{} must be an object, found {}",
            holder(id, *what),
            type_name(id, *found)
        ),
        Problem::UnknownField {
            key,
            what,
            other_kinds,
            suggestion,
            allowed,
        } => {
            let for_others = if other_kinds.is_empty() {
                String::new()
            } else {
                format!(" (`{key}` is for `{}` questions)", join(other_kinds, "` and `"))
            };
            with_suggestion(
                id,
                format!("unknown field `{key}` in {}{for_others}", holder(id, *what)),
                suggestion.map(|s| format!("`{s}`")),
                format!("expected one of: {}", join(allowed, ", ")),
            )
        }
        Problem::MissingField { key } => format!("missing field `{key}`"),
        Problem::NotString { key, found } => {
            format!("`{key}` must be a string, found {}", type_name(id, *found))
        }
        Problem::NotBool { key, found } => {
            format!("`{key}` must be true or false, found {}", type_name(id, *found))
        }
        Problem::NotWhole {
            key,
            min,
            max,
            found: f,
        } => format!(
            "`{key}` must be a whole number from {min} to {max}, found {}",
            found(id, f)
        ),
        Problem::NotNumber { key, found: f } => {
            format!("`{key}` must be a number, found {}", found(id, f))
        }
        Problem::NotDate { key, found: f } => format!(
            "`{key}` must be a date written YYYY-MM-DD, such as 2026-03-15, found {}",
            found(id, f)
        ),
        Problem::NotOneOf {
            key,
            allowed,
            found: f,
        } => format!(
            "`{key}` must be {}, found {}",
            numbers(allowed, " or "),
            found(id, f)
        ),
        Problem::NotArray { key, found } => {
            format!("`{key}` must be an array, found {}", type_name(id, *found))
        }
        Problem::EmptyArray { key } => format!("`{key}` must not be empty"),
        Problem::TooManyItems { key, len, max } => {
            format!("`{key}` has {len} items; at most {max} are allowed")
        }
        Problem::TooFewItems {
            key,
            len,
            kind,
            min,
        } => format!("`{key}` has {len} item; a question of kind `{kind}` needs at least {min}"),
        Problem::TextEmpty => "text must not be empty".into(),
        Problem::TextTooLong { max } => format!("text is longer than {max} characters"),
        Problem::TextNotString { found } => {
            format!("text must be a string, found {}", type_name(id, *found))
        }
        Problem::TextWrongType { found } => format!(
            "text must be a string or an object of locale to string, found {}",
            type_name(id, *found)
        ),
        Problem::NotSurveyLocale { code, offered } => format!(
            "`{code}` is not one of the survey's locales ({})",
            strings(offered)
        ),
        Problem::NoDefaultText { default } => {
            format!("missing text for the default locale `{default}`")
        }
        Problem::FormatVersion {
            found: f,
            supported,
        } => format!(
            "`format` must be {supported}, found {}; this version of Suara reads format {supported}",
            found(id, f)
        ),
        Problem::SurveyId { id } => {
            format!("survey id `{id}` must be 1 to 128 letters, digits, `_`, `-` or `.`")
        }
        Problem::Version { found: f } => format!(
            "`version` must be a text of 1 to 64 characters or a whole number, found {}",
            found(id, f)
        ),
        Problem::NotLanguageCode { code } => {
            format!("`{code}` is not a language code such as `id` or `en`")
        }
        Problem::LocaleTwice { code } => format!("locale `{code}` is listed twice"),
        Problem::LocaleNotString { found } => {
            format!("a locale must be a string, found {}", type_name(id, *found))
        }
        Problem::LocalesNotArray { found } => format!(
            "`locales` must be an array of language codes, found {}",
            type_name(id, *found)
        ),
        Problem::LocalesWithoutDefault { default } => {
            format!("`locales` must include the default locale `{default}`")
        }
        Problem::TooManyQuestions { max } => format!("a survey may have at most {max} questions"),
        Problem::IdEmpty { what } => format!("{} id must not be empty", id_of(id, *what)),
        Problem::IdNotCode { what, id: code } => format!(
            "{} id `{code}` must start with a lower-case letter and hold only a-z, 0-9 and `_` (at most 64)",
            id_of(id, *what)
        ),
        Problem::PageIdTwice { id } => format!("page id `{id}` is used twice"),
        Problem::QuestionIdReserved { id } => format!(
            "question id `{id}` is reserved: the CSV export has its own `{id}` column; choose another id"
        ),
        Problem::QuestionIdTwice { id, first } => {
            format!("question id `{id}` is already used at {first}")
        }
        Problem::UnknownKind {
            kind,
            suggestion,
            kinds,
        } => with_suggestion(
            id,
            format!("unknown question kind `{kind}`"),
            suggestion.map(|s| format!("`{s}`")),
            format!("expected one of: {}", join(kinds, ", ")),
        ),
        Problem::UnknownPipe {
            id: q,
            earlier: e,
            suggestion,
        } => format!(
            "`{{{q}}}` shows the answer to question `{q}`, but it is not one of the {}{}",
            earlier(id, *e),
            did_you_mean(id, suggestion.as_deref())
        ),
        Problem::OtherWrongType { found } => format!(
            "`other` must be true, false or the label of the \"other\" choice, found {}",
            type_name(id, *found)
        ),
        Problem::OtherValueTaken { value } => format!(
            "with `other`, no option may have the value `{value}`: it is kept for the \"other\" answer"
        ),
        Problem::ConsentNeedsText => {
            "a required consent question needs `text`: the statement the person agrees to".into()
        }
        Problem::MaxBelowMin { min, max } => {
            format!("`max` ({max}) must not be less than `min` ({min})")
        }
        Problem::MaxBeforeMin { min, max } => {
            format!("`max` ({max}) must not be before `min` ({min})")
        }
        Problem::LabelsNotArray { points, found } => format!(
            "`labels` must be an array of {points} texts, one per point, found {}",
            type_name(id, *found)
        ),
        Problem::LabelsCount { len, points } => format!(
            "`labels` has {len} texts; a {points}-point scale needs exactly {points}, one per point from \"strongly disagree\" to \"strongly agree\""
        ),
        Problem::ValueNotCode { what, value } => format!(
            "{} value `{value}` must be 1 to 64 letters, digits, `_` or `-`",
            item(id, *what)
        ),
        Problem::ValueNotString { what, found } => format!(
            "{} value must be a string, found {}",
            item(id, *what),
            type_name(id, *found)
        ),
        Problem::ValueTwice { what, value } => format!(
            "{} value `{value}` is used twice in this question",
            item(id, *what)
        ),
        Problem::ShowIf { text, error } => show_if(id, text, error),
        Problem::Fetch(f) => match f {
            Fetch::Unreachable { url, detail } => format!("could not fetch {url}: {detail} (offline, or the server does not let this page read it: see CORS)"),
            Fetch::NotFound { url, status } => format!("the survey file was not found at {url} (HTTP {status}): check the survey's address"),
            Fetch::Status { url, status } => format!("the survey file at {url} could not be fetched (HTTP {status})"),
            Fetch::WebPage { url } => format!("{url} answered a web page, not a survey file: check the survey's address"),
            Fetch::Unreadable { url, detail } => format!("could not read {url}: {detail}"),
        },
    }
}

fn indonesian_message(p: &Problem) -> String {
    let id = true;
    match p {
        Problem::TooLarge { bytes, max } => {
            format!("berkas ini {bytes} byte; survei paling besar {max} byte")
        }
        Problem::Syntax(e) => indonesian_syntax(&e.kind),
        Problem::NotJson(why) => format!("bukan JSON yang sah: {why}"),
        Problem::NotObject { what, found } => format!(
            "{} harus berupa objek, ternyata {}",
            holder(id, *what),
            type_name(id, *found)
        ),
        Problem::UnknownField {
            key,
            what,
            other_kinds,
            suggestion,
            allowed,
        } => {
            let for_others = if other_kinds.is_empty() {
                String::new()
            } else {
                format!(
                    " (`{key}` untuk pertanyaan jenis `{}`)",
                    join(other_kinds, "` dan `")
                )
            };
            with_suggestion(
                id,
                format!(
                    "bidang `{key}` tidak dikenal dalam {}{for_others}",
                    holder(id, *what)
                ),
                suggestion.map(|s| format!("`{s}`")),
                format!("yang diterima: {}", join(allowed, ", ")),
            )
        }
        Problem::MissingField { key } => format!("bidang `{key}` belum ada"),
        Problem::NotString { key, found } => {
            format!("`{key}` harus berupa teks, ternyata {}", type_name(id, *found))
        }
        Problem::NotBool { key, found } => format!(
            "`{key}` harus true atau false, ternyata {}",
            type_name(id, *found)
        ),
        Problem::NotWhole {
            key,
            min,
            max,
            found: f,
        } => format!(
            "`{key}` harus bilangan bulat dari {min} sampai {max}, ternyata {}",
            found(id, f)
        ),
        Problem::NotNumber { key, found: f } => {
            format!("`{key}` harus berupa angka, ternyata {}", found(id, f))
        }
        Problem::NotDate { key, found: f } => format!(
            "`{key}` harus tanggal yang ditulis YYYY-MM-DD, misalnya 2026-03-15, ternyata {}",
            found(id, f)
        ),
        Problem::NotOneOf {
            key,
            allowed,
            found: f,
        } => format!(
            "`{key}` harus {}, ternyata {}",
            numbers(allowed, " atau "),
            found(id, f)
        ),
        Problem::NotArray { key, found } => format!(
            "`{key}` harus berupa array, ternyata {}",
            type_name(id, *found)
        ),
        Problem::EmptyArray { key } => format!("`{key}` tidak boleh kosong"),
        Problem::TooManyItems { key, len, max } => {
            format!("`{key}` berisi {len} butir; paling banyak {max}")
        }
        Problem::TooFewItems {
            key,
            len,
            kind,
            min,
        } => format!(
            "`{key}` berisi {len} butir; pertanyaan jenis `{kind}` memerlukan paling sedikit {min}"
        ),
        Problem::TextEmpty => "teks tidak boleh kosong".into(),
        Problem::TextTooLong { max } => format!("teks lebih panjang dari {max} karakter"),
        Problem::TextNotString { found } => {
            format!("teks harus berupa string, ternyata {}", type_name(id, *found))
        }
        Problem::TextWrongType { found } => format!(
            "teks harus berupa string atau objek kode bahasa ke string, ternyata {}",
            type_name(id, *found)
        ),
        Problem::NotSurveyLocale { code, offered } => format!(
            "`{code}` bukan salah satu bahasa survei ini ({})",
            strings(offered)
        ),
        Problem::NoDefaultText { default } => {
            format!("teks untuk bahasa utama `{default}` belum ada")
        }
        Problem::FormatVersion {
            found: f,
            supported,
        } => format!(
            "`format` harus {supported}, ternyata {}; versi Suara ini membaca format {supported}",
            found(id, f)
        ),
        Problem::SurveyId { id } => format!(
            "id survei `{id}` harus 1 sampai 128 huruf, angka, `_`, `-` atau `.`"
        ),
        Problem::Version { found: f } => format!(
            "`version` harus teks 1 sampai 64 karakter atau bilangan bulat, ternyata {}",
            found(id, f)
        ),
        Problem::NotLanguageCode { code } => {
            format!("`{code}` bukan kode bahasa seperti `id` atau `en`")
        }
        Problem::LocaleTwice { code } => format!("bahasa `{code}` tercantum dua kali"),
        Problem::LocaleNotString { found } => format!(
            "kode bahasa harus berupa teks, ternyata {}",
            type_name(id, *found)
        ),
        Problem::LocalesNotArray { found } => format!(
            "`locales` harus berupa array kode bahasa, ternyata {}",
            type_name(id, *found)
        ),
        Problem::LocalesWithoutDefault { default } => {
            format!("`locales` harus memuat bahasa utama `{default}`")
        }
        Problem::TooManyQuestions { max } => {
            format!("survei paling banyak berisi {max} pertanyaan")
        }
        Problem::IdEmpty { what } => format!("id {} tidak boleh kosong", id_of(id, *what)),
        Problem::IdNotCode { what, id: code } => format!(
            "id {} `{code}` harus diawali huruf kecil dan hanya berisi a-z, 0-9 dan `_` (paling banyak 64)",
            id_of(id, *what)
        ),
        Problem::PageIdTwice { id } => format!("id halaman `{id}` dipakai dua kali"),
        Problem::QuestionIdReserved { id } => format!(
            "id pertanyaan `{id}` sudah dipakai oleh ekspor CSV untuk kolom `{id}`; pilih id lain"
        ),
        Problem::QuestionIdTwice { id, first } => {
            format!("id pertanyaan `{id}` sudah dipakai di {first}")
        }
        Problem::UnknownKind {
            kind,
            suggestion,
            kinds,
        } => with_suggestion(
            id,
            format!("jenis pertanyaan `{kind}` tidak dikenal"),
            suggestion.map(|s| format!("`{s}`")),
            format!("yang diterima: {}", join(kinds, ", ")),
        ),
        Problem::UnknownPipe {
            id: q,
            earlier: e,
            suggestion,
        } => format!(
            "`{{{q}}}` menampilkan jawaban pertanyaan `{q}`, tetapi pertanyaan itu bukan salah satu {}{}",
            earlier(id, *e),
            did_you_mean(id, suggestion.as_deref())
        ),
        Problem::OtherWrongType { found } => format!(
            "`other` harus true, false atau label pilihan \"lainnya\", ternyata {}",
            type_name(id, *found)
        ),
        Problem::OtherValueTaken { value } => format!(
            "dengan `other`, tidak boleh ada pilihan bernilai `{value}`: nilai itu dipakai untuk jawaban \"lainnya\""
        ),
        Problem::ConsentNeedsText => {
            "pertanyaan persetujuan yang wajib memerlukan `text`: pernyataan yang disetujui responden"
                .into()
        }
        Problem::MaxBelowMin { min, max } => {
            format!("`max` ({max}) tidak boleh lebih kecil dari `min` ({min})")
        }
        Problem::MaxBeforeMin { min, max } => {
            format!("`max` ({max}) tidak boleh sebelum `min` ({min})")
        }
        Problem::LabelsNotArray { points, found } => format!(
            "`labels` harus berupa array {points} teks, satu untuk setiap poin, ternyata {}",
            type_name(id, *found)
        ),
        Problem::LabelsCount { len, points } => format!(
            "`labels` berisi {len} teks; skala {points} poin memerlukan tepat {points}, satu untuk setiap poin dari \"sangat tidak setuju\" sampai \"sangat setuju\""
        ),
        Problem::ValueNotCode { what, value } => format!(
            "nilai {} `{value}` harus 1 sampai 64 huruf, angka, `_` atau `-`",
            item(id, *what)
        ),
        Problem::ValueNotString { what, found } => format!(
            "nilai {} harus berupa teks, ternyata {}",
            item(id, *what),
            type_name(id, *found)
        ),
        Problem::ValueTwice { what, value } => format!(
            "nilai {} `{value}` dipakai dua kali dalam pertanyaan ini",
            item(id, *what)
        ),
        Problem::ShowIf { text, error } => show_if(id, text, error),
        Problem::Fetch(f) => match f {
            Fetch::Unreachable { url, detail } => format!("tidak dapat mengambil {url}: {detail} (sedang luring, atau server tidak mengizinkan halaman ini membacanya: lihat CORS)"),
            Fetch::NotFound { url, status } => format!("berkas survei tidak ditemukan di {url} (HTTP {status}): periksa alamat survei"),
            Fetch::Status { url, status } => format!("berkas survei di {url} tidak dapat diambil (HTTP {status})"),
            Fetch::WebPage { url } => format!("{url} menjawab dengan halaman web, bukan berkas survei: periksa alamat survei"),
            Fetch::Unreadable { url, detail } => format!("tidak dapat membaca {url}: {detail}"),
        },
    }
}

fn numbers(allowed: &[u8], or: &str) -> String {
    let names: Vec<String> = allowed.iter().map(u8::to_string).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    join(&names, or)
}

fn strings(items: &[String]) -> String {
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    join(&items, ", ")
}

fn english_syntax(s: &Syntax) -> String {
    match s {
        Syntax::Empty => "the file is empty; a survey is a JSON object".into(),
        Syntax::Bom => "the file starts with an invisible byte order mark (BOM): save it as UTF-8 without BOM".into(),
        Syntax::Html => "this is a web page (HTML), not a survey file: check the survey's address".into(),
        Syntax::TrailingComma => "a comma after the last item: JSON allows none there; remove this comma".into(),
        Syntax::MissingComma => "a comma is missing here, between this item and the next".into(),
        Syntax::UnquotedKey(k) => format!("the key `{k}` needs double quotes: \"{k}\""),
        Syntax::UnquotedText(w) => format!(
            "`{w}` is not a JSON value: write a text in double quotes, \"{w}\" (true, false and null are written in lower case)"
        ),
        Syntax::SingleQuotes => "texts and keys take double quotes (\"), not single quotes (')".into(),
        Syntax::Comment => "JSON has no comments: remove this one".into(),
        Syntax::MissingColon => "a colon (:) is missing after this key".into(),
        Syntax::WrongClose { expected } => {
            format!("this bracket closes the wrong one: `{expected}` is expected here")
        }
        Syntax::UnclosedString => "this text is never closed: a double quote (\") is missing at its end".into(),
        Syntax::ControlInString => "a text goes on past the end of its line: a closing double quote (\") may be missing; inside a text, write a line break as \\n".into(),
        Syntax::BadEscape => "a backslash (\\) that JSON does not allow here: write \\\\ for a backslash".into(),
        Syntax::LoneSurrogate => "a \\u escape of half a character (a lone surrogate)".into(),
        Syntax::BadNumber => "a number JSON does not allow: write numbers such as 5, -2 or 3.5 (no leading zero, no + sign, digits on both sides of the point)".into(),
        Syntax::NumberTooLarge => "this number is too large".into(),
        Syntax::Unexpected(c) => format!("unexpected `{c}`"),
        Syntax::UnexpectedEnd => "the file ends before the JSON is complete: a closing } or ] is missing".into(),
        Syntax::TextAfterEnd => "more text after the end of the survey: a file holds one JSON object".into(),
        Syntax::TooDeep => format!("arrays and objects are nested more than {MAX_DEPTH} deep"),
    }
}

fn indonesian_syntax(s: &Syntax) -> String {
    match s {
        Syntax::Empty => "berkas ini kosong; survei adalah sebuah objek JSON".into(),
        Syntax::Bom => "berkas diawali tanda urutan byte (BOM) yang tak terlihat: simpan sebagai UTF-8 tanpa BOM".into(),
        Syntax::Html => "ini halaman web (HTML), bukan berkas survei: periksa alamat survei".into(),
        Syntax::TrailingComma => "ada koma setelah butir terakhir: JSON tidak membolehkannya; hapus koma ini".into(),
        Syntax::MissingComma => "kurang koma di sini, di antara butir ini dan butir berikutnya".into(),
        Syntax::UnquotedKey(k) => format!("kunci `{k}` perlu tanda kutip ganda: \"{k}\""),
        Syntax::UnquotedText(w) => format!(
            "`{w}` bukan nilai JSON: tulis teks dalam tanda kutip ganda, \"{w}\" (true, false dan null ditulis dengan huruf kecil)"
        ),
        Syntax::SingleQuotes => "teks dan kunci memakai tanda kutip ganda (\"), bukan kutip tunggal (')".into(),
        Syntax::Comment => "JSON tidak mengenal komentar: hapus komentar ini".into(),
        Syntax::MissingColon => "kurang titik dua (:) setelah kunci ini".into(),
        Syntax::WrongClose { expected } => {
            format!("kurung ini menutup kurung yang salah: di sini seharusnya `{expected}`")
        }
        Syntax::UnclosedString => "teks ini tidak pernah ditutup: kurang tanda kutip ganda (\") di akhirnya".into(),
        Syntax::ControlInString => "teks berlanjut melewati akhir barisnya: mungkin kurang tanda kutip ganda (\") penutup; di dalam teks, tulis pergantian baris sebagai \\n".into(),
        Syntax::BadEscape => "garis miring terbalik (\\) yang tidak dibolehkan JSON di sini: tulis \\\\ untuk garis miring terbalik".into(),
        Syntax::LoneSurrogate => "escape \\u berisi setengah karakter (surrogate tunggal)".into(),
        Syntax::BadNumber => "angka yang tidak dibolehkan JSON: tulis angka seperti 5, -2 atau 3.5 (tanpa nol di depan, tanpa tanda +, dengan angka di kedua sisi titik)".into(),
        Syntax::NumberTooLarge => "angka ini terlalu besar".into(),
        Syntax::Unexpected(c) => format!("`{c}` tidak diharapkan di sini"),
        Syntax::UnexpectedEnd => "berkas berakhir sebelum JSON lengkap: kurang } atau ] penutup".into(),
        Syntax::TextAfterEnd => "masih ada teks setelah akhir survei: satu berkas berisi satu objek JSON".into(),
        Syntax::TooDeep => format!("array dan objek bersarang lebih dari {MAX_DEPTH} tingkat"),
    }
}

/// A problem in a `show_if` condition, with the part of it from where the
/// problem is, so the author need not count characters.
fn show_if(id: bool, text: &str, e: &ExprError) -> String {
    let message = expr_message(id, &e.problem);
    let from: String = text.chars().skip(e.at.saturating_sub(1)).collect();
    let from = from.trim_end();
    let short: String = from.chars().take(30).collect();
    let short = if short.len() < from.len() {
        format!("{short}…")
    } else {
        short
    };
    match (short.is_empty(), id) {
        (true, false) => format!("at the end of `{text}`: {message}"),
        (true, true) => format!("di akhir `{text}`: {message}"),
        (false, false) => format!("at `{short}`: {message}"),
        (false, true) => format!("di `{short}`: {message}"),
    }
}

/// The English words with the position: `at 3: message`, for tests.
impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.at, expr_message(false, &self.problem))
    }
}

/// `base`, then "did you mean `s`?" when there is an `s` (quoted as it is
/// written), then `rest`: "base: did you mean `s`? Rest", or "base; rest".
fn with_suggestion(id: bool, base: String, s: Option<String>, rest: String) -> String {
    match s {
        None => format!("{base}; {rest}"),
        Some(s) if id => format!("{base}: mungkin maksud Anda {s}? {}", capitalised(&rest)),
        Some(s) => format!("{base}: did you mean {s}? {}", capitalised(&rest)),
    }
}

fn token(id: bool, t: &Token) -> String {
    match (t, id) {
        (Token::Word(w), _) => format!("`{w}`"),
        (Token::Text(t), false) => format!("the text '{t}'"),
        (Token::Text(t), true) => format!("teks '{t}'"),
        (Token::Number(n), false) => format!("the number {n}"),
        (Token::Number(n), true) => format!("angka {n}"),
        (Token::Symbol(s), _) => format!("`{s}`"),
        (Token::End, false) => "the end".into(),
        (Token::End, true) => "akhir syarat".into(),
    }
}

/// `==, != or in`.
fn ops(id: bool, ops: &[Op]) -> String {
    let mut out = String::new();
    for (i, op) in ops.iter().enumerate() {
        if i > 0 {
            out.push_str(match (i + 1 == ops.len(), id) {
                (false, _) => ", ",
                (true, false) => " or ",
                (true, true) => " atau ",
            });
        }
        out.push_str(op.symbol());
    }
    out
}

fn expr_message(id: bool, p: &ExprProblem) -> String {
    let t = |t: &Token| token(id, t);
    let earlier = |e: &Earlier| earlier(id, *e);
    let quoted = |s: &Option<String>, q: char| s.as_ref().map(|s| format!("{q}{s}{q}"));
    if id {
        return match p {
            ExprProblem::LoneEquals => "`=` saja: tulis `==` untuk membandingkan".into(),
            ExprProblem::LoneBang => "`!` saja: tulis `!=`, atau `not` sebelum syarat".into(),
            ExprProblem::UnclosedText(c) => format!("teks ini tidak ditutup dengan {c}"),
            ExprProblem::NumberShape => "angka di sini ditulis seperti 3, -1 atau 2.5".into(),
            ExprProblem::NumberTooLarge => "angka ini terlalu besar".into(),
            ExprProblem::FractionDigits => "angka pecahan paling banyak 15 digit".into(),
            ExprProblem::AndOr(c) => format!("`{c}`: tulis `and` atau `or`"),
            ExprProblem::Unexpected(c) => format!("`{c}` tidak diharapkan di sini"),
            ExprProblem::Expected { what, found } => format!(
                "seharusnya {}, ternyata {}",
                match what {
                    Expected::Close => "`)`",
                    Expected::OpenList => "`[` untuk memulai daftar",
                    Expected::CommaOrCloseList => "`,` atau `]`",
                },
                t(found)
            ),
            ExprProblem::TooDeep { max } => {
                format!("bersarang lebih dari {max} tingkat (tanda kurung dan `not`)")
            }
            ExprProblem::ExpectedCondition { found } => format!(
                "seharusnya syarat (id pertanyaan, `answered(...)`, `not` atau `(`), ternyata {}",
                t(found)
            ),
            ExprProblem::AnsweredNeedsParens => {
                "tulis `answered(id_pertanyaan)`, dengan tanda kurung".into()
            }
            ExprProblem::ExpectedComparison {
                after,
                found,
                answered,
            } => format!(
                "seharusnya perbandingan (==, !=, <, <=, >, >=, in, contains) setelah `{after}`, ternyata {}{}",
                t(found),
                did_you_mean(id, answered.then_some("answered"))
            ),
            ExprProblem::ExpectedQuestionId { found } => {
                format!("seharusnya id pertanyaan, ternyata {}", t(found))
            }
            ExprProblem::UnquotedValue { word } => format!(
                "seharusnya nilai ('teks', angka, true atau false), ternyata `{word}`: beri tanda kutip pada teks"
            ),
            ExprProblem::ExpectedValue { found } => format!(
                "seharusnya nilai ('teks', angka, true atau false), ternyata {}",
                t(found)
            ),
            ExprProblem::TooLong { len, max } => {
                format!("syarat ini {len} karakter; paling banyak {max}")
            }
            ExprProblem::Empty => "syarat ini kosong".into(),
            ExprProblem::ExpectedEnd { found } => format!(
                "seharusnya `and`, `or` atau akhir syarat, ternyata {}",
                t(found)
            ),
            ExprProblem::OnlyAnswered { q, kind, op } => format!(
                "`{q}` adalah pertanyaan jenis `{kind}`: show_if hanya dapat menanyakan apakah pertanyaan itu dijawab, dengan `answered({q})`, bukan membandingkannya dengan `{}`",
                op.symbol()
            ),
            ExprProblem::WrongOp { q, kind, op, ops: o } => format!(
                "{}`{q}` adalah pertanyaan jenis `{kind}`: bandingkan dengan {}, bukan `{}`",
                if *op == Op::Contains {
                    "`contains` untuk pertanyaan multi_choice; "
                } else {
                    ""
                },
                ops(id, o),
                op.symbol()
            ),
            ExprProblem::NotAnOption {
                value,
                q,
                options,
                suggestion,
            } => with_suggestion(
                id,
                format!("'{value}' bukan pilihan `{q}`"),
                quoted(suggestion, '\''),
                format!("pilihannya: {}", strings(options)),
            ),
            ExprProblem::WrongValue { q, kind, want } => format!(
                "`{q}` adalah pertanyaan jenis `{kind}`: bandingkan dengan {}",
                match want {
                    Want::OptionValue => "nilai pilihan dalam tanda kutip",
                    Want::Text => "teks dalam tanda kutip",
                    Want::Number => "angka",
                    Want::Bool => "true atau false",
                }
            ),
            ExprProblem::OwnQuestion { id: q, earlier: e } => format!(
                "`{q}` adalah pertanyaan ini sendiri: show_if hanya boleh memakai {}",
                earlier(e)
            ),
            ExprProblem::LaterQuestion { id: q, earlier: e } => format!(
                "pertanyaan `{q}` baru muncul kemudian dalam survei: show_if hanya boleh memakai {}",
                earlier(e)
            ),
            ExprProblem::UnknownQuestion {
                id: q,
                earlier: e,
                ids,
                suggestion,
            } if ids.is_empty() => {
                let _ = suggestion;
                format!(
                    "pertanyaan `{q}` tidak dikenal; tidak ada {}",
                    earlier(e)
                )
            }
            ExprProblem::UnknownQuestion {
                id: q,
                earlier: e,
                ids,
                suggestion,
            } => with_suggestion(
                id,
                format!("pertanyaan `{q}` tidak dikenal"),
                quoted(suggestion, '`'),
                format!("{}: {}", earlier(e), strings(ids)),
            ),
        };
    }
    match p {
        ExprProblem::LoneEquals => "`=` alone: write `==` to compare".into(),
        ExprProblem::LoneBang => "`!` alone: write `!=`, or `not` before a condition".into(),
        ExprProblem::UnclosedText(c) => format!("this text has no closing {c}"),
        ExprProblem::NumberShape => "a number here is written like 3, -1 or 2.5".into(),
        ExprProblem::NumberTooLarge => "this number is too large".into(),
        ExprProblem::FractionDigits => "a number with a fraction may have at most 15 digits".into(),
        ExprProblem::AndOr(c) => format!("`{c}`: write `and` or `or`"),
        ExprProblem::Unexpected(c) => format!("unexpected `{c}`"),
        ExprProblem::Expected { what, found } => format!(
            "expected {}, found {}",
            match what {
                Expected::Close => "`)`",
                Expected::OpenList => "`[` to start the list",
                Expected::CommaOrCloseList => "`,` or `]`",
            },
            t(found)
        ),
        ExprProblem::TooDeep { max } => {
            format!("nested more than {max} deep (parentheses and `not`)")
        }
        ExprProblem::ExpectedCondition { found } => format!(
            "expected a condition (a question id, `answered(...)`, `not` or `(`), found {}",
            t(found)
        ),
        ExprProblem::AnsweredNeedsParens => "write `answered(question_id)`, with parentheses".into(),
        ExprProblem::ExpectedComparison {
            after,
            found,
            answered,
        } => format!(
            "expected a comparison (==, !=, <, <=, >, >=, in, contains) after `{after}`, found {}{}",
            t(found),
            did_you_mean(id, answered.then_some("answered"))
        ),
        ExprProblem::ExpectedQuestionId { found } => {
            format!("expected a question id, found {}", t(found))
        }
        ExprProblem::UnquotedValue { word } => format!(
            "expected a value ('text', a number, true or false), found `{word}`: put text in quotes"
        ),
        ExprProblem::ExpectedValue { found } => format!(
            "expected a value ('text', a number, true or false), found {}",
            t(found)
        ),
        ExprProblem::TooLong { len, max } => {
            format!("the expression is {len} characters; at most {max} are allowed")
        }
        ExprProblem::Empty => "the expression is empty".into(),
        ExprProblem::ExpectedEnd { found } => {
            format!("expected `and`, `or` or the end, found {}", t(found))
        }
        ExprProblem::OnlyAnswered { q, kind, op } => format!(
            "`{q}` is a question of kind `{kind}`: show_if can only ask whether it is answered, with `answered({q})`, not compare it with `{}`",
            op.symbol()
        ),
        ExprProblem::WrongOp { q, kind, op, ops: o } => format!(
            "{}`{q}` is a question of kind `{kind}`: compare it with {}, not `{}`",
            if *op == Op::Contains {
                "`contains` is for multi_choice questions; "
            } else {
                ""
            },
            ops(id, o),
            op.symbol()
        ),
        ExprProblem::NotAnOption {
            value,
            q,
            options,
            suggestion,
        } => with_suggestion(
            id,
            format!("'{value}' is not an option of `{q}`"),
            quoted(suggestion, '\''),
            format!("its options are: {}", strings(options)),
        ),
        ExprProblem::WrongValue { q, kind, want } => format!(
            "`{q}` is a question of kind `{kind}`: compare it with {}",
            match want {
                Want::OptionValue => "an option value in quotes",
                Want::Text => "a text in quotes",
                Want::Number => "a number",
                Want::Bool => "true or false",
            }
        ),
        ExprProblem::OwnQuestion { id: q, earlier: e } => {
            format!("`{q}` is this question: show_if may only use {}", earlier(e))
        }
        ExprProblem::LaterQuestion { id: q, earlier: e } => format!(
            "question `{q}` comes later in the survey: show_if may only use {}",
            earlier(e)
        ),
        ExprProblem::UnknownQuestion {
            id: q, earlier: e, ids, ..
        } if ids.is_empty() => format!("unknown question `{q}`; there are no {}", earlier(e)),
        ExprProblem::UnknownQuestion {
            id: q,
            earlier: e,
            ids,
            suggestion,
        } => with_suggestion(
            id,
            format!("unknown question `{q}`"),
            quoted(suggestion, '`'),
            format!("{} are: {}", earlier(e), strings(ids)),
        ),
    }
}
