//! Durable before acknowledged: `suara collect` killed with SIGKILL in the
//! middle of a stream of POSTs, and started again on the same database,
//! still holds every response it answered 201 for.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use suara_cli::store::Store;
use support::{data, engines, fresh_db, id, response};

/// Starts the collector binary on a free loopback port; returns it and its base URL.
fn spawn(db: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_suara"))
        .args(["collect", "--survey", &data("festival.json"), "--db", db])
        .args(["--listen", "127.0.0.1:0", "--quiet"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("suara collect starts");
    let stderr = child.stderr.take().expect("its standard error");
    let mut lines = BufReader::new(stderr).lines();
    let base = loop {
        let line = lines
            .next()
            .expect("suara collect said where it listens")
            .expect("a line");
        if let Some(rest) = line.split("listening on ").nth(1) {
            let url = rest.split_whitespace().next().expect("a URL");
            break url.trim_end_matches("/responses").to_owned();
        }
    };
    // Keep reading, so the collector never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, base)
}

/// Senders and how many acknowledgements to wait for before the kill.
const SENDERS: usize = 4;
const ACKS_BEFORE_KILL: usize = 200;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_collector_killed_mid_stream_keeps_every_response_it_acknowledged() {
    for engine in engines() {
        let db = fresh_db(engine).await;
        let (mut child, base) = spawn(&db.url);
        let acked: Arc<Mutex<Vec<String>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let mut senders = Vec::new();
        for s in 0..SENDERS {
            let (base, acked, stop) = (base.clone(), acked.clone(), stop.clone());
            senders.push(tokio::spawn(async move {
                let client = reqwest::Client::new();
                let mut n = s;
                while !stop.load(Ordering::SeqCst) {
                    let reply = client
                        .post(format!("{base}/responses"))
                        .json(&response(&id(n), 4))
                        .send()
                        .await;
                    match reply {
                        Ok(r) if r.status() == 201 => acked.lock().unwrap().push(id(n)),
                        Ok(r) => panic!("{engine}: unexpected {}", r.status()),
                        // The collector is gone: what was not acknowledged may be lost.
                        Err(_) => break,
                    }
                    n += SENDERS;
                }
            }));
        }
        while acked.lock().unwrap().len() < ACKS_BEFORE_KILL {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("the collector is gone");
        stop.store(true, Ordering::SeqCst);
        for s in senders {
            s.await.expect("a sender");
        }
        let acked = acked.lock().unwrap().clone();
        assert!(acked.len() >= ACKS_BEFORE_KILL);

        // Started again on the same database: every acknowledged id is there,
        // and sending one again is a replay.
        let (mut again, base) = spawn(&db.url);
        let store = Store::open(&db.url).await.expect("the store opens");
        let stored: std::collections::HashSet<String> = store
            .all()
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        let lost: Vec<&String> = acked.iter().filter(|i| !stored.contains(*i)).collect();
        assert!(lost.is_empty(), "{engine}: acknowledged but lost: {lost:?}");
        let replay = reqwest::Client::new()
            .post(format!("{base}/responses"))
            .json(&response(&acked[0], 4))
            .send()
            .await
            .unwrap();
        assert_eq!(replay.status(), 200, "{engine}");
        store.close().await;
        again.kill().expect("stopping the collector");
        again.wait().expect("stopped");
        eprintln!(
            "{engine}: {} acknowledged before SIGKILL, all kept",
            acked.len()
        );
    }
}
