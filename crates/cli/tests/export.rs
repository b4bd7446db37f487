//! `suara export` and `suara csv` on a collector's database: what the
//! collector holds comes out in the widget's export format (conflicts kept
//! under `conflicts`, exit code 2), and as the same CSV as from files.

mod support;

use std::process::Command;

use serde_json::Value;
use suara_cli::store::{Store, Stored};
use suara_domain::Response;
use support::{data, engines, fresh_db, id, response};

fn suara(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_suara"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1786000000")
        .output()
        .expect("suara runs")
}

#[tokio::test]
async fn export_writes_what_the_collector_holds_with_its_conflicts_and_exits_2() {
    for engine in engines() {
        let db = fresh_db(engine).await;
        let store = Store::open(&db.url).await.expect("the store opens");
        let put = |v: Value| {
            let store = store.clone();
            async move {
                let r = Response::from_value(v).expect("a response");
                store
                    .put(&r, "2026-08-17T12:00:00.000Z")
                    .await
                    .expect("stored")
            }
        };
        assert_eq!(put(response(&id(2), 5)).await, Stored::New);
        assert_eq!(put(response(&id(1), 4)).await, Stored::New);
        assert_eq!(put(response(&id(1), 1)).await, Stored::Conflict);
        let mut other = response(&id(3), 3);
        other["survey_id"] = Value::String("market".into());
        assert_eq!(put(other).await, Stored::New);
        store.close().await;

        let dir = tempfile::tempdir().expect("a folder");
        let out = dir.path().join("out.json");
        let run = suara(&[
            "export",
            "--db",
            &db.url,
            "--survey",
            &data("festival.json"),
            "-o",
            &out.display().to_string(),
        ]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{engine}: {err}");
        assert!(
            err.contains("1 response to other surveys not exported"),
            "{err}"
        );
        let doc: Value = serde_json::from_slice(&std::fs::read(&out).expect("out.json")).unwrap();
        assert_eq!(doc["format"], 1);
        assert_eq!(doc["survey_id"], "festival");
        let ids: Vec<&str> = doc["responses"]
            .as_array()
            .expect("responses")
            .iter()
            .map(|r| r["id"].as_str().expect("an id"))
            .collect();
        assert_eq!(
            ids,
            [id(2)],
            "{engine}: the conflicting id is only under conflicts"
        );
        let conflict = &doc["conflicts"][0];
        assert_eq!(conflict["id"], id(1));
        let stars: Vec<i64> = conflict["responses"]
            .as_array()
            .expect("both versions")
            .iter()
            .map(|r| r["answers"]["stars"].as_i64().expect("stars"))
            .collect();
        assert_eq!(
            stars,
            [4, 1],
            "{engine}: the stored body first, then the conflicting one"
        );

        // The export file and the database give the same CSV.
        let from_db = dir.path().join("db.csv");
        let from_file = dir.path().join("file.csv");
        let survey = data("festival.json");
        let a = suara(&[
            "csv",
            "--survey",
            &survey,
            &db.url,
            "-o",
            &from_db.display().to_string(),
        ]);
        let b = suara(&[
            "csv",
            "--survey",
            &survey,
            &out.display().to_string(),
            "-o",
            &from_file.display().to_string(),
        ]);
        assert_eq!(
            (a.status.code(), b.status.code()),
            (Some(2), Some(2)),
            "{engine}"
        );
        // A collector may hold several surveys: `csv` takes the one asked for.
        assert!(
            String::from_utf8_lossy(&a.stderr).contains("1 response to other surveys left out"),
            "{}",
            String::from_utf8_lossy(&a.stderr)
        );
        assert_eq!(
            std::fs::read(&from_db).expect("db.csv"),
            std::fs::read(&from_file).expect("file.csv"),
            "{engine}"
        );
    }
}
