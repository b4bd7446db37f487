//! The survey author's messages: what is wrong with a survey file or a
//! setting, where,
//! and what to do, in English and Indonesian. Other languages read English:
//! these words are for the few people who write surveys, and every language
//! here costs the organiser's download (about 2 KB gzip for Indonesian).
//! Only the organiser's page and `suara` word problems: the respondent's
//! page counts them (`Survey::read_unexplained`), so none of this is in its
//! wasm.

use std::fmt;

use crate::expr::{Expected, ExprError, ExprProblem, Op, Token, Want};
use crate::hidden::{CharsError, HiddenError};
use crate::problem::{
    Earlier, Fetch, Found, HeaderProblem, Holder, IdOf, Item, JsonType, List, Part, Place, Problem,
    SchemaError, SettingProblem,
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
    match &e.place {
        // A setting's name is its place, as in the settings' messages, and
        // a hidden field's id is its.
        Place::Setting(name) => format!("{name}: {message}"),
        Place::Field(field) => format!("{field}: {message}"),
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

/// Where a problem is: "page 1, question 3 (`satisfaction`)".
fn place(id: bool, p: &Place) -> String {
    let pick = |en: &'static str, ind: &'static str| if id { ind } else { en };
    let named = |base: String, name: &Option<String>| match name {
        Some(n) => fill("%0 (`%1`)", &[base, n.clone()]),
        None => base,
    };
    let (base, part) = match p {
        Place::File => return pick("the survey file", "berkas survei").into(),
        Place::Line { line, column } => {
            return fill(
                pick("line %0, column %1", "baris %0, kolom %1"),
                &[line.to_string(), column.to_string()],
            )
        }
        Place::Survey => return pick("the survey", "survei").into(),
        Place::Setting(name) => return (*name).into(),
        Place::Field(id) => return id.clone(),
        Place::Page { page, id: n, part } => (
            named(fill(pick("page %0", "halaman %0"), &[page.to_string()]), n),
            part,
        ),
        Place::Question {
            page,
            question,
            id: n,
            part,
        } => (
            named(
                fill(
                    pick("page %0, question %1", "halaman %0, pertanyaan %1"),
                    &[page.to_string(), question.to_string()],
                ),
                n,
            ),
            part,
        ),
    };
    match part {
        Part::Whole => base,
        Part::ShowIf => fill(pick("the show-if of %0", "syarat show_if pada %0"), &[base]),
        Part::Item(list, n) => {
            let item = match list {
                List::Options => pick("option", "pilihan"),
                List::Rows => pick("row", "baris"),
                List::Columns => pick("column", "kolom"),
                List::Labels => "label",
            };
            fill("%0, %1 %2", &[base, item.into(), n.to_string()])
        }
    }
}

/// `template` with `%0` to `%9` replaced by `args`. One small function
/// instead of a `format!` per message and language: the messages cost the
/// organiser's download little more than their text.
fn fill(template: &str, args: &[String]) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let n = rest[i + 1..]
            .bytes()
            .next()
            .map(|b| usize::from(b.wrapping_sub(b'0')));
        if let Some(arg) = n.and_then(|n| args.get(n)) {
            out.push_str(arg);
        }
        rest = rest.get(i + 2..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

fn type_name(id: bool, t: JsonType) -> String {
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
    .into()
}

fn found(id: bool, f: &Found) -> String {
    match f {
        Found::Written(s) => s.clone(),
        Found::Type(t) => type_name(id, *t),
    }
}

fn holder(id: bool, h: Holder) -> String {
    let (en, ind) = match h {
        Holder::Survey => ("a survey", "survei"),
        Holder::Page => ("a page", "halaman"),
        Holder::Question => ("a question", "pertanyaan"),
        Holder::QuestionOfKind(k) => {
            let t = if id {
                "pertanyaan jenis `%0`"
            } else {
                "a question of kind `%0`"
            };
            return fill(t, &[k.into()]);
        }
        Holder::Option => ("an option", "pilihan"),
        Holder::Hidden => ("a hidden field", "bidang tersembunyi"),
        Holder::Row => ("a row", "baris"),
        Holder::Column => ("a column", "kolom"),
        Holder::Inclusion => ("an inclusion block", "blok inklusi"),
        Holder::Privacy => ("`privacy`", "`privacy`"),
    };
    (if id { ind } else { en }).into()
}

fn item(id: bool, i: Item) -> String {
    let (en, ind) = match i {
        Item::Option => ("option", "pilihan"),
        Item::Row => ("row", "baris"),
        Item::Column => ("column", "kolom"),
    };
    (if id { ind } else { en }).into()
}

fn id_of(id: bool, w: IdOf) -> String {
    let (en, ind) = match w {
        IdOf::Page => ("page", "halaman"),
        IdOf::Question => ("question", "pertanyaan"),
        IdOf::Hidden => ("hidden field", "bidang tersembunyi"),
    };
    (if id { ind } else { en }).into()
}

fn earlier(id: bool, e: Earlier) -> String {
    let (en, ind) = match e {
        Earlier::BeforeQuestion => ("questions before it", "pertanyaan sebelumnya"),
        Earlier::EarlierPages => (
            "questions on earlier pages",
            "pertanyaan di halaman sebelumnya",
        ),
    };
    (if id { ind } else { en }).into()
}

/// " (did you mean `x`?)" when there is an `x` (quoted as it is written).
fn did_you_mean(id: bool, s: Option<&str>, quote: &str) -> String {
    match s {
        None => String::new(),
        Some(s) => fill(
            if id {
                " (mungkin maksud Anda %0%1%0?)"
            } else {
                " (did you mean %0%1%0?)"
            },
            &[quote.into(), s.into()],
        ),
    }
}

/// The bank's packs, for a message.
fn packs() -> String {
    let names: Vec<&str> = crate::bank::PACKS.iter().map(|(p, _)| *p).collect();
    join(&names, ", ")
}

fn list(items: &[&str], sep: &str) -> String {
    join(items, sep)
}

fn strings(items: &[String]) -> String {
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    join(&items, ", ")
}

fn numbers(id: bool, allowed: &[u8]) -> String {
    let names: Vec<String> = allowed.iter().map(u8::to_string).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    join(&names, if id { " atau " } else { " or " })
}

/// The message for `p`, in Indonesian when `id`, else English. Each arm
/// gives both templates and the arguments once.
fn message(id: bool, p: &Problem) -> String {
    let t = |t: JsonType| type_name(id, t);
    let f = |x: &Found| found(id, x);
    let (en, ind, args): (&str, &str, Vec<String>) = match p {
        Problem::TooLarge { bytes, max } => (
            "the file is %0 bytes; a survey may be at most %1 bytes",
            "berkas ini %0 byte; survei paling besar %1 byte",
            vec![bytes.to_string(), max.to_string()],
        ),
        Problem::Syntax(e) => return syntax(id, &e.kind),
        Problem::NotJson(why) => ("not valid JSON: %0", "bukan JSON yang sah: %0", vec![why.clone()]),
        Problem::NotObject { what, found } => (
            "%0 must be an object, found %1",
            "%0 harus berupa objek, ternyata %1",
            vec![holder(id, *what), t(*found)],
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
                fill(
                    if id {
                        " (`%0` untuk pertanyaan jenis `%1`)"
                    } else {
                        " (`%0` is for `%1` questions)"
                    },
                    &[
                        key.clone(),
                        list(other_kinds, if id { "` dan `" } else { "` and `" }),
                    ],
                )
            };
            (
                "unknown field `%0` in %1%2%3; expected one of: %4",
                "bidang `%0` tidak dikenal dalam %1%2%3; yang diterima: %4",
                vec![
                    key.clone(),
                    holder(id, *what),
                    for_others,
                    did_you_mean(id, *suggestion, "`"),
                    list(allowed, ", "),
                ],
            )
        }
        Problem::MissingField { key } => (
            "missing field `%0`",
            "bidang `%0` belum ada",
            vec![key.clone()],
        ),
        Problem::NotString { key, found } => (
            "`%0` must be a string, found %1",
            "`%0` harus berupa teks, ternyata %1",
            vec![key.clone(), t(*found)],
        ),
        Problem::NotBool { key, found } => (
            "`%0` must be true or false, found %1",
            "`%0` harus true atau false, ternyata %1",
            vec![key.clone(), t(*found)],
        ),
        Problem::NotWhole {
            key,
            min,
            max,
            found,
        } => (
            "`%0` must be a whole number from %1 to %2, found %3",
            "`%0` harus bilangan bulat dari %1 sampai %2, ternyata %3",
            vec![key.clone(), min.to_string(), max.to_string(), f(found)],
        ),
        Problem::NotNumber { key, found } => (
            "`%0` must be a number, found %1",
            "`%0` harus berupa angka, ternyata %1",
            vec![key.clone(), f(found)],
        ),
        Problem::NotDate { key, found } => (
            "`%0` must be a date written YYYY-MM-DD, such as 2026-03-15, found %1",
            "`%0` harus tanggal yang ditulis YYYY-MM-DD, misalnya 2026-03-15, ternyata %1",
            vec![key.clone(), f(found)],
        ),
        Problem::NotOneOf {
            key,
            allowed,
            found,
        } => (
            "`%0` must be %1, found %2",
            "`%0` harus %1, ternyata %2",
            vec![key.clone(), numbers(id, allowed), f(found)],
        ),
        Problem::NotArray { key, found } => (
            "`%0` must be an array, found %1",
            "`%0` harus berupa array, ternyata %1",
            vec![key.clone(), t(*found)],
        ),
        Problem::EmptyArray { key } => (
            "`%0` must not be empty",
            "`%0` tidak boleh kosong",
            vec![key.clone()],
        ),
        Problem::TooManyItems { key, len, max } => (
            "`%0` has %1 items; at most %2 are allowed",
            "`%0` berisi %1 butir; paling banyak %2",
            vec![key.clone(), len.to_string(), max.to_string()],
        ),
        Problem::TooFewItems {
            key,
            len,
            kind,
            min,
        } => (
            "`%0` has %1 item; a question of kind `%2` needs at least %3",
            "`%0` berisi %1 butir; pertanyaan jenis `%2` memerlukan paling sedikit %3",
            vec![key.clone(), len.to_string(), kind.clone(), min.to_string()],
        ),
        Problem::TextEmpty => ("text must not be empty", "teks tidak boleh kosong", vec![]),
        Problem::TextTooLong { max } => (
            "text is longer than %0 characters",
            "teks lebih panjang dari %0 karakter",
            vec![max.to_string()],
        ),
        Problem::TextNotString { found } => (
            "text must be a string, found %0",
            "teks harus berupa string, ternyata %0",
            vec![t(*found)],
        ),
        Problem::TextWrongType { found } => (
            "text must be a string or an object of locale to string, found %0",
            "teks harus berupa string atau objek kode bahasa ke string, ternyata %0",
            vec![t(*found)],
        ),
        Problem::NotSurveyLocale { code, offered } => (
            "`%0` is not one of the survey's locales (%1)",
            "`%0` bukan salah satu bahasa survei ini (%1)",
            vec![code.clone(), strings(offered)],
        ),
        Problem::NoDefaultText { default } => (
            "missing text for the default locale `%0`",
            "teks untuk bahasa utama `%0` belum ada",
            vec![default.clone()],
        ),
        Problem::FormatVersion { found, supported } => (
            "`format` must be %0, found %1; this version of Suara reads format %0",
            "`format` harus %0, ternyata %1; versi Suara ini membaca format %0",
            vec![supported.to_string(), f(found)],
        ),
        Problem::SurveyId { id: code } => (
            "survey id `%0` must be 1 to 128 letters, digits, `_`, `-` or `.`",
            "id survei `%0` harus 1 sampai 128 huruf, angka, `_`, `-` atau `.`",
            vec![code.clone()],
        ),
        Problem::Version { found } => (
            "`version` must be a text of 1 to 64 characters or a whole number, found %0",
            "`version` harus teks 1 sampai 64 karakter atau bilangan bulat, ternyata %0",
            vec![f(found)],
        ),
        Problem::NotLanguageCode { code } => (
            "`%0` is not a language code such as `id` or `en`",
            "`%0` bukan kode bahasa seperti `id` atau `en`",
            vec![code.clone()],
        ),
        Problem::LocaleTwice { code } => (
            "locale `%0` is listed twice",
            "bahasa `%0` tercantum dua kali",
            vec![code.clone()],
        ),
        Problem::LocaleNotString { found } => (
            "a locale must be a string, found %0",
            "kode bahasa harus berupa teks, ternyata %0",
            vec![t(*found)],
        ),
        Problem::LocalesNotArray { found } => (
            "`locales` must be an array of language codes, found %0",
            "`locales` harus berupa array kode bahasa, ternyata %0",
            vec![t(*found)],
        ),
        Problem::LocalesWithoutDefault { default } => (
            "`locales` must include the default locale `%0`",
            "`locales` harus memuat bahasa utama `%0`",
            vec![default.clone()],
        ),
        Problem::TooManyQuestions { max } => (
            "a survey may have at most %0 questions",
            "survei paling banyak berisi %0 pertanyaan",
            vec![max.to_string()],
        ),
        Problem::IdEmpty { what } => (
            "%0 id must not be empty",
            "id %0 tidak boleh kosong",
            vec![id_of(id, *what)],
        ),
        Problem::IdNotCode { what, id: code } => (
            "%0 id `%1` must start with a lower-case letter and hold only a-z, 0-9 and `_` (at most 64)",
            "id %0 `%1` harus diawali huruf kecil dan hanya berisi a-z, 0-9 dan `_` (paling banyak 64)",
            vec![id_of(id, *what), code.clone()],
        ),
        Problem::PageIdTwice { id: code } => (
            "page id `%0` is used twice",
            "id halaman `%0` dipakai dua kali",
            vec![code.clone()],
        ),
        Problem::QuestionIdReserved { id: code } => (
            "question id `%0` is reserved: the CSV export has its own `%0` column; choose another id",
            "id pertanyaan `%0` sudah dipakai oleh ekspor CSV untuk kolom `%0`; pilih id lain",
            vec![code.clone()],
        ),
        Problem::HiddenIdTwice { id: code } => (
            "hidden field id `%0` is used twice",
            "id bidang tersembunyi `%0` dipakai dua kali",
            vec![code.clone()],
        ),
        Problem::HiddenIdIsQuestion { id: code, question } => (
            "hidden field id `%0` is also the id of the question at %1; choose another id",
            "id bidang tersembunyi `%0` juga id pertanyaan di %1; pilih id lain",
            vec![code.clone(), question.clone()],
        ),
        Problem::HiddenIdSetting { id: code } => (
            "hidden field id `%0` is the name of a widget setting; choose another id",
            "id bidang tersembunyi `%0` adalah nama pengaturan widget; pilih id lain",
            vec![code.clone()],
        ),
        Problem::HiddenRule { both } => (
            if *both {
                "a hidden field takes `values` or `chars`, not both"
            } else {
                "a hidden field needs `values` (a list of allowed values) or `chars` (the allowed characters, such as `A-Z0-9`)"
            },
            if *both {
                "bidang tersembunyi memakai `values` atau `chars`, tidak keduanya"
            } else {
                "bidang tersembunyi perlu `values` (daftar nilai yang diterima) atau `chars` (karakter yang diterima, misalnya `A-Z0-9`)"
            },
            vec![],
        ),
        Problem::HiddenChars { chars, error } => {
            let (en, ind, arg) = match error {
                CharsError::Empty => ("`chars` must not be empty", "`chars` tidak boleh kosong", String::new()),
                CharsError::Blank(c) => (
                    "`chars` `%0` holds a space or control character (U+%1); list visible characters and ranges such as `a-z`",
                    "`chars` `%0` berisi spasi atau karakter kendali (U+%1); tulis karakter yang terlihat dan rentang seperti `a-z`",
                    format!("{:04X}", u32::from(*c)),
                ),
                CharsError::Backwards(a, b) => (
                    "`chars` `%0` has the range `%1` that ends before it starts",
                    "`chars` `%0` berisi rentang `%1` yang berakhir sebelum awalnya",
                    format!("{a}-{b}"),
                ),
            };
            (en, ind, vec![chars.clone(), arg])
        }
        Problem::HiddenValue { found, max } => (
            "each of `values` must be a text of 1 to %1 characters, found %0",
            "setiap isi `values` harus berupa teks 1 sampai %1 karakter, ternyata %0",
            vec![f(found), max.to_string()],
        ),
        Problem::HiddenValueTwice { value } => (
            "value `%0` is listed twice",
            "nilai `%0` tercantum dua kali",
            vec![value.clone()],
        ),
        Problem::UnknownPack { pack } => (
            "unknown pack `%0`; the bank's packs are: %1",
            "paket `%0` tidak dikenal; paket bank pertanyaan: %1",
            vec![pack.clone(), packs()],
        ),
        Problem::PackLanguage { pack, locale } => (
            "pack `%0` has no words in `%1`, the survey's default language; it has: %2",
            "paket `%0` tidak punya teks dalam `%1`, bahasa utama survei; yang ada: %2",
            vec![
                pack.clone(),
                locale.clone(),
                list(crate::bank::languages(pack).unwrap_or_default(), ", "),
            ],
        ),
        Problem::UnknownItem { item, suggestion } => (
            "unknown item `%0`%1; the bank's items are: %2",
            "butir `%0` tidak dikenal%1; butir bank pertanyaan: %2",
            vec![
                item.clone(),
                did_you_mean(id, *suggestion, "`"),
                list(&crate::bank::ITEMS, ", "),
            ],
        ),
        Problem::ItemNotString { found } => (
            "an item must be a string, found %0",
            "butir harus berupa string, ternyata %0",
            vec![t(*found)],
        ),
        Problem::ItemTwice { item } => (
            "item `%0` is listed twice",
            "butir `%0` tercantum dua kali",
            vec![item.clone()],
        ),
        Problem::SensitiveItem { item, pack } => (
            "item `%0` is off in pack `%1`: asking it is unsafe or unlawful in parts of the country (in Aceh, for one), so the block must also say \"sensitive\": true, once you have checked that asking it is safe and lawful where this survey runs",
            "butir `%0` tidak aktif dalam paket `%1`: menanyakannya tidak aman atau melanggar hukum di sebagian wilayah negeri ini (misalnya di Aceh), jadi blok ini juga harus berisi \"sensitive\": true, setelah Anda memastikan bahwa menanyakannya aman dan sah di tempat survei ini berjalan",
            vec![item.clone(), pack.clone()],
        ),
        Problem::AreasMissing => (
            "item `area` needs `areas`: the list of areas a person may choose (coarse areas, never an address)",
            "butir `area` memerlukan `areas`: daftar wilayah yang bisa dipilih (wilayah yang luas, bukan alamat)",
            vec![],
        ),
        Problem::BankNotLoaded { pack } => (
            "the question bank's files for pack `%0` could not be loaded",
            "berkas bank pertanyaan untuk paket `%0` tidak dapat dimuat",
            vec![pack.clone()],
        ),
        Problem::BankIdTaken { id: code } => (
            "question id `%0` is one of the question bank's, which this survey uses: use the bank's item, or give this question another id",
            "id pertanyaan `%0` milik bank pertanyaan, yang dipakai survei ini: pakai butir bank itu, atau beri pertanyaan ini id lain",
            vec![code.clone()],
        ),
        Problem::InclusionTwice { first } => (
            "a survey has one inclusion block; the first is at %0",
            "survei hanya boleh punya satu blok inklusi; yang pertama ada di %0",
            vec![first.clone()],
        ),
        Problem::Minors { found } => (
            "`minors` must be \"guardian_consented\", found %0",
            "`minors` harus \"guardian_consented\", ternyata %0",
            vec![f(found)],
        ),
        Problem::QuestionIdTwice { id: code, first } => (
            "question id `%0` is already used at %1",
            "id pertanyaan `%0` sudah dipakai di %1",
            vec![code.clone(), first.clone()],
        ),
        Problem::UnknownKind {
            kind,
            suggestion,
            kinds,
        } => (
            "unknown question kind `%0`%1; expected one of: %2",
            "jenis pertanyaan `%0` tidak dikenal%1; yang diterima: %2",
            vec![
                kind.clone(),
                did_you_mean(id, *suggestion, "`"),
                list(kinds, ", "),
            ],
        ),
        Problem::UnknownPipe {
            id: q,
            earlier: e,
            suggestion,
        } => (
            "`{%0}` shows the answer to question `%0`, but it is not one of the %1%2",
            "`{%0}` menampilkan jawaban pertanyaan `%0`, tetapi pertanyaan itu bukan salah satu %1%2",
            vec![
                q.clone(),
                earlier(id, *e),
                did_you_mean(id, suggestion.as_deref(), "`"),
            ],
        ),
        Problem::OtherWrongType { found } => (
            "`other` must be true, false or the label of the \"other\" choice, found %0",
            "`other` harus true, false atau label pilihan \"lainnya\", ternyata %0",
            vec![t(*found)],
        ),
        Problem::OtherValueTaken { value } => (
            "with `other`, no option may have the value `%0`: it is kept for the \"other\" answer",
            "dengan `other`, tidak boleh ada pilihan bernilai `%0`: nilai itu dipakai untuk jawaban \"lainnya\"",
            vec![(*value).into()],
        ),
        Problem::ConsentNeedsText => (
            "a required consent question needs `text`: the statement the person agrees to",
            "pertanyaan persetujuan yang wajib memerlukan `text`: pernyataan yang disetujui responden",
            vec![],
        ),
        Problem::MaxBelowMin { min, max } => (
            "`max` (%1) must not be less than `min` (%0)",
            "`max` (%1) tidak boleh lebih kecil dari `min` (%0)",
            vec![min.clone(), max.clone()],
        ),
        Problem::MaxBeforeMin { min, max } => (
            "`max` (%1) must not be before `min` (%0)",
            "`max` (%1) tidak boleh sebelum `min` (%0)",
            vec![min.clone(), max.clone()],
        ),
        Problem::LabelsNotArray { points, found } => (
            "`labels` must be an array of %0 texts, one per point, found %1",
            "`labels` harus berupa array %0 teks, satu untuk setiap poin, ternyata %1",
            vec![points.to_string(), t(*found)],
        ),
        Problem::LabelsCount { len, points } => (
            "`labels` has %0 texts; a %1-point scale needs exactly %1, one per point from \"strongly disagree\" to \"strongly agree\"",
            "`labels` berisi %0 teks; skala %1 poin memerlukan tepat %1, satu untuk setiap poin dari \"sangat tidak setuju\" sampai \"sangat setuju\"",
            vec![len.to_string(), points.to_string()],
        ),
        Problem::ValueNotCode { what, value } => (
            "%0 value `%1` must be 1 to 64 letters, digits, `_` or `-`",
            "nilai %0 `%1` harus 1 sampai 64 huruf, angka, `_` atau `-`",
            vec![item(id, *what), value.clone()],
        ),
        Problem::ValueNotString { what, found } => (
            "%0 value must be a string, found %1",
            "nilai %0 harus berupa teks, ternyata %1",
            vec![item(id, *what), t(*found)],
        ),
        Problem::ValueTwice { what, value } => (
            "%0 value `%1` is used twice in this question",
            "nilai %0 `%1` dipakai dua kali dalam pertanyaan ini",
            vec![item(id, *what), value.clone()],
        ),
        Problem::ShowIf { text, error } => return show_if(id, text, error),
        Problem::Fetch(failure) => match failure {
            Fetch::Unreachable { url, detail } => (
                "could not fetch %0: %1 (offline, or the server does not let this page read it: see CORS)",
                "tidak dapat mengambil %0: %1 (sedang luring, atau server tidak mengizinkan halaman ini membacanya: lihat CORS)",
                vec![url.clone(), detail.clone()],
            ),
            Fetch::NotFound { url, status } => (
                "the survey file was not found at %0 (HTTP %1): check the survey's address",
                "berkas survei tidak ditemukan di %0 (HTTP %1): periksa alamat survei",
                vec![url.clone(), status.to_string()],
            ),
            Fetch::Status { url, status } => (
                "the survey file at %0 could not be fetched (HTTP %1)",
                "berkas survei di %0 tidak dapat diambil (HTTP %1)",
                vec![url.clone(), status.to_string()],
            ),
            Fetch::WebPage { url } => (
                "%0 answered a web page, not a survey file: check the survey's address",
                "%0 menjawab dengan halaman web, bukan berkas survei: periksa alamat survei",
                vec![url.clone()],
            ),
            Fetch::Unreadable { url, detail } => (
                "could not read %0: %1",
                "tidak dapat membaca %0: %1",
                vec![url.clone(), detail.clone()],
            ),
        },
        Problem::Setting(p) => setting(p),
    };
    fill(if id { ind } else { en }, &args)
}

/// A setting's problem in English and Indonesian, with its arguments.
fn setting(p: &SettingProblem) -> (&'static str, &'static str, Vec<String>) {
    match p {
        SettingProblem::NotAnAddress { url } => (
            "`%0` is not a valid address",
            "`%0` bukan alamat yang sah",
            vec![url.clone()],
        ),
        SettingProblem::Scheme { url, scheme } => (
            "`%0` uses `%1`; only http and https addresses are allowed",
            "`%0` memakai `%1`; hanya alamat http dan https yang diterima",
            vec![url.clone(), scheme.clone()],
        ),
        SettingProblem::Request => ("must be simple or cors", "harus simple atau cors", vec![]),
        SettingProblem::Timeout { max } => (
            "must be a whole number of seconds from 1 to %0",
            "harus bilangan bulat detik dari 1 sampai %0",
            vec![max.to_string()],
        ),
        SettingProblem::Wrap => (
            "must be a field name of 1 to 64 ASCII letters, digits, _ or -",
            "harus nama kolom dari 1 sampai 64 huruf ASCII, angka, _ atau -",
            vec![],
        ),
        SettingProblem::HeadersNotJson { detail } => (
            "not valid JSON: %0",
            "bukan JSON yang sah: %0",
            vec![detail.clone()],
        ),
        SettingProblem::HeadersNotObject => (
            "not a JSON object of strings",
            "bukan objek JSON berisi teks",
            vec![],
        ),
        SettingProblem::Header { name, problem } => {
            let (en, ind) = match problem {
                HeaderProblem::Name => (
                    "\"%0\" is not a valid header name",
                    "\"%0\" bukan nama header yang sah",
                ),
                HeaderProblem::SetBySuara => ("\"%0\" is set by Suara", "\"%0\" diisi oleh Suara"),
                HeaderProblem::Value => (
                    "\"%0\" must have a value of ASCII text on one line",
                    "\"%0\" harus bernilai teks ASCII dalam satu baris",
                ),
                HeaderProblem::NotString => (
                    "\"%0\" must have a string value",
                    "\"%0\" harus bernilai teks",
                ),
            };
            (en, ind, vec![name.clone()])
        }
        SettingProblem::SimpleWithHeaders => (
            "simple mode sends no custom headers: remove headers",
            "mode simple tidak mengirim header tambahan: hapus headers",
            vec![],
        ),
        SettingProblem::Kiosk(p) => match p {
            crate::kiosk::Problem::Mode => (
                "must be kiosk (or left out)",
                "harus kiosk (atau tidak diisi)",
                vec![],
            ),
            crate::kiosk::Problem::Seconds { setting: "warning", min, max } => (
                "must be a whole number of seconds from %0 to %1 (WCAG 2.2.1 asks for at least 20)",
                "harus bilangan bulat detik dari %0 sampai %1 (WCAG 2.2.1 meminta paling sedikit 20)",
                vec![min.to_string(), max.to_string()],
            ),
            crate::kiosk::Problem::Seconds { min, max, .. } => (
                "must be a whole number of seconds from %0 to %1",
                "harus bilangan bulat detik dari %0 sampai %1",
                vec![min.to_string(), max.to_string()],
            ),
            crate::kiosk::Problem::Partial => (
                "must be discard or keep",
                "harus discard atau keep",
                vec![],
            ),
        },
        SettingProblem::Hidden { id, error } => match error {
            HiddenError::Missing => (
                "this survey needs a value for `%0` in its link or its element (data-%0)",
                "survei ini memerlukan nilai `%0` di tautannya atau di elemennya (data-%0)",
                vec![id.clone()],
            ),
            HiddenError::NotListed { value } => (
                "`%0` is not one of the values this survey allows",
                "`%0` bukan salah satu nilai yang diterima survei ini",
                vec![value.clone()],
            ),
            HiddenError::Char { value, ch } => (
                "`%0` has the character `%1`, which this survey does not allow",
                "`%0` memuat karakter `%1`, yang tidak diterima survei ini",
                vec![value.clone(), ch.to_string()],
            ),
            HiddenError::Length { value, min, max } => (
                "`%0` must be %1 to %2 characters long",
                "`%0` harus sepanjang %1 sampai %2 karakter",
                vec![value.clone(), min.to_string(), max.to_string()],
            ),
        },
    }
}

fn syntax(id: bool, s: &Syntax) -> String {
    let (en, ind, arg): (&str, &str, String) = match s {
        Syntax::Empty => (
            "the file is empty; a survey is a JSON object",
            "berkas ini kosong; survei adalah sebuah objek JSON",
            String::new(),
        ),
        Syntax::Bom => (
            "the file starts with an invisible byte order mark (BOM): save it as UTF-8 without BOM",
            "berkas diawali tanda urutan byte (BOM) yang tak terlihat: simpan sebagai UTF-8 tanpa BOM",
            String::new(),
        ),
        Syntax::Html => (
            "this is a web page (HTML), not a survey file: check the survey's address",
            "ini halaman web (HTML), bukan berkas survei: periksa alamat survei",
            String::new(),
        ),
        Syntax::TrailingComma => (
            "a comma after the last item: JSON allows none there; remove this comma",
            "ada koma setelah butir terakhir: JSON tidak membolehkannya; hapus koma ini",
            String::new(),
        ),
        Syntax::MissingComma => (
            "a comma is missing here, between this item and the next",
            "kurang koma di sini, di antara butir ini dan butir berikutnya",
            String::new(),
        ),
        Syntax::UnquotedKey(k) => (
            "the key `%0` needs double quotes: \"%0\"",
            "kunci `%0` perlu tanda kutip ganda: \"%0\"",
            k.clone(),
        ),
        Syntax::UnquotedText(w) => (
            "`%0` is not a JSON value: write a text in double quotes, \"%0\" (true, false and null are written in lower case)",
            "`%0` bukan nilai JSON: tulis teks dalam tanda kutip ganda, \"%0\" (true, false dan null ditulis dengan huruf kecil)",
            w.clone(),
        ),
        Syntax::SingleQuotes => (
            "texts and keys take double quotes (\"), not single quotes (')",
            "teks dan kunci memakai tanda kutip ganda (\"), bukan kutip tunggal (')",
            String::new(),
        ),
        Syntax::Comment => (
            "JSON has no comments: remove this one",
            "JSON tidak mengenal komentar: hapus komentar ini",
            String::new(),
        ),
        Syntax::MissingColon => (
            "a colon (:) is missing after this key",
            "kurang titik dua (:) setelah kunci ini",
            String::new(),
        ),
        Syntax::WrongClose { expected } => (
            "this bracket closes the wrong one: `%0` is expected here",
            "kurung ini menutup kurung yang salah: di sini seharusnya `%0`",
            expected.to_string(),
        ),
        Syntax::UnclosedString => (
            "this text is never closed: a double quote (\") is missing at its end",
            "teks ini tidak pernah ditutup: kurang tanda kutip ganda (\") di akhirnya",
            String::new(),
        ),
        Syntax::ControlInString => (
            "a text goes on past the end of its line: a closing double quote (\") may be missing; inside a text, write a line break as \\n",
            "teks berlanjut melewati akhir barisnya: mungkin kurang tanda kutip ganda (\") penutup; di dalam teks, tulis pergantian baris sebagai \\n",
            String::new(),
        ),
        Syntax::BadEscape => (
            "a backslash (\\) that JSON does not allow here: write \\\\ for a backslash",
            "garis miring terbalik (\\) yang tidak dibolehkan JSON di sini: tulis \\\\ untuk garis miring terbalik",
            String::new(),
        ),
        Syntax::LoneSurrogate => (
            "a \\u escape of half a character (a lone surrogate)",
            "escape \\u berisi setengah karakter (surrogate tunggal)",
            String::new(),
        ),
        Syntax::BadNumber => (
            "a number JSON does not allow: write numbers such as 5, -2 or 3.5 (no leading zero, no + sign, digits on both sides of the point)",
            "angka yang tidak dibolehkan JSON: tulis angka seperti 5, -2 atau 3.5 (tanpa nol di depan, tanpa tanda +, dengan angka di kedua sisi titik)",
            String::new(),
        ),
        Syntax::NumberTooLarge => ("this number is too large", "angka ini terlalu besar", String::new()),
        Syntax::Unexpected(c) => (
            "unexpected `%0`",
            "`%0` tidak diharapkan di sini",
            c.to_string(),
        ),
        Syntax::UnexpectedEnd => (
            "the file ends before the JSON is complete: a closing } or ] is missing",
            "berkas berakhir sebelum JSON lengkap: kurang } atau ] penutup",
            String::new(),
        ),
        Syntax::TextAfterEnd => (
            "more text after the end of the survey: a file holds one JSON object",
            "masih ada teks setelah akhir survei: satu berkas berisi satu objek JSON",
            String::new(),
        ),
        Syntax::TooDeep => (
            "arrays and objects are nested more than %0 deep",
            "array dan objek bersarang lebih dari %0 tingkat",
            MAX_DEPTH.to_string(),
        ),
    };
    fill(if id { ind } else { en }, &[arg])
}

/// A problem in a `show_if` condition, with the part of it from where the
/// problem is, so the author need not count characters.
fn show_if(id: bool, text: &str, e: &ExprError) -> String {
    let message = expr_message(id, &e.problem);
    let from: String = text.chars().skip(e.at.saturating_sub(1)).collect();
    let from = from.trim_end();
    let short: String = from.chars().take(30).collect();
    let (template, quoted) = match (short.is_empty(), short.len() < from.len()) {
        (true, _) => (
            ["at the end of `%0`: %1", "di akhir `%0`: %1"],
            text.to_owned(),
        ),
        (false, true) => (["at `%0…`: %1", "di `%0…`: %1"], short),
        (false, false) => (["at `%0`: %1", "di `%0`: %1"], short),
    };
    fill(template[usize::from(id)], &[quoted, message])
}

/// The English words with the position: `at 3: message`, for tests.
impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.at, expr_message(false, &self.problem))
    }
}

fn token(id: bool, t: &Token) -> String {
    let (en, ind, arg) = match t {
        Token::Word(w) => ("`%0`", "`%0`", w.clone()),
        Token::Text(t) => ("the text '%0'", "teks '%0'", t.clone()),
        Token::Number(n) => ("the number %0", "angka %0", n.clone()),
        Token::Symbol(s) => ("`%0`", "`%0`", (*s).into()),
        Token::End => ("the end", "akhir syarat", String::new()),
    };
    fill(if id { ind } else { en }, &[arg])
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
    let t = |x: &Token| token(id, x);
    let e = |x: &Earlier| earlier(id, *x);
    let (en, ind, args): (&str, &str, Vec<String>) = match p {
        ExprProblem::LoneEquals => (
            "`=` alone: write `==` to compare",
            "`=` saja: tulis `==` untuk membandingkan",
            vec![],
        ),
        ExprProblem::LoneBang => (
            "`!` alone: write `!=`, or `not` before a condition",
            "`!` saja: tulis `!=`, atau `not` sebelum syarat",
            vec![],
        ),
        ExprProblem::UnclosedText(c) => (
            "this text has no closing %0",
            "teks ini tidak ditutup dengan %0",
            vec![c.to_string()],
        ),
        ExprProblem::NumberShape => (
            "a number here is written like 3, -1 or 2.5",
            "angka di sini ditulis seperti 3, -1 atau 2.5",
            vec![],
        ),
        ExprProblem::NumberTooLarge => ("this number is too large", "angka ini terlalu besar", vec![]),
        ExprProblem::FractionDigits => (
            "a number with a fraction may have at most 15 digits",
            "angka pecahan paling banyak 15 digit",
            vec![],
        ),
        ExprProblem::AndOr(c) => (
            "`%0`: write `and` or `or`",
            "`%0`: tulis `and` atau `or`",
            vec![c.to_string()],
        ),
        ExprProblem::Unexpected(c) => (
            "unexpected `%0`",
            "`%0` tidak diharapkan di sini",
            vec![c.to_string()],
        ),
        ExprProblem::Expected { what, found } => {
            let (w_en, w_id) = match what {
                Expected::Close => ("`)`", "`)`"),
                Expected::OpenList => ("`[` to start the list", "`[` untuk memulai daftar"),
                Expected::CommaOrCloseList => ("`,` or `]`", "`,` atau `]`"),
            };
            (
                "expected %0, found %1",
                "seharusnya %0, ternyata %1",
                vec![(if id { w_id } else { w_en }).into(), t(found)],
            )
        }
        ExprProblem::TooDeep { max } => (
            "nested more than %0 deep (parentheses and `not`)",
            "bersarang lebih dari %0 tingkat (tanda kurung dan `not`)",
            vec![max.to_string()],
        ),
        ExprProblem::ExpectedCondition { found } => (
            "expected a condition (a question id, `answered(...)`, `not` or `(`), found %0",
            "seharusnya syarat (id pertanyaan, `answered(...)`, `not` atau `(`), ternyata %0",
            vec![t(found)],
        ),
        ExprProblem::AnsweredNeedsParens => (
            "write `answered(question_id)`, with parentheses",
            "tulis `answered(id_pertanyaan)`, dengan tanda kurung",
            vec![],
        ),
        ExprProblem::ExpectedComparison {
            after,
            found,
            answered,
        } => (
            "expected a comparison (==, !=, <, <=, >, >=, in, contains) after `%0`, found %1%2",
            "seharusnya perbandingan (==, !=, <, <=, >, >=, in, contains) setelah `%0`, ternyata %1%2",
            vec![
                after.clone(),
                t(found),
                did_you_mean(id, answered.then_some("answered"), "`"),
            ],
        ),
        ExprProblem::ExpectedQuestionId { found } => (
            "expected a question id, found %0",
            "seharusnya id pertanyaan, ternyata %0",
            vec![t(found)],
        ),
        ExprProblem::UnquotedValue { word } => (
            "expected a value ('text', a number, true or false), found `%0`: put text in quotes",
            "seharusnya nilai ('teks', angka, true atau false), ternyata `%0`: beri tanda kutip pada teks",
            vec![word.clone()],
        ),
        ExprProblem::ExpectedValue { found } => (
            "expected a value ('text', a number, true or false), found %0",
            "seharusnya nilai ('teks', angka, true atau false), ternyata %0",
            vec![t(found)],
        ),
        ExprProblem::TooLong { len, max } => (
            "the expression is %0 characters; at most %1 are allowed",
            "syarat ini %0 karakter; paling banyak %1",
            vec![len.to_string(), max.to_string()],
        ),
        ExprProblem::Empty => ("the expression is empty", "syarat ini kosong", vec![]),
        ExprProblem::ExpectedEnd { found } => (
            "expected `and`, `or` or the end, found %0",
            "seharusnya `and`, `or` atau akhir syarat, ternyata %0",
            vec![t(found)],
        ),
        ExprProblem::OnlyAnswered { q, kind, op } => (
            "`%0` is a question of kind `%1`: show_if can only ask whether it is answered, with `answered(%0)`, not compare it with `%2`",
            "`%0` adalah pertanyaan jenis `%1`: show_if hanya dapat menanyakan apakah pertanyaan itu dijawab, dengan `answered(%0)`, bukan membandingkannya dengan `%2`",
            vec![q.clone(), (*kind).into(), op.symbol().into()],
        ),
        ExprProblem::WrongOp { q, kind, op, ops: o } => {
            let hint = match (*op == Op::Contains, id) {
                (false, _) => "",
                (true, false) => "`contains` is for multi_choice questions; ",
                (true, true) => "`contains` untuk pertanyaan multi_choice; ",
            };
            (
                "%0`%1` is a question of kind `%2`: compare it with %3, not `%4`",
                "%0`%1` adalah pertanyaan jenis `%2`: bandingkan dengan %3, bukan `%4`",
                vec![
                    hint.into(),
                    q.clone(),
                    (*kind).into(),
                    ops(id, o),
                    op.symbol().into(),
                ],
            )
        }
        ExprProblem::NotAnOption {
            value,
            q,
            options,
            suggestion,
        } => (
            "'%0' is not an option of `%1`%2; its options are: %3",
            "'%0' bukan pilihan `%1`%2; pilihannya: %3",
            vec![
                value.clone(),
                q.clone(),
                did_you_mean(id, suggestion.as_deref(), "'"),
                strings(options),
            ],
        ),
        ExprProblem::WrongValue { q, kind, want } => {
            let (w_en, w_id) = match want {
                Want::OptionValue => ("an option value in quotes", "nilai pilihan dalam tanda kutip"),
                Want::Text => ("a text in quotes", "teks dalam tanda kutip"),
                Want::Number => ("a number", "angka"),
                Want::Bool => ("true or false", "true atau false"),
            };
            (
                "`%0` is a question of kind `%1`: compare it with %2",
                "`%0` adalah pertanyaan jenis `%1`: bandingkan dengan %2",
                vec![q.clone(), (*kind).into(), (if id { w_id } else { w_en }).into()],
            )
        }
        ExprProblem::OwnQuestion { id: q, earlier: w } => (
            "`%0` is this question: show_if may only use %1",
            "`%0` adalah pertanyaan ini sendiri: show_if hanya boleh memakai %1",
            vec![q.clone(), e(w)],
        ),
        ExprProblem::LaterQuestion { id: q, earlier: w } => (
            "question `%0` comes later in the survey: show_if may only use %1",
            "pertanyaan `%0` baru muncul kemudian dalam survei: show_if hanya boleh memakai %1",
            vec![q.clone(), e(w)],
        ),
        ExprProblem::UnknownQuestion {
            id: q, earlier: w, ids, ..
        } if ids.is_empty() => (
            "unknown question `%0`; there are no %1",
            "pertanyaan `%0` tidak dikenal; tidak ada %1",
            vec![q.clone(), e(w)],
        ),
        ExprProblem::UnknownQuestion {
            id: q,
            earlier: w,
            ids,
            suggestion,
        } => (
            "unknown question `%0`%1; %2 are: %3",
            "pertanyaan `%0` tidak dikenal%1; %2: %3",
            vec![
                q.clone(),
                did_you_mean(id, suggestion.as_deref(), "`"),
                e(w),
                strings(ids),
            ],
        ),
    };
    fill(if id { ind } else { en }, &args)
}
