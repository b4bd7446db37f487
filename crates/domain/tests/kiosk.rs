//! Kiosk mode: its settings (every accepted value and every problem's
//! message, naming the setting), the idle and thank-you timers, the PIN's
//! throttle, and a person's unfinished answers kept as a partial response
//! through the JSON, the CSV and back.

use suara_domain::export::{self, CsvOptions};
use suara_domain::journey::Journey;
use suara_domain::kiosk::{self, Idle, Kiosk, Partial, Problem, Settings};
use suara_domain::{i18n, SchemaError};
use suara_domain::{AnswerValue, Locale, Response, Survey};

/// Settings given as (name, value) pairs.
type Given<'a> = &'a [(&'a str, &'a str)];

fn settings<'a>(pairs: &[(&str, &'a str)]) -> Settings<'a> {
    let mut s = Settings {
        mode: Some("kiosk"),
        ..Settings::default()
    };
    for &(name, value) in pairs {
        let slot = match name {
            "mode" => &mut s.mode,
            "idle" => &mut s.idle,
            "warning" => &mut s.warning,
            "thanks" => &mut s.thanks,
            "partial" => &mut s.partial,
            other => panic!("no kiosk setting {other}"),
        };
        *slot = Some(value);
    }
    s
}

#[test]
fn without_mode_the_widget_is_the_ordinary_one_and_kiosk_settings_are_not_read() {
    let s = Settings {
        idle: Some("nonsense"),
        ..Settings::default()
    };
    assert_eq!(Kiosk::new(s), Ok(None));
}

#[test]
fn mode_is_kiosk_or_nothing_as_the_respondent_and_the_kiosk_read_it() {
    assert_eq!(kiosk::is_kiosk(None), Ok(false));
    assert_eq!(kiosk::is_kiosk(Some("kiosk")), Ok(true));
    for wrong in ["kioks", "Kiosk", "", " kiosk", "kiosk ", "survey"] {
        assert_eq!(
            kiosk::is_kiosk(Some(wrong)),
            Err(Problem::Mode),
            "{wrong:?}"
        );
        let mut s = settings(&[]);
        s.mode = Some(wrong);
        assert_eq!(Kiosk::new(s), Err(vec![Problem::Mode]), "{wrong:?}");
    }
}

#[test]
fn mode_kiosk_alone_takes_the_defaults() {
    let k = Kiosk::new(settings(&[])).unwrap().unwrap();
    assert_eq!(
        k,
        Kiosk {
            idle_secs: 60,
            warning_secs: 30,
            thanks_secs: 10,
            partial: Partial::Discard
        }
    );
}

#[test]
fn accepted_values_at_each_end_of_their_ranges() {
    let cases: &[(Given, Kiosk)] = &[
        (
            &[
                ("idle", "10"),
                ("warning", "20"),
                ("thanks", "3"),
                ("partial", "keep"),
            ],
            Kiosk {
                idle_secs: 10,
                warning_secs: 20,
                thanks_secs: 3,
                partial: Partial::Keep,
            },
        ),
        (
            &[
                ("idle", "3600"),
                ("warning", "3600"),
                ("thanks", "120"),
                ("partial", "discard"),
            ],
            Kiosk {
                idle_secs: 3600,
                warning_secs: 3600,
                thanks_secs: 120,
                partial: Partial::Discard,
            },
        ),
    ];
    for (given, expected) in cases {
        assert_eq!(
            Kiosk::new(settings(given)),
            Ok(Some(*expected)),
            "{given:?}"
        );
    }
}

#[test]
fn every_bad_value_is_reported_naming_its_setting() {
    let seconds = |setting, min, max| Problem::Seconds { setting, min, max };
    let idle = seconds("idle", 10, 3600);
    let warning = seconds("warning", 20, 3600);
    let thanks = seconds("thanks", 3, 120);
    let partial = Problem::Partial;
    let cases: &[(Given, &[Problem])] = &[
        (&[("idle", "9")], &[idle]),
        (&[("idle", "3601")], &[idle]),
        (&[("idle", "2.5")], &[idle]),
        (&[("idle", "-1")], &[idle]),
        (&[("idle", "sixty")], &[idle]),
        (&[("warning", "19")], &[warning]),
        (&[("warning", "3601")], &[warning]),
        (&[("thanks", "2")], &[thanks]),
        (&[("thanks", "121")], &[thanks]),
        (&[("partial", "yes")], &[partial]),
        (&[("partial", "Keep")], &[partial]),
        // Every problem at once, in the settings' order.
        (
            &[
                ("idle", "1"),
                ("warning", "1"),
                ("thanks", "1"),
                ("partial", "x"),
            ],
            &[idle, warning, thanks, partial],
        ),
        (&[("mode", "kioks")], &[Problem::Mode]),
    ];
    for (given, expected) in cases {
        assert_eq!(
            Kiosk::new(settings(given)),
            Err(expected.to_vec()),
            "{given:?}"
        );
    }
}

#[test]
fn each_problem_is_worded_naming_its_setting_in_english_and_indonesian() {
    let lines = |given: Given, lang: &str| -> Vec<String> {
        let problems = Kiosk::new(settings(given)).unwrap_err();
        let errors: Vec<SchemaError> = problems.into_iter().map(SchemaError::kiosk).collect();
        i18n::problem_lines(&Locale::parse(lang).unwrap(), &errors)
    };
    let all: Given = &[
        ("idle", "1"),
        ("warning", "1"),
        ("thanks", "1"),
        ("partial", "x"),
    ];
    assert_eq!(
        lines(all, "en"),
        [
            "idle: must be a whole number of seconds from 10 to 3600",
            "warning: must be a whole number of seconds from 20 to 3600 (WCAG 2.2.1 asks for at least 20)",
            "thanks: must be a whole number of seconds from 3 to 120",
            "partial: must be discard or keep",
        ]
    );
    assert_eq!(
        lines(all, "id"),
        [
            "idle: harus bilangan bulat detik dari 10 sampai 3600",
            "warning: harus bilangan bulat detik dari 20 sampai 3600 (WCAG 2.2.1 meminta paling sedikit 20)",
            "thanks: harus bilangan bulat detik dari 3 sampai 120",
            "partial: harus discard atau keep",
        ]
    );
    assert_eq!(
        lines(&[("mode", "kioks")], "en"),
        ["mode: must be kiosk (or left out)"]
    );
    assert_eq!(
        lines(&[("mode", "kioks")], "id"),
        ["mode: harus kiosk (atau tidak diisi)"]
    );
}

#[test]
fn the_idle_timer_warns_after_idle_and_resets_after_warning_more() {
    let k = Kiosk::new(settings(&[("idle", "10"), ("warning", "20")]))
        .unwrap()
        .unwrap();
    let at = |s| k.idle(s);
    assert_eq!(at(0), Idle::Active);
    assert_eq!(at(9), Idle::Active);
    assert_eq!(at(10), Idle::Warning(20));
    assert_eq!(at(29), Idle::Warning(1));
    assert_eq!(at(30), Idle::Reset);
    assert_eq!(at(10_000), Idle::Reset);
}

#[test]
fn the_thank_you_counts_down_to_zero_and_stays_there() {
    let k = Kiosk::default();
    assert_eq!(k.thanks_left(0), 10);
    assert_eq!(k.thanks_left(9), 1);
    assert_eq!(k.thanks_left(10), 0);
    assert_eq!(k.thanks_left(99), 0);
}

#[test]
fn five_wrong_pins_are_free_then_the_wait_doubles_up_to_an_hour() {
    let waits: Vec<u32> = (0..16).map(kiosk::pin_wait_secs).collect();
    assert_eq!(
        waits,
        [0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]
    );
}

#[test]
fn a_pin_is_four_to_twelve_digits() {
    for ok in ["1234", "000000", "123456789012"] {
        assert!(kiosk::pin_allowed(ok), "{ok}");
    }
    for bad in ["", "123", "1234567890123", "12a4", "12 34", "１２３４"] {
        assert!(!kiosk::pin_allowed(bad), "{bad}");
    }
}

fn survey() -> Survey {
    Survey::parse(
        r#"{"format": 1, "id": "fest", "version": "2", "title": {"en": "T"},
            "default_locale": "en", "locales": ["en", "id"],
            "pages": [{"id": "p1", "questions": [
              {"id": "name", "kind": "short_text", "label": {"en": "Name"}, "max_length": 5},
              {"id": "stars", "kind": "rating", "label": {"en": "Stars"}, "required": true},
              {"id": "why", "kind": "long_text", "label": {"en": "Why"}}
            ]}]}"#,
    )
    .unwrap_or_else(|e| panic!("test survey: {e:?}"))
}

#[test]
fn an_unfinished_person_is_kept_partial_with_only_valid_answers() {
    let s = survey();
    let mut j = Journey::new("id-1".into(), Locale::parse("id").unwrap());
    j.answer(
        "why",
        Some(AnswerValue::Text("Ramai".into())),
        "2026-08-17T10:00:00Z",
    );
    // Over its limit: not a valid answer, so not kept.
    j.answer(
        "name",
        Some(AnswerValue::Text("Too long".into())),
        "2026-08-17T10:00:05Z",
    );
    let r = j
        .unfinished(&s, "2026-08-17T10:02:00Z")
        .expect("an answer to keep");
    assert!(r.partial);
    assert_eq!(r.id, "id-1");
    assert_eq!(r.locale, "id");
    assert_eq!(r.started_at, "2026-08-17T10:00:00Z");
    assert_eq!(r.submitted_at, "2026-08-17T10:02:00Z");
    assert_eq!(r.answers.keys().collect::<Vec<_>>(), ["why"]);
    // The required `stars` is missing: a partial response need not have it.
    let json = r.to_json();
    assert!(
        json.ends_with(r#""answers":{"why":"Ramai"},"partial":true}"#),
        "{json}"
    );
    assert_eq!(Response::from_json(&json), Ok(r));
}

#[test]
fn a_person_who_answered_nothing_leaves_nothing_to_keep() {
    let s = survey();
    let j = Journey::new("id-2".into(), Locale::parse("en").unwrap());
    assert_eq!(j.unfinished(&s, "2026-08-17T10:02:00Z"), None);
}

#[test]
fn a_finished_response_has_no_partial_field_and_partial_must_be_a_boolean() {
    let s = survey();
    let mut j = Journey::new("id-3".into(), Locale::parse("en").unwrap());
    j.answer(
        "stars",
        Some(AnswerValue::Number(4.into())),
        "2026-08-17T10:00:00Z",
    );
    let r = j.submit(&s, "2026-08-17T10:01:00Z").expect("complete");
    assert!(!r.partial);
    assert!(!r.to_json().contains("partial"));
    let with = |v: &str| r.to_json().replace("}}", &format!("}},\"partial\":{v}}}"));
    assert!(!Response::from_json(&with("false")).unwrap().partial);
    assert_eq!(
        Response::from_json(&with("\"yes\"")),
        Err("`partial` must be a boolean, found a string".into())
    );
}

#[test]
fn the_csv_marks_partial_responses_in_the_column_after_started_at() {
    let s = survey();
    let mut done = Journey::new("a".into(), Locale::parse("en").unwrap());
    done.answer(
        "stars",
        Some(AnswerValue::Number(5.into())),
        "2026-08-17T10:00:00Z",
    );
    let done = done.submit(&s, "2026-08-17T10:01:00Z").unwrap();
    let mut left = Journey::new("b".into(), Locale::parse("id").unwrap());
    left.answer(
        "why",
        Some(AnswerValue::Text("x".into())),
        "2026-08-17T10:03:00Z",
    );
    let left = left.unfinished(&s, "2026-08-17T10:04:00Z").unwrap();
    let csv = export::to_csv(&s, &[done, left], CsvOptions::default());
    assert_eq!(
        csv,
        "id,submitted_at,locale,survey_version,started_at,partial,name,stars,why\r\n\
         a,2026-08-17T10:01:00Z,en,2,2026-08-17T10:00:00Z,0,,5,\r\n\
         b,2026-08-17T10:04:00Z,id,2,2026-08-17T10:03:00Z,1,,,x\r\n"
    );
}

#[test]
fn every_kiosk_message_is_worded_in_each_of_the_widgets_languages() {
    use suara_domain::i18n::{kiosk_text, KioskMsg::*};
    let all = [
        ChooseLanguage,
        StillThere,
        ResetIn(7),
        MoreTime,
        NextIn(7),
        Done,
        ChoosePin,
        ChoosePinIntro,
        PinLabel,
        PinAgain,
        PinRule,
        PinMismatch,
        SavePin,
        EnterPin,
        Open,
        Cancel,
        WrongPin,
        PinWait(30),
        PanelHeading,
        Today(3),
        ChangePin,
        LeaveKiosk,
        BackToKiosk,
    ];
    let en = Locale::parse("en").unwrap();
    for lang in ["id", "ar"] {
        let l = Locale::parse(lang).unwrap();
        for m in &all {
            let (ours, english) = (kiosk_text(&l, m), kiosk_text(&en, m));
            assert!(
                !ours.is_empty() && ours != english,
                "{lang}: {m:?} is not translated"
            );
        }
    }
    // Counts are in the words, in every language.
    for lang in ["en", "id", "ar"] {
        let l = Locale::parse(lang).unwrap();
        assert!(kiosk_text(&l, &ResetIn(17)).contains("17"), "{lang}");
        assert!(kiosk_text(&l, &PinWait(60)).contains("60"), "{lang}");
    }
    // A language the widget does not speak gets English.
    let jv = Locale::parse("jv").unwrap();
    assert_eq!(kiosk_text(&jv, &MoreTime), "I need more time");
}

#[test]
fn the_organisers_page_words_forgetting_the_kiosk_pin_in_each_language() {
    use suara_domain::i18n::{organiser_text, OrganiserMsg::*};
    let en = Locale::parse("en").unwrap();
    for lang in ["id", "ar"] {
        let l = Locale::parse(lang).unwrap();
        for m in [ForgetPin, ConfirmForgetPin, PinForgotten] {
            let ours = organiser_text(&l, &m);
            assert!(
                !ours.is_empty() && ours != organiser_text(&en, &m),
                "{lang}: {m:?}"
            );
        }
    }
}
