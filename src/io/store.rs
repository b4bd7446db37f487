//! Responses kept on the device, in IndexedDB.
//!
//! A write counts as done only when its transaction completes (not when the
//! request succeeds), and asks for strict durability, so "saved" on screen
//! means written to disk. The connection is reopened if the browser closes it.

use std::cell::RefCell;

pub use suara_domain::outbox::Record;
use suara_domain::outbox::Status;
use suara_domain::Response;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "suara";
/// The schema's version. Each version's step in [`open`]'s upgrade runs once,
/// in order, on a device that has an older database; nothing is ever dropped.
/// 1: `responses` (key `id`). 2: `drafts` (key `survey_id`).
const DB_VERSION: u32 = 2;
const RESPONSES: &str = "responses";
const DRAFTS: &str = "drafts";

/// Why storage failed, in words for the person and the operator.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The device is out of space for this site.
    Full,
    /// Storage cannot be used here (private mode, blocked, unsupported).
    Unavailable(String),
    /// Anything else, with the browser's message.
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Full => f.write_str("the device's storage is full"),
            StoreError::Unavailable(why) => write!(f, "storage is not available: {why}"),
            StoreError::Failed(why) => write!(f, "storage failed: {why}"),
        }
    }
}

fn to_error(err: &JsValue) -> StoreError {
    if let Some(e) = err.dyn_ref::<web_sys::DomException>() {
        if e.name() == "QuotaExceededError" {
            return StoreError::Full;
        }
    }
    StoreError::Failed(super::js_message(err))
}

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Resolves when `request` succeeds, with its result. A plain function
/// returning the `JsFuture` (not an `async fn`), so callers share its code.
fn request(request: &IdbRequest) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |ev: web_sys::Event| {
            let req: IdbRequest = ev
                .target()
                .expect("request event has a target")
                .unchecked_into();
            let _ = resolve.call1(&JsValue::NULL, &req.result().unwrap_or(JsValue::UNDEFINED));
        });
        let fail = Closure::once_into_js(move |ev: web_sys::Event| {
            let req: IdbRequest = ev
                .target()
                .expect("request event has a target")
                .unchecked_into();
            let err = req
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &err);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Resolves when `tx` has committed; fails if it errors or aborts.
fn committed(tx: &IdbTransaction) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let fail = {
            let tx = tx.clone();
            Closure::once_into_js(move || {
                let err = tx
                    .error()
                    .map(JsValue::from)
                    .unwrap_or_else(|| JsValue::from_str("the write was aborted"));
                let _ = reject.call1(&JsValue::NULL, &err);
            })
        };
        tx.set_oncomplete(Some(done.unchecked_ref()));
        tx.set_onerror(Some(fail.unchecked_ref()));
        tx.set_onabort(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise)
}

async fn open() -> Result<IdbDatabase, StoreError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| StoreError::Unavailable("this browser offers no IndexedDB here".into()))?;
    let open = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| StoreError::Unavailable(super::js_message(&e)))?;
    // Schema migrations, one step per version, each run once in order. A
    // failing step aborts the upgrade, and the browser keeps the old database.
    let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |ev: web_sys::IdbVersionChangeEvent| {
            let req: IdbRequest = ev
                .target()
                .expect("upgrade event has a target")
                .unchecked_into();
            let Ok(result) = req.result() else { return };
            let db: IdbDatabase = result.unchecked_into();
            let create = |name: &str, key: &str| {
                let params = web_sys::IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str(key));
                let _ = db.create_object_store_with_optional_parameters(name, &params);
            };
            let old = ev.old_version();
            if old < 1.0 {
                create(RESPONSES, "id");
            }
            if old < 2.0 {
                create(DRAFTS, "survey_id");
            }
        },
    );
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db: IdbDatabase = request(&open)
        .await
        .map_err(|e| to_error(&e))?
        .unchecked_into();
    drop(upgrade);
    // Browsers may close the connection (WebKit does on memory pressure):
    // forget it so the next call opens a fresh one.
    let on_close =
        Closure::<dyn FnMut()>::new(|| DB.with(|d| d.borrow_mut().take()).map_or((), drop));
    db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    on_close.forget();
    let on_version = Closure::<dyn FnMut()>::new(|| {
        if let Some(db) = DB.with(|d| d.borrow_mut().take()) {
            db.close();
        }
    });
    db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
    on_version.forget();
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Opens a read-write transaction over both stores with strict durability
/// where the browser supports the option (the three-argument form is not in
/// web-sys' stable API).
fn write_tx(db: &IdbDatabase) -> Result<IdbTransaction, StoreError> {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"durability".into(), &"strict".into());
    let stores = js_sys::Array::of2(&RESPONSES.into(), &DRAFTS.into());
    let f: js_sys::Function = js_sys::Reflect::get(db, &"transaction".into())
        .map_err(|e| to_error(&e))?
        .unchecked_into();
    match f.call3(db, &stores, &"readwrite".into(), &options) {
        Ok(tx) => Ok(tx.unchecked_into()),
        Err(_) => db
            .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
            .map_err(|e| to_error(&e)),
    }
}

/// Runs `write` on the stores of a new read-write transaction and returns
/// once it is committed.
async fn write(
    write: impl FnOnce(&IdbObjectStore, &IdbObjectStore) -> Result<(), JsValue>,
) -> Result<(), StoreError> {
    let db = open().await?;
    let tx = write_tx(&db)?;
    let store = |name| tx.object_store(name).map_err(|e| to_error(&e));
    write(&store(RESPONSES)?, &store(DRAFTS)?).map_err(|e| to_error(&e))?;
    committed(&tx).await.map(drop).map_err(|e| to_error(&e))
}

/// Reads one value by key from `store_name`.
async fn read(store_name: &str, key: &str) -> Result<JsValue, StoreError> {
    let db = open().await?;
    let tx = db
        .transaction_with_str(store_name)
        .map_err(|e| to_error(&e))?;
    let store = tx.object_store(store_name).map_err(|e| to_error(&e))?;
    request(
        &store
            .get(&JsValue::from_str(key))
            .map_err(|e| to_error(&e))?,
    )
    .await
    .map_err(|e| to_error(&e))
}

fn to_js(record: &Record) -> Result<JsValue, StoreError> {
    let obj = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        js_sys::Reflect::set(&obj, &k.into(), &v)
            .map(|_| ())
            .map_err(|e| to_error(&e))
    };
    set("id", record.response.id.as_str().into())?;
    set("survey_id", record.response.survey_id.as_str().into())?;
    if let Some(url) = &record.endpoint {
        set("endpoint", url.as_str().into())?;
    }
    set("status", record.status.as_str().into())?;
    set("attempts", record.attempts.into())?;
    set(
        "last_error",
        record
            .last_error
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from_str),
    )?;
    set("unreachable", record.unreachable.into())?;
    set("next_attempt_at", record.next_attempt_at.into())?;
    set("response", record.response.to_json().into())?;
    Ok(obj.into())
}

fn from_js(value: &JsValue) -> Option<Record> {
    let get = |k: &str| js_sys::Reflect::get(value, &k.into()).ok();
    let json = get("response")?.as_string()?;
    let response = Response::from_value(super::json::parse(&json).ok()?).ok()?;
    Some(Record {
        response,
        endpoint: get("endpoint").and_then(|v| v.as_string()),
        status: Status::parse(
            &get("status")
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
        ),
        attempts: get("attempts").and_then(|v| v.as_f64()).unwrap_or(0.0) as u32,
        last_error: get("last_error").and_then(|v| v.as_string()),
        // Missing in records stored before it was kept: they wait out
        // their backoff (five minutes at most) like any other.
        unreachable: get("unreachable").and_then(|v| v.as_bool()) == Some(true),
        next_attempt_at: get("next_attempt_at")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0),
    })
}

/// Writes (or overwrites) a record; returns once it is committed.
pub async fn put(record: &Record) -> Result<(), StoreError> {
    let value = to_js(record)?;
    write(|responses, _| responses.put(&value).map(drop)).await
}

/// Stores a finished response and removes its draft (kept under
/// `draft_key`) in one transaction: the answers are always in one of the
/// two, never in neither.
pub async fn finish(record: &Record, draft_key: &str) -> Result<(), StoreError> {
    let value = to_js(record)?;
    let draft = JsValue::from_str(draft_key);
    write(|responses, drafts| {
        responses.put(&value)?;
        drafts.delete(&draft).map(drop)
    })
    .await
}

/// The record with this response id, if stored and readable.
pub async fn get(id: &str) -> Result<Option<Record>, StoreError> {
    Ok(from_js(&read(RESPONSES, id).await?))
}

/// Removes the responses with these ids that are done with (sent, or kept
/// only on this device), in one transaction; a response still waiting to be
/// sent or needing attention is never removed. Returns how many went.
pub async fn remove_done(ids: &[String]) -> Result<usize, StoreError> {
    let (records, _) = all().await?;
    let gone: Vec<JsValue> = records
        .iter()
        .filter(|r| r.status.is_done() && ids.contains(&r.response.id))
        .map(|r| JsValue::from_str(&r.response.id))
        .collect();
    write(|responses, _| {
        for id in &gone {
            responses.delete(id)?;
        }
        Ok(())
    })
    .await?;
    Ok(gone.len())
}

/// Keeps the answers given so far (a response not yet submitted: its
/// `submitted_at` is empty) under `key`: one draft per survey and widget
/// (the store's key field is still called `survey_id`; for the page's
/// first widget it is the survey's id).
pub async fn put_draft(key: &str, draft: &Response) -> Result<(), StoreError> {
    let value = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&value, &"survey_id".into(), &key.into());
    let _ = js_sys::Reflect::set(&value, &"response".into(), &draft.to_json().into());
    write(|_, drafts| drafts.put(&value).map(drop)).await
}

/// The draft kept under `key`, if any and readable.
pub async fn get_draft(key: &str) -> Result<Option<Response>, StoreError> {
    let value = read(DRAFTS, key).await?;
    Ok(js_sys::Reflect::get(&value, &"response".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|json| Response::from_value(super::json::parse(&json).ok()?).ok()))
}

/// Forgets the draft kept under `key` (the person chose to start over).
pub async fn delete_draft(key: &str) -> Result<(), StoreError> {
    let key = JsValue::from_str(key);
    write(|_, drafts| drafts.delete(&key).map(drop)).await
}

/// Every stored record, oldest first by submission time.
/// A record that cannot be read is counted in the second value, never dropped
/// silently.
pub async fn all() -> Result<(Vec<Record>, usize), StoreError> {
    let db = open().await?;
    let tx = db
        .transaction_with_str(RESPONSES)
        .map_err(|e| to_error(&e))?;
    let store = tx.object_store(RESPONSES).map_err(|e| to_error(&e))?;
    let values: js_sys::Array = request(&store.get_all().map_err(|e| to_error(&e))?)
        .await
        .map_err(|e| to_error(&e))?
        .unchecked_into();
    let mut unreadable = 0;
    let mut records: Vec<Record> = values
        .iter()
        .filter_map(|v| {
            let r = from_js(&v);
            unreadable += usize::from(r.is_none());
            r
        })
        .collect();
    // Stable like `sort_by` (ties keep their order), but it sorts (key,
    // index) pairs unstably, so the wasm carries no stable sort for this.
    records.sort_by_cached_key(|r| r.response.submitted_at.clone());
    Ok((records, unreadable))
}

/// Whether the browser has promised not to evict this site's storage under
/// pressure; with `ask`, asks for that promise first when it has not been
/// given (Firefox asks the person, so this waits until they have stored a
/// response; Chromium and Safari decide by themselves).
pub async fn persistence(ask: bool) -> bool {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    let answer = |p: Result<js_sys::Promise, JsValue>| async move {
        match p {
            Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()) == Some(true),
            Err(_) => false,
        }
    };
    answer(storage.persisted()).await || (ask && answer(storage.persist()).await)
}
