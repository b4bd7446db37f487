//! The inclusion question bank: standard, versioned demographic questions
//! that a survey switches on with one `inclusion` block on a page.
//!
//! The bank's words are data, not code: one file per pack and language
//! (`bank/<version>/<pack>.<locale>.json`, e.g. `bank/2026.1/ID.id.json`),
//! served beside the widget and fetched only by a survey that has an
//! inclusion block, so a survey without one downloads none of it. Reading
//! a survey with a block is two steps: [`expand`] turns the block into
//! ordinary question objects with a text in every language (a
//! `serde_json::Value` to `Value` step), then the survey parser reads them
//! as it reads any question. The parser checks the block itself (its pack,
//! items, areas and `sensitive`) and reports each problem with its JSON path.
//!
//! What the expansion adds to the block's page, after its own questions:
//! the consent question [`CONSENT_ID`] (`yes`: answer them, `no`: skip them
//! all; its help says why these are asked, that each is optional and that
//! groups are reported only with at least `k` people), then the block's
//! items, each shown only after `yes` and, unless the survey says
//! `"minors": "guardian_consented"`, only while the age band is not
//! `under_18` (the age band's help then says so). The block gains a `bank`
//! object (the bank's version, the consent text's version and the
//! Washington Group introduction), which the parser reads into
//! [`crate::survey::Inclusion`].

use serde_json::{Map, Value};

/// The bank's version: recorded in every response that answered an item.
/// Codes never change within a version.
pub const VERSION: &str = "2026.1";

/// The packs, each with the languages it has words in.
pub const PACKS: [(&str, &[&str]); 3] = [("ID", &["id", "en"]), ("US", &["en"]), ("GB", &["en"])];

/// The id of the consent question the expansion adds before the items.
pub const CONSENT_ID: &str = "inclusion_consent";

/// The Washington Group Short Set's six questions, in their order.
pub const WG: [&str; 6] = [
    "wg_seeing",
    "wg_hearing",
    "wg_walking",
    "wg_remembering",
    "wg_selfcare",
    "wg_communicating",
];

/// Every question id the bank gives, the consent question's included, in
/// the bank's order. No other question of a survey that uses the bank may
/// take one.
pub const QUESTION_IDS: [&str; 19] = [
    CONSENT_ID,
    "age_band",
    "wg_seeing",
    "wg_hearing",
    "wg_walking",
    "wg_remembering",
    "wg_selfcare",
    "wg_communicating",
    "gender",
    "sex_at_birth",
    "sexual_orientation",
    "ethnicity",
    "religion",
    "language_home",
    "education",
    "activity",
    "financial_situation",
    "housing_tenure",
    "area",
];

/// The CSV columns a survey that uses the bank gains beside its questions
/// (after the consent question's `inclusion_consent`, and after the six
/// Washington Group questions): no question of such a survey may take one.
pub const COLUMNS: [&str; 3] = ["consent_version", "bank", "wg_disability"];

/// What an `items` list may name: every bank question but the consent
/// question, and `wg_ss` for the six Washington Group questions.
pub const ITEMS: [&str; 19] = [
    "age_band",
    "wg_ss",
    "wg_seeing",
    "wg_hearing",
    "wg_walking",
    "wg_remembering",
    "wg_selfcare",
    "wg_communicating",
    "gender",
    "sex_at_birth",
    "sexual_orientation",
    "ethnicity",
    "religion",
    "language_home",
    "education",
    "activity",
    "financial_situation",
    "housing_tenure",
    "area",
];

/// The age band that ends the section unless guardians consented.
pub const UNDER_18: &str = "under_18";

/// The default smallest group reported (`"privacy": {"k": 10}`).
pub const DEFAULT_K: u64 = 10;

/// The item of the bank a question id comes from: `wg_ss` for the six
/// Washington Group questions, the id itself for the others.
pub fn item_of(id: &str) -> Option<&'static str> {
    if WG.contains(&id) {
        return Some("wg_ss");
    }
    QUESTION_IDS.iter().find(|q| **q == id).copied()
}

/// The languages pack `pack` has words in, if there is such a pack.
pub fn languages(pack: &str) -> Option<&'static [&'static str]> {
    PACKS.iter().find(|(p, _)| *p == pack).map(|(_, l)| *l)
}

/// The file of pack `pack` in language `locale`, relative to the bank's
/// folder: `2026.1/ID.en.json`.
pub fn file_name(pack: &str, locale: &str) -> String {
    format!("{VERSION}/{pack}.{locale}.json")
}

/// The bank files a survey (as parsed JSON) needs: for each pack its blocks
/// name, the file of each of the survey's languages the pack has. Empty for
/// a survey without an inclusion block: it fetches nothing.
pub fn files_needed(survey: &Value) -> Vec<String> {
    let locales = survey_locales(survey);
    let mut out = Vec::new();
    for page in survey
        .get("pages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let pack = page
            .get("inclusion")
            .and_then(|b| b.get("pack"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        for lang in languages(pack).unwrap_or_default() {
            let name = file_name(pack, lang);
            if locales.iter().any(|l| l == lang) && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The survey's language codes, the default first, as written.
fn survey_locales(survey: &Value) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let listed = survey.get("locales").and_then(Value::as_array);
    for code in survey
        .get("default_locale")
        .into_iter()
        .chain(listed.into_iter().flatten())
    {
        if let Some(c) = code.as_str() {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// Keys of a bank question object whose strings are words (one per
/// language after the expansion); every other string is a code.
const TEXT_KEYS: [&str; 3] = ["label", "help", "other"];

/// Merges the same object of several language files into one: each text a
/// `{locale: words}` object, every code as the first file has it. Keys
/// named `check` (notes for the bank's translators) are left out.
fn merge(parts: &[(&str, &Value)]) -> Value {
    let Some((_, first)) = parts.first() else {
        return Value::Null;
    };
    match first {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, v) in map {
                if key == "check" {
                    continue;
                }
                let children: Vec<(&str, &Value)> = parts
                    .iter()
                    .filter_map(|(l, p)| Some((*l, p.get(key)?)))
                    .collect();
                let merged = if TEXT_KEYS.contains(&key.as_str()) && v.is_string() {
                    words(&children)
                } else {
                    merge(&children)
                };
                out.insert(key.clone(), merged);
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            let mut out = Vec::new();
            for (i, _) in items.iter().enumerate() {
                let children: Vec<(&str, &Value)> = parts
                    .iter()
                    .filter_map(|(l, p)| Some((*l, p.get(i)?)))
                    .collect();
                out.push(merge(&children));
            }
            Value::Array(out)
        }
        // By hand, not `Value::clone`: only scalars are left here, and the
        // widget then carries no clone of a whole `Value`.
        Value::String(s) => Value::String(s.clone()),
        Value::Number(n) => Value::Number(n.clone()),
        Value::Bool(b) => Value::Bool(*b),
        Value::Null => Value::Null,
    }
}

/// An object of these keys and values, in this order. (Not `json!`: its
/// values go through `serde_json::to_value`, whose serializer would
/// then be in the widget's download.)
fn object(pairs: Vec<(&str, Value)>) -> Value {
    let mut out = Map::new();
    for (k, v) in pairs {
        out.insert(k.to_owned(), v);
    }
    Value::Object(out)
}

/// One text in every language given: `{"id": "…", "en": "…"}`.
fn words(parts: &[(&str, &Value)]) -> Value {
    let mut out = Map::new();
    for (l, v) in parts {
        if let Some(s) = v.as_str() {
            out.insert((*l).to_owned(), Value::String(s.to_owned()));
        }
    }
    Value::Object(out)
}

/// The same text of each file, at `key` of the top level or of `consent`.
fn text_of(files: &[(&str, &Value)], consent: bool, key: &str, k: u64) -> Value {
    let mut out = Map::new();
    for (l, f) in files {
        let v = if consent { f.get("consent") } else { Some(*f) };
        if let Some(s) = v.and_then(|v| v.get(key)).and_then(Value::as_str) {
            // `{k}` by hand: `str::replace`'s searcher would be more wasm.
            let words = match s.find('{') {
                Some(i) if s[i..].starts_with("{k}") => format!("{}{k}{}", &s[..i], &s[i + 3..]),
                _ => s.to_owned(),
            };
            out.insert((*l).to_owned(), words.into());
        }
    }
    Value::Object(out)
}

/// Expands every page's inclusion block into questions, with the bank
/// `files` (parsed, any packs and languages; those of languages the survey
/// does not offer are not used). A block the expansion cannot serve (no
/// such pack, no file in the survey's default language, items that are no
/// list) is left as it is, without a `bank` object: the parser reports it.
/// Unknown items are left out (the parser names them), and so is an item
/// listed twice.
pub fn expand(survey: &mut Value, files: &[Value]) {
    let locales: Vec<String> = survey_locales(survey)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let k = survey
        .get("privacy")
        .and_then(|p| p.get("k"))
        .and_then(Value::as_u64)
        .unwrap_or(DEFAULT_K);
    let minors_ok = survey.get("minors").and_then(Value::as_str) == Some("guardian_consented");
    let Some(pages) = survey.get_mut("pages").and_then(Value::as_array_mut) else {
        return;
    };
    for page in pages {
        // Where the bank's questions start: after the page's own.
        let from = page
            .get("questions")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let Some(Value::Object(block)) = page.get_mut("inclusion") else {
            continue;
        };
        // What the expansion adds, never what a file says.
        block.insert("bank".into(), Value::Null);
        let pack = block
            .get("pack")
            .and_then(Value::as_str)
            .unwrap_or_default();
        // The survey's languages, in its order, that the pack has a file of.
        let mut ours: Vec<(&str, &Value)> = Vec::new();
        for l in &locales {
            let file = files.iter().find(|f| {
                f.get("pack").and_then(Value::as_str) == Some(pack)
                    && f.get("locale").and_then(Value::as_str) == Some(l.as_str())
            });
            if let Some(f) = file {
                ours.push((l.as_str(), f));
            }
        }
        let has_default = ours
            .first()
            .is_some_and(|(l, _)| Some(*l) == locales.first().map(String::as_str));
        let Some(Value::Array(items)) = block.get("items") else {
            continue;
        };
        if !has_default {
            continue;
        }
        let mut wanted: Vec<&str> = Vec::new();
        for item in items.iter().filter_map(Value::as_str) {
            let ids: &[&str] = if item == "wg_ss" {
                &WG
            } else {
                std::slice::from_ref(&item)
            };
            for id in ids {
                if !wanted.contains(id) {
                    wanted.push(id);
                }
            }
        }
        let sensitive = block.get("sensitive") == Some(&Value::Bool(true));
        let areas: Vec<Value> = match block.get("areas") {
            Some(Value::Array(areas)) => areas.iter().map(|a| merge(&[("", a)])).collect(),
            _ => Vec::new(),
        };
        // The age band first (it may end the section), then the Washington
        // Group's six in their order, then the rest as listed.
        let age = wanted.contains(&"age_band");
        // One loop over the bank's order, then the rest as listed: fewer
        // iterator types, so less wasm.
        let mut order: Vec<&str> = Vec::new();
        for id in QUESTION_IDS.iter().take(8).chain(wanted.iter()) {
            let first = QUESTION_IDS[..8].contains(id);
            if wanted.contains(id) && !order.contains(id) && (first || !WG.contains(id)) {
                order.push(id);
            }
        }
        const CHOSE: &str = "inclusion_consent == 'yes'";
        const ADULT: &str = "inclusion_consent == 'yes' and not (age_band == 'under_18')";
        let gate = if age && !minors_ok { ADULT } else { CHOSE };
        let mut questions: Vec<Value> = Vec::new();
        let option = |value: &str| {
            object(vec![
                ("value", value.into()),
                ("label", text_of(&ours, true, value, k)),
            ])
        };
        let consent = object(vec![
            ("id", CONSENT_ID.into()),
            ("kind", "single_choice".into()),
            ("label", text_of(&ours, true, "label", k)),
            ("help", text_of(&ours, true, "help", k)),
            ("options", Value::Array(vec![option("yes"), option("no")])),
        ]);
        questions.push(consent);
        for id in order {
            // The sensitive item stays out in `ID` unless asked for (the parser explains).
            if id == "sexual_orientation" && pack == "ID" && !sensitive {
                continue;
            }
            let parts: Vec<(&str, &Value)> = ours
                .iter()
                .filter_map(|(l, f)| Some((*l, f.get("items")?.get(id)?)))
                .collect();
            if parts.is_empty() {
                continue;
            }
            let Value::Object(mut q) = merge(&parts) else {
                continue;
            };
            q.insert("id".into(), id.into());
            if id == "age_band" {
                q.insert("show_if".into(), CHOSE.into());
                if !minors_ok {
                    q.insert("help".into(), text_of(&ours, false, "minors", k));
                }
            } else {
                q.insert("show_if".into(), gate.into());
            }
            if id == "area" {
                if areas.is_empty() {
                    continue;
                }
                if let Some(Value::Array(options)) = q.get_mut("options") {
                    let bank_options = std::mem::take(options);
                    options.extend(areas.iter().map(|a| merge(&[("", a)])));
                    options.extend(bank_options);
                }
            }
            questions.push(Value::Object(q));
        }
        let (_, first) = ours[0];
        let text = |v: Option<&Value>| merge(&[("", v.unwrap_or(&Value::Null))]);
        let consent_version = text(first.get("consent").and_then(|c| c.get("version")));
        let bank = object(vec![
            ("from", from.into()),
            ("version", text(first.get("bank"))),
            ("consent_version", consent_version),
            ("wg_intro", text_of(&ours, false, "wg_intro", k)),
        ]);
        block.insert("bank".into(), bank);
        let Value::Object(page) = page else { continue };
        match page.get_mut("questions") {
            Some(Value::Array(own)) => own.extend(questions),
            _ => {
                page.insert("questions".into(), Value::Array(questions));
            }
        }
    }
}

/// The bank's files as the crate carries them, for native readers (the
/// command line, tests): `(file name, text)`. The widget fetches them
/// instead (see [`files_needed`]); nothing in it uses these, so they are
/// not in its download.
pub const EMBEDDED: [(&str, &str); 4] = [
    (
        "2026.1/ID.id.json",
        include_str!("../bank/2026.1/ID.id.json"),
    ),
    (
        "2026.1/ID.en.json",
        include_str!("../bank/2026.1/ID.en.json"),
    ),
    (
        "2026.1/US.en.json",
        include_str!("../bank/2026.1/US.en.json"),
    ),
    (
        "2026.1/GB.en.json",
        include_str!("../bank/2026.1/GB.en.json"),
    ),
];

/// Every embedded bank file, parsed.
pub fn embedded() -> Vec<Value> {
    EMBEDDED
        .iter()
        .filter_map(|(_, text)| serde_json::from_str(text).ok())
        .collect()
}

/// The Washington Group's disability indicator from the six answers (the
/// codes, `None` for an unanswered one): `Some(true)` when any is
/// `a_lot_of_difficulty` or `cannot_do`, `Some(false)` when all six are
/// answered with `no_difficulty` or `some_difficulty`, `None` otherwise.
pub fn wg_disability(answers: [Option<&str>; 6]) -> Option<bool> {
    if answers
        .iter()
        .any(|a| matches!(a, Some("a_lot_of_difficulty" | "cannot_do")))
    {
        return Some(true);
    }
    answers
        .iter()
        .all(|a| matches!(a, Some("no_difficulty" | "some_difficulty")))
        .then_some(false)
}

/// How the `wg_disability` column is computed, for the codebook.
pub const WG_DERIVATION: &str = "1 when any of wg_seeing, wg_hearing, wg_walking, wg_remembering, wg_selfcare, wg_communicating is a_lot_of_difficulty or cannot_do; 0 when all six are answered with no_difficulty or some_difficulty; empty otherwise (the Washington Group's recommended cut-off)";
