//! The CSV's times in a time zone: the zone's wall clock with its offset,
//! from the rule the caller gives (the domain has no time zone database),
//! across a change of clocks and a change of day; UTC as stored by default.

mod common;

use suara_domain::export::{self, CsvOptions};
use suara_domain::zone::{in_zone, UtcOffset};
use suara_domain::{Response, Survey};

/// Western Indonesian time: UTC+7 all year.
fn jakarta(_: i64) -> i32 {
    7 * 3600
}

/// London in 2026 as the tz database has it: British Summer Time (+01:00)
/// from 29 March 01:00 UTC to 25 October 01:00 UTC, GMT otherwise.
fn london(utc: i64) -> i32 {
    const BST_STARTS: i64 = 1_774_746_000; // 2026-03-29T01:00:00Z
    const BST_ENDS: i64 = 1_792_890_000; // 2026-10-25T01:00:00Z
    if (BST_STARTS..BST_ENDS).contains(&utc) {
        3600
    } else {
        0
    }
}

/// Newfoundland: half an hour off, west of Greenwich.
fn st_johns(_: i64) -> i32 {
    -(3 * 3600 + 1800)
}

fn utc(_: i64) -> i32 {
    0
}

fn check(zone: &dyn UtcOffset, cases: &[(&str, &str)]) {
    for (stored, local) in cases {
        assert_eq!(in_zone(stored, zone).as_deref(), Some(*local), "{stored}");
    }
}

#[test]
fn a_utc_time_reads_as_jakartas_wall_clock_with_its_offset_the_next_day_too() {
    check(
        &jakarta,
        &[
            ("2026-08-17T02:30:00Z", "2026-08-17T09:30:00+07:00"),
            ("2026-08-17T02:30:00.114Z", "2026-08-17T09:30:00.114+07:00"),
            ("2026-08-16T20:00:00Z", "2026-08-17T03:00:00+07:00"),
            ("2026-12-31T17:00:00Z", "2027-01-01T00:00:00+07:00"),
            ("2028-02-28T19:59:59.5Z", "2028-02-29T02:59:59.5+07:00"),
        ],
    );
}

#[test]
fn london_times_take_the_offset_in_force_at_their_instant_across_both_changes() {
    check(
        &london,
        &[
            // Clocks go forward: 01:00 GMT becomes 02:00 BST.
            ("2026-03-29T00:59:59Z", "2026-03-29T00:59:59+00:00"),
            ("2026-03-29T01:00:00Z", "2026-03-29T02:00:00+01:00"),
            // Clocks go back: 01:30 happens twice, told apart by the offset.
            ("2026-10-25T00:30:00Z", "2026-10-25T01:30:00+01:00"),
            ("2026-10-25T01:30:00Z", "2026-10-25T01:30:00+00:00"),
            ("2026-07-01T12:00:00.000Z", "2026-07-01T13:00:00.000+01:00"),
        ],
    );
}

#[test]
fn a_zone_west_of_greenwich_goes_back_a_day_with_a_negative_offset() {
    check(
        &st_johns,
        &[("2026-01-01T02:00:00Z", "2025-12-31T22:30:00-03:30")],
    );
}

#[test]
fn a_time_written_with_an_offset_is_the_same_instant_in_another_zone() {
    check(
        &utc,
        &[
            ("2026-08-17T09:30:00+07:00", "2026-08-17T02:30:00+00:00"),
            ("2025-12-31T22:30:00-03:30", "2026-01-01T02:00:00+00:00"),
        ],
    );
    check(
        &jakarta,
        &[("2026-08-17t09:30:00+07:00", "2026-08-17T09:30:00+07:00")],
    );
}

#[test]
fn a_text_that_is_no_time_of_the_calendar_is_not_rewritten() {
    for text in [
        "",
        "yesterday",
        "2026-08-17",
        "2026-08-17T09:30Z",
        "2026-08-17T09:30:00",
        "2026-08-17 09:30:00Z",
        "2025-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-08-17T24:00:00Z",
        "2026-08-17T09:30:00.Z",
        "2026-08-17T09:30:00+7:00",
        "2026-08-17T09:30:00Z ",
        "٢٠٢٦-08-17T09:30:00Z",
    ] {
        assert_eq!(in_zone(text, &jakarta), None, "{text:?}");
    }
}

fn response(started: &str, submitted: &str) -> Response {
    serde_json::from_value(serde_json::json!({
        "id": "r1", "survey_id": "csv-export", "survey_version": "2", "locale": "id",
        "started_at": started, "submitted_at": submitted, "answers": {}
    }))
    .expect("a response")
}

#[test]
fn the_csv_writes_both_times_in_the_zone_asked_for_and_utc_as_stored_by_default() {
    let survey = Survey::parse(&common::read(&common::data("csv/survey.json"))).unwrap();
    let responses = [
        response("2026-08-17T02:28:10.5Z", "2026-08-17T02:30:00.114Z"),
        // Not a time the widget writes: kept, and neutralised like any text.
        response("", "=1+1"),
    ];
    let options = CsvOptions::default();
    let rows = |csv: String| -> Vec<Vec<String>> {
        csv::Reader::from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().take(5).map(str::to_owned).collect())
            .collect()
    };
    let zoned = export::to_csv_in(&survey, &responses, options, Some(&jakarta));
    assert_eq!(
        rows(zoned.clone()),
        [
            [
                "r1",
                "2026-08-17T09:30:00.114+07:00",
                "id",
                "2",
                "2026-08-17T09:28:10.5+07:00"
            ],
            ["r1", "'=1+1", "id", "2", ""],
        ]
    );
    // The header and every other cell are the same as in UTC.
    let plain = export::to_csv(&survey, &responses, options);
    assert_eq!(plain.lines().next(), zoned.lines().next());
    assert_eq!(
        rows(plain)[0],
        [
            "r1",
            "2026-08-17T02:30:00.114Z",
            "id",
            "2",
            "2026-08-17T02:28:10.5Z"
        ]
    );
    assert_eq!(
        export::to_csv_in(&survey, &responses, options, None),
        export::to_csv(&survey, &responses, options)
    );
}
