//! The inclusion question bank: its files (golden per pack and language,
//! every code checked by name), the expansion of a survey's block into
//! questions, every problem a block can have, the responses' bank fields,
//! the CSV's derived `wg_disability` and the codebook.

mod common;

use serde_json::{json, Value};
use suara_domain::answer::Answers;
use suara_domain::bank::{self, CONSENT_ID, WG};
use suara_domain::codebook;
use suara_domain::export::{self, CsvOptions, MultiColumns};
use suara_domain::response::Finish;
use suara_domain::{AnswerValue, Locale, Response, Survey};

/// The bank's files, parsed, by name.
fn files() -> Vec<(&'static str, Value)> {
    bank::EMBEDDED
        .iter()
        .map(|(name, text)| {
            (
                *name,
                serde_json::from_str(text).expect("a bank file is JSON"),
            )
        })
        .collect()
}

/// Every item of a bank file, in its order, as readable lines: the item,
/// its kind, its words, and each code with its words.
fn describe(file: &Value) -> String {
    let mut out = String::new();
    let top = |key: &str| file[key].as_str().unwrap_or_default().to_owned();
    out.push_str(&format!(
        "bank {} pack {} locale {}\n",
        top("bank"),
        top("pack"),
        top("locale")
    ));
    let consent = &file["consent"];
    for key in ["version", "label", "help", "yes", "no"] {
        out.push_str(&format!(
            "consent.{key}: {}\n",
            consent[key].as_str().unwrap_or_default()
        ));
    }
    out.push_str(&format!("minors: {}\n", top("minors")));
    out.push_str(&format!("wg_intro: {}\n", top("wg_intro")));
    for (item, q) in file["items"].as_object().expect("items") {
        out.push_str(&format!(
            "\n{item} ({}): {}\n",
            q["kind"].as_str().unwrap_or_default(),
            q["label"].as_str().unwrap_or_default()
        ));
        for o in q["options"].as_array().expect("options") {
            out.push_str(&format!(
                "  {} = {}\n",
                o["value"].as_str().unwrap_or_default(),
                o["label"].as_str().unwrap_or_default()
            ));
        }
        if let Some(other) = q["other"].as_str() {
            out.push_str(&format!("  other = {other} (with its description)\n"));
        }
        if let Some(check) = q["check"].as_str() {
            out.push_str(&format!("  check: {check}\n"));
        }
    }
    out
}

#[test]
fn every_bank_file_is_its_golden_description() {
    let failures: Vec<String> = files()
        .iter()
        .filter_map(|(name, file)| {
            let golden = name.replace('/', "-").replace(".json", ".golden");
            common::golden(
                &common::data(&format!("bank/{golden}")),
                describe(file).as_bytes(),
            )
            .err()
        })
        .collect();
    common::assert_no_failures(failures);
}

/// The codes of every item of every pack of bank 2026.1. Codes never
/// change within a version: a change here is a new bank version.
const CODES: &str = include_str!("bank/codes.txt");

/// `pack item: code code …` for every file of a pack (all its languages
/// must agree).
fn codes_of(file: &Value) -> Vec<(String, Vec<String>)> {
    file["items"]
        .as_object()
        .expect("items")
        .iter()
        .map(|(item, q)| {
            let mut codes: Vec<String> = q["options"]
                .as_array()
                .expect("options")
                .iter()
                .map(|o| o["value"].as_str().unwrap_or_default().to_owned())
                .collect();
            if q.get("other").is_some() {
                codes.push("other".to_owned());
            }
            (item.clone(), codes)
        })
        .collect()
}

#[test]
fn every_code_of_every_item_is_the_versions_and_a_change_names_the_code() {
    let mut failures = Vec::new();
    let expected: Vec<(&str, &str, Vec<&str>)> = CODES
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (head, codes) = l.split_once(':').expect("`pack item: codes`");
            let (pack, item) = head.split_once(' ').expect("`pack item`");
            (pack, item, codes.split_whitespace().collect())
        })
        .collect();
    for (name, file) in files() {
        let pack = file["pack"].as_str().unwrap_or_default();
        let actual = codes_of(&file);
        for (p, item, codes) in expected.iter().filter(|(p, _, _)| *p == pack) {
            let Some((_, found)) = actual.iter().find(|(i, _)| i == item) else {
                failures.push(format!("{name}: item `{item}` of pack {p} is missing"));
                continue;
            };
            for code in codes {
                if !found.iter().any(|f| f == code) {
                    failures.push(format!("{name}: item `{item}` lost code `{code}`"));
                }
            }
            for code in found {
                if !codes.contains(&code.as_str()) {
                    failures.push(format!("{name}: item `{item}` has a new code `{code}`"));
                }
            }
            let order: Vec<&str> = found.iter().map(String::as_str).collect();
            if order == *codes {
                continue;
            }
            failures.push(format!(
                "{name}: item `{item}`'s codes are in another order: {order:?}"
            ));
        }
        for (item, _) in &actual {
            if !expected.iter().any(|(p, i, _)| *p == pack && i == item) {
                failures.push(format!(
                    "{name}: item `{item}` is not in the version's codes"
                ));
            }
        }
    }
    common::assert_no_failures(failures);
}

#[test]
fn every_pack_has_a_file_in_each_of_its_languages_and_every_item() {
    let all = files();
    for (pack, languages) in bank::PACKS {
        for l in languages {
            let name = bank::file_name(pack, l);
            let (_, file) = all
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap_or_else(|| panic!("{name} is embedded"));
            assert_eq!(file["bank"], bank::VERSION, "{name}");
            assert_eq!(file["pack"], pack, "{name}");
            assert_eq!(file["locale"], *l, "{name}");
            for id in bank::QUESTION_IDS.iter().filter(|i| **i != CONSENT_ID) {
                assert!(file["items"].get(*id).is_some(), "{name} has no item {id}");
            }
        }
    }
    // Indonesian and English for every item of the Indonesian pack.
    assert_eq!(bank::languages("ID"), Some(&["id", "en"][..]));
}

#[test]
fn the_washington_group_questions_are_the_short_sets_words_in_its_order() {
    let en = &files()
        .into_iter()
        .find(|(n, _)| *n == "2026.1/ID.en.json")
        .expect("ID.en")
        .1;
    assert_eq!(
        en["wg_intro"],
        "The next questions ask about difficulties you may have doing certain activities because of a HEALTH PROBLEM."
    );
    let words: Vec<&str> = WG
        .iter()
        .map(|w| en["items"][w]["label"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        words,
        [
            "Do you have difficulty seeing, even if wearing glasses?",
            "Do you have difficulty hearing, even if using a hearing aid?",
            "Do you have difficulty walking or climbing steps?",
            "Do you have difficulty remembering or concentrating?",
            "Do you have difficulty (with self-care such as) washing all over or dressing?",
            "Using your usual (customary) language, do you have difficulty communicating, for example understanding or being understood?",
        ]
    );
    for (name, file) in files() {
        let intro = file["wg_intro"].as_str().unwrap_or_default().to_lowercase();
        for word in ["disab", "cacat", "difabel", "disabilitas"] {
            assert!(
                !intro.contains(word),
                "{name}: the introduction says {word}"
            );
        }
        for w in WG {
            let codes: Vec<&str> = file["items"][w]["options"]
                .as_array()
                .expect("options")
                .iter()
                .filter_map(|o| o["value"].as_str())
                .collect();
            assert_eq!(
                codes,
                [
                    "no_difficulty",
                    "some_difficulty",
                    "a_lot_of_difficulty",
                    "cannot_do"
                ],
                "{name}: {w}"
            );
        }
        let labels: Vec<&str> = file["items"]["wg_seeing"]["options"]
            .as_array()
            .expect("options")
            .iter()
            .filter_map(|o| o["label"].as_str())
            .collect();
        if file["locale"] == "en" {
            assert_eq!(
                labels,
                [
                    "No difficulty",
                    "Some difficulty",
                    "A lot of difficulty",
                    "Cannot do at all"
                ]
            );
        }
    }
}

#[test]
fn the_us_pack_asks_one_combined_question_with_the_seven_categories_and_gb_one_choice() {
    let all = files();
    let file = |n: &str| &all.iter().find(|(name, _)| *name == n).expect("a file").1;
    let us = &file("2026.1/US.en.json")["items"]["ethnicity"];
    assert_eq!(us["kind"], "multi_choice");
    let labels: Vec<&str> = us["options"]
        .as_array()
        .expect("options")
        .iter()
        .filter_map(|o| o["label"].as_str())
        .collect();
    assert!(labels.contains(&"Middle Eastern or North African"));
    assert_eq!(labels.len(), 8, "seven categories and prefer not to say");
    assert_eq!(
        file("2026.1/GB.en.json")["items"]["ethnicity"]["kind"],
        "single_choice"
    );
    let religion: Vec<&str> = file("2026.1/ID.id.json")["items"]["religion"]["options"]
        .as_array()
        .expect("options")
        .iter()
        .filter_map(|o| o["value"].as_str())
        .collect();
    for r in [
        "islam",
        "kristen",
        "katolik",
        "hindu",
        "buddha",
        "khonghucu",
        "kepercayaan",
    ] {
        assert!(religion.contains(&r), "ID religion has {r}");
    }
}

fn survey_json() -> String {
    common::read(&common::data("bank/survey.json"))
}

fn expanded() -> Value {
    let mut value: Value = serde_json::from_str(&survey_json()).expect("JSON");
    bank::expand(&mut value, &bank::embedded());
    value
}

#[test]
fn a_block_expands_into_a_consent_question_then_its_items_as_ordinary_questions() {
    let value = expanded();
    let pretty = serde_json::to_string_pretty(&value).expect("JSON") + "\n";
    common::golden(&common::data("bank/expanded.json"), pretty.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = value["pages"][1]["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .filter_map(|q| q["id"].as_str())
        .collect();
    let mut expected = vec![CONSENT_ID, "age_band"];
    expected.extend(WG);
    expected.extend([
        "gender",
        "ethnicity",
        "religion",
        "language_home",
        "education",
        "activity",
        "financial_situation",
        "area",
    ]);
    assert_eq!(ids, expected);
    // `k` from the survey's privacy, in both languages.
    let help = &value["pages"][1]["questions"][0]["help"];
    assert!(help["en"]
        .as_str()
        .unwrap_or_default()
        .contains("at least 12 people"));
    assert!(help["id"]
        .as_str()
        .unwrap_or_default()
        .contains("sedikitnya 12 orang"));
    // The areas first, then the bank's own choices.
    let area: Vec<&str> = value["pages"][1]["questions"][15]["options"]
        .as_array()
        .expect("options")
        .iter()
        .filter_map(|o| o["value"].as_str())
        .collect();
    assert_eq!(area, ["kel_a", "kel_b", "elsewhere", "prefer_not_to_say"]);
    // The survey parses, with its bank.
    let survey = Survey::from_value(&value).expect("the expanded survey parses");
    let inclusion = survey.inclusion.as_ref().expect("an inclusion");
    assert_eq!(
        (inclusion.pack.as_str(), inclusion.bank.as_str()),
        ("ID", "2026.1")
    );
    assert_eq!(survey.privacy_k, 12);
    assert!(!survey.guardian_consented);
    assert_eq!(Survey::parse(&survey_json()), Ok(survey));
}

#[test]
fn a_survey_names_the_bank_files_of_its_languages_and_without_a_block_none() {
    let value: Value = serde_json::from_str(&survey_json()).expect("JSON");
    assert_eq!(
        bank::files_needed(&value),
        ["2026.1/ID.id.json", "2026.1/ID.en.json"]
    );
    let plain: Value = serde_json::from_str(suara_domain::DEFAULT_SURVEY_JSON).expect("JSON");
    let mut plain = plain;
    plain["pages"]
        .as_array_mut()
        .expect("pages")
        .retain(|p| p.get("inclusion").is_none());
    assert!(bank::files_needed(&plain).is_empty());
}

/// The survey with `edit` applied to its JSON: each error must be
/// exactly one of `expected`, in order.
fn check(edit: impl FnOnce(&mut Value), expected: &[&str]) {
    let mut value: Value = serde_json::from_str(&survey_json()).expect("JSON");
    edit(&mut value);
    let errors = Survey::parse(&value.to_string()).expect_err("the survey should not parse");
    let actual: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(actual, expected);
}

#[test]
fn an_unknown_item_is_named_with_its_path_and_a_suggestion() {
    check(
        |v| v["pages"][1]["inclusion"]["items"][2] = json!("gendre"),
        &["$.pages[1].inclusion.items[2]: unknown item `gendre` (did you mean `gender`?); the bank's items are: age_band, wg_ss, wg_seeing, wg_hearing, wg_walking, wg_remembering, wg_selfcare, wg_communicating, gender, sex_at_birth, sexual_orientation, ethnicity, religion, language_home, education, activity, financial_situation, housing_tenure, area"],
    );
}

#[test]
fn an_unknown_pack_is_named_with_the_packs() {
    check(
        |v| v["pages"][1]["inclusion"]["pack"] = json!("FR"),
        &["$.pages[1].inclusion.pack: unknown pack `FR`; the bank's packs are: ID, US, GB"],
    );
}

#[test]
fn a_question_of_the_survey_with_a_bank_id_is_an_error_at_its_path() {
    check(
        |v| {
            v["pages"][0]["questions"][0]["id"] = json!("gender");
        },
        &["$.pages[0].questions[0].id: question id `gender` is one of the question bank's, which this survey uses: use the bank's item, or give this question another id"],
    );
    // After the block too, and for the columns the bank adds.
    check(
        |v| {
            let q = json!({"id": "wg_disability", "kind": "yes_no", "label": "x"});
            v["pages"].as_array_mut().expect("pages").push(json!({"id": "last", "questions": [q]}));
        },
        &["$.pages[2].questions[0].id: question id `wg_disability` is one of the question bank's, which this survey uses: use the bank's item, or give this question another id"],
    );
}

#[test]
fn sexual_orientation_in_the_indonesian_pack_needs_sensitive_and_says_why() {
    check(
        |v| v["pages"][1]["inclusion"]["items"].as_array_mut().expect("items").push(json!("sexual_orientation")),
        &["$.pages[1].inclusion.items[10]: item `sexual_orientation` is off in pack `ID`: asking it is unsafe or unlawful in parts of the country (in Aceh, for one), so the block must also say \"sensitive\": true, once you have checked that asking it is safe and lawful where this survey runs"],
    );
    let mut value: Value = serde_json::from_str(&survey_json()).expect("JSON");
    let block = &mut value["pages"][1]["inclusion"];
    block["items"]
        .as_array_mut()
        .expect("items")
        .push(json!("sexual_orientation"));
    block["sensitive"] = json!(true);
    let survey = Survey::parse(&value.to_string()).expect("with sensitive");
    assert!(survey.question("sexual_orientation").is_some());
    // Other packs ask it when listed.
    let mut value: Value = serde_json::from_str(&survey_json()).expect("JSON");
    value["default_locale"] = json!("en");
    value["locales"] = json!(["en"]);
    value["title"] = json!("Bank test");
    value["pages"][0]["questions"][0]["label"] = json!("Came?");
    let block = &mut value["pages"][1]["inclusion"];
    block["pack"] = json!("GB");
    block["items"] = json!(["sexual_orientation", "ethnicity"]);
    block.as_object_mut().expect("block").remove("areas");
    value["pages"][1]["title"] = json!("About you");
    let survey = Survey::parse(&value.to_string()).expect("GB with orientation");
    assert!(survey.question("sexual_orientation").is_some());
}

#[test]
fn other_problems_of_a_block_are_each_named() {
    check(
        |v| {
            v["pages"][1]["inclusion"].as_object_mut().expect("block").remove("areas");
        },
        &["$.pages[1].inclusion: item `area` needs `areas`: the list of areas a person may choose (coarse areas, never an address)"],
    );
    check(
        |v| v["pages"][1]["inclusion"]["items"][1] = json!("age_band"),
        &["$.pages[1].inclusion.items[1]: item `age_band` is listed twice"],
    );
    check(
        |v| {
            v["default_locale"] = json!("ar");
            v["locales"] = json!(["ar"]);
            v["title"] = json!("x");
            v["pages"][0]["questions"][0]["label"] = json!("x");
            v["pages"][1]["title"] = json!("x");
            v["pages"][1]["inclusion"]["areas"] = json!([{"value": "a", "label": "A"}]);
        },
        &["$.pages[1].inclusion.pack: pack `ID` has no words in `ar`, the survey's default language; it has: id, en"],
    );
    check(
        |v| {
            let second = v["pages"][1].clone();
            let mut second = second;
            second["id"] = json!("again");
            v["pages"].as_array_mut().expect("pages").push(second);
        },
        &["$.pages[2].inclusion: a survey has one inclusion block; the first is at $.pages[1].inclusion"],
    );
    check(
        |v| v["minors"] = json!("yes"),
        &["$.minors: `minors` must be \"guardian_consented\", found \"yes\""],
    );
    check(
        |v| v["privacy"] = json!({"k": 1}),
        &["$.privacy.k: `k` must be a whole number from 2 to 1000, found 1"],
    );
}

#[test]
fn without_the_banks_files_a_block_cannot_be_read() {
    let value: Value = serde_json::from_str(&survey_json()).expect("JSON");
    let errors = Survey::from_value(&value).expect_err("not expanded");
    let actual: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        actual,
        ["$.pages[1].inclusion: the question bank's files for pack `ID` could not be loaded"]
    );
    // The respondent's page counts the same.
    let refused = Survey::read_unexplained(&survey_json(), |t| {
        serde_json::from_str(t).map_err(|e| e.to_string())
    })
    .expect_err("not expanded");
    assert_eq!(refused.problems, 1);
}

fn survey() -> Survey {
    Survey::parse(&survey_json()).expect("the bank survey")
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), AnswerValue::Text((*v).to_owned())))
        .collect()
}

fn finish(survey: &Survey, answers: &Answers) -> Response {
    let locale = Locale::parse("id").expect("id");
    let meta = Finish {
        id: "r1",
        locale: &locale,
        started_at: "2026-12-06T10:00:00Z",
        submitted_at: "2026-12-06T10:05:00Z",
    };
    Response::finish(survey, answers, meta).expect("valid")
}

#[test]
fn consent_given_records_the_choice_its_text_version_and_the_bank_version() {
    let s = survey();
    let r = finish(
        &s,
        &answers(&[
            (CONSENT_ID, "yes"),
            ("age_band", "25_34"),
            ("wg_seeing", "some_difficulty"),
            ("gender", "woman"),
        ]),
    );
    assert_eq!(r.inclusion_consent, Some(true));
    assert_eq!(r.consent_version.as_deref(), Some("2026.1-consent-1"));
    assert_eq!(r.bank.as_deref(), Some("2026.1"));
    assert!(
        !r.answers.contains_key(CONSENT_ID),
        "the choice is the response's, not an answer"
    );
    let json: Value = serde_json::from_str(&r.to_json()).expect("JSON");
    assert_eq!(json["inclusion_consent"], true);
    assert_eq!(json["consent_version"], "2026.1-consent-1");
    assert_eq!(json["bank"], "2026.1");
    assert_eq!(Response::from_json(&r.to_json()), Ok(r));
}

#[test]
fn skipping_hides_every_inclusion_question_and_records_the_refusal() {
    let s = survey();
    let given = answers(&[
        (CONSENT_ID, "no"),
        ("age_band", "25_34"),
        ("gender", "woman"),
    ]);
    let hidden = suara_domain::logic::hidden_questions(&s, &given);
    for id in bank::QUESTION_IDS
        .iter()
        .filter(|i| s.question(i).is_some() && **i != CONSENT_ID)
    {
        assert!(
            hidden.iter().any(|h| h == id),
            "{id} is hidden after skipping"
        );
    }
    let r = finish(&s, &given);
    assert_eq!(r.inclusion_consent, Some(false));
    assert_eq!(r.bank, None, "no item answered");
    assert!(r.answers.is_empty(), "{:?}", r.answers);
    let json: Value = serde_json::from_str(&r.to_json()).expect("JSON");
    assert!(json.get("bank").is_none());
    // A survey without the bank has none of these fields.
    let plain = Survey::parse(
        r#"{"format": 1, "id": "p", "version": "1", "title": "P", "default_locale": "en",
        "pages": [{"id": "a", "questions": [{"id": "q", "kind": "yes_no", "label": "Q?"}]}]}"#,
    )
    .expect("plain");
    let r = finish(&plain, &Answers::new());
    let json: Value = serde_json::from_str(&r.to_json()).expect("JSON");
    for key in ["bank", "inclusion_consent", "consent_version"] {
        assert!(json.get(key).is_none(), "{key}");
    }
}

#[test]
fn an_age_band_under_18_ends_the_section_unless_guardians_consented() {
    let s = survey();
    let given = answers(&[
        (CONSENT_ID, "yes"),
        ("age_band", "under_18"),
        ("gender", "man"),
    ]);
    let hidden = suara_domain::logic::hidden_questions(&s, &given);
    assert!(!hidden.iter().any(|h| h == "age_band"));
    for id in ["wg_seeing", "gender", "area"] {
        assert!(hidden.iter().any(|h| h == id), "{id} hidden for a minor");
    }
    let age = s.question("age_band").expect("age band");
    let help = age
        .help
        .as_ref()
        .expect("the polite end in the age band's help");
    assert!(help
        .get(&Locale::parse("en").expect("en"), &s.default_locale)
        .contains("under 18"));
    let mut value: Value = serde_json::from_str(&survey_json()).expect("JSON");
    value["minors"] = json!("guardian_consented");
    let s = Survey::parse(&value.to_string()).expect("with guardians");
    assert!(s.guardian_consented);
    assert!(s.question("age_band").expect("age band").help.is_none());
    let hidden = suara_domain::logic::hidden_questions(&s, &given);
    assert!(!hidden.iter().any(|h| h == "gender"));
}

/// The rule read directly: "disability = at least one domain a lot of
/// difficulty or cannot do at all", else none when all six are answered.
fn direct(answers: &[Option<&str>; 6]) -> Option<bool> {
    let mut severe = false;
    let mut all_answered_mild = true;
    for a in answers {
        match a {
            Some("a_lot_of_difficulty") | Some("cannot_do") => severe = true,
            Some("no_difficulty") | Some("some_difficulty") => {}
            _ => all_answered_mild = false,
        }
    }
    if severe {
        Some(true)
    } else if all_answered_mild {
        Some(false)
    } else {
        None
    }
}

#[test]
fn the_disability_indicator_follows_the_rule_over_every_combination_of_answers() {
    const LEVELS: [Option<&str>; 6] = [
        Some("no_difficulty"),
        Some("some_difficulty"),
        Some("a_lot_of_difficulty"),
        Some("cannot_do"),
        None,
        Some("prefer_not_to_say"),
    ];
    let mut checked = 0;
    let mut answered_all = 0;
    // 6^6: the four levels, unanswered, and a code that is none of them.
    for n in 0..6usize.pow(6) {
        let mut combo = [None; 6];
        let mut rest = n;
        for slot in &mut combo {
            *slot = LEVELS[rest % 6];
            rest /= 6;
        }
        assert_eq!(bank::wg_disability(combo), direct(&combo), "{combo:?}");
        checked += 1;
        if combo.iter().all(|a| LEVELS[..4].contains(a)) {
            answered_all += 1;
        }
    }
    assert_eq!(answered_all, 4096, "every one of the 4^6 combinations");
    assert_eq!(checked, 46_656);
}

#[test]
fn the_csv_has_the_consent_columns_and_wg_disability_after_the_six() {
    let s = survey();
    let header = export::csv_header(&s);
    let at = |c: &str| {
        header
            .iter()
            .position(|h| h == c)
            .unwrap_or_else(|| panic!("{c} in {header:?}"))
    };
    assert_eq!(at("consent_version"), at(CONSENT_ID) + 1);
    assert_eq!(at("bank"), at(CONSENT_ID) + 2);
    assert_eq!(at("wg_disability"), at("wg_communicating") + 1);
    let rows = [
        (&[(CONSENT_ID, "yes"), ("wg_seeing", "cannot_do")][..], "1"),
        (
            &[(CONSENT_ID, "yes"), ("wg_seeing", "some_difficulty")][..],
            "",
        ),
        (&[(CONSENT_ID, "no")][..], ""),
    ];
    let mut all: Vec<(&str, &str)> = WG.iter().map(|w| (*w, "no_difficulty")).collect();
    all.push((CONSENT_ID, "yes"));
    let responses: Vec<Response> = rows
        .iter()
        .map(|(a, _)| finish(&s, &answers(a)))
        .chain([finish(&s, &answers(&all))])
        .collect();
    let csv = export::to_csv(&s, &responses, CsvOptions::default());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    let cell = |r: &csv::StringRecord, c: &str| r.get(at(c)).unwrap_or_default().to_owned();
    assert_eq!(cell(&records[0], "wg_disability"), "1");
    assert_eq!(cell(&records[1], "wg_disability"), "");
    assert_eq!(cell(&records[2], "wg_disability"), "");
    assert_eq!(cell(&records[3], "wg_disability"), "0");
    assert_eq!(cell(&records[0], CONSENT_ID), "1");
    assert_eq!(cell(&records[2], CONSENT_ID), "0");
    assert_eq!(cell(&records[0], "consent_version"), "2026.1-consent-1");
    assert_eq!(cell(&records[0], "bank"), "2026.1");
    assert_eq!(cell(&records[2], "bank"), "");
    common::golden(
        &common::data("bank/header.csv"),
        csv.split("\r\n")
            .next()
            .map(|h| format!("{h}\r\n"))
            .unwrap_or_default()
            .as_bytes(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_codebook_has_every_column_in_both_languages_with_bank_item_version_and_derivation() {
    let s = survey();
    let rows = codebook::codebook(&s, MultiColumns::Columns);
    let columns: Vec<&str> = rows.iter().map(|r| r.column.as_str()).collect();
    assert_eq!(columns, export::csv_header(&s));
    let row = |c: &str| rows.iter().find(|r| r.column == c).expect("a row");
    let seeing = row("wg_seeing");
    assert_eq!(
        seeing.labels.get("en"),
        "Do you have difficulty seeing, even if wearing glasses?"
    );
    assert!(seeing
        .labels
        .get("id")
        .starts_with("Apakah Anda mengalami kesulitan melihat"));
    assert_eq!(
        (seeing.bank_item.as_str(), seeing.bank_version.as_str()),
        ("wg_ss", "2026.1")
    );
    assert_eq!(seeing.codes[2].code, "a_lot_of_difficulty");
    assert_eq!(seeing.codes[2].labels.get("en"), "A lot of difficulty");
    assert_eq!(seeing.codes[2].labels.get("id"), "Banyak kesulitan");
    let d = row("wg_disability");
    assert_eq!(d.kind, "derived");
    assert!(d.derivation.contains("a_lot_of_difficulty or cannot_do"));
    assert_eq!(row("gender").bank_item, "gender");
    assert_eq!(row("visited").bank_item, "");
    let csv = codebook::to_csv(&rows, CsvOptions::default());
    let json = codebook::to_json(&s, &rows);
    let failures: Vec<String> = [("bank/codebook.csv", csv), ("bank/codebook.json", json)]
        .into_iter()
        .filter_map(|(p, actual)| common::golden(&common::data(p), actual.as_bytes()).err())
        .collect();
    common::assert_no_failures(failures);
}
