//! Time zones from the browser's own database (`Intl.DateTimeFormat`), for
//! the organiser's CSV: the widget carries no time zone database, and the
//! domain's CSV writer takes a zone as its offset at an instant
//! ([`UtcOffset`]).

use js_sys::{Array, Function, Object, Reflect};
use suara_domain::zone::{self, UtcOffset};
use wasm_bindgen::{JsCast, JsValue};

/// A time zone the browser knows, by its IANA name.
pub struct BrowserZone {
    /// An `Intl.DateTimeFormat` that writes the zone's wall clock in digits.
    format: JsValue,
    /// Its `formatToParts`.
    parts: Function,
}

fn intl() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"Intl".into()).ok()
}

impl BrowserZone {
    /// The zone named `name` (`Asia/Jakarta`, any case), or `None` when the
    /// browser knows no zone of that name.
    pub fn new(name: &str) -> Option<BrowserZone> {
        let ctor: Function = Reflect::get(&intl()?, &"DateTimeFormat".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let options = Object::new();
        for (key, value) in [
            ("timeZone", name),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
            ("second", "numeric"),
        ] {
            Reflect::set(&options, &key.into(), &value.into()).ok()?;
        }
        // An unknown zone is a RangeError, caught here.
        let format =
            Reflect::construct(&ctor, &Array::of2(&"en-US".into(), &options.into())).ok()?;
        let parts = Reflect::get(&format, &"formatToParts".into())
            .ok()?
            .dyn_into()
            .ok()?;
        Some(BrowserZone { format, parts })
    }

    /// The zone's wall clock at `utc` read as UTC, in seconds since 1970.
    fn wall_clock(&self, utc: i64) -> Option<i64> {
        let date = js_sys::Date::new(&JsValue::from_f64(utc as f64 * 1000.0));
        let parts: Array = self
            .parts
            .call1(&self.format, &date)
            .ok()?
            .dyn_into()
            .ok()?;
        let mut field = [0i64; 6];
        for part in parts.iter() {
            let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            let i = match kind.as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                "second" => 5,
                _ => continue,
            };
            let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
            field[i] = value.parse().ok()?;
        }
        // Some engines wrote midnight as 24 before `hourCycle`.
        let hour = field[3] % 24;
        zone::utc_seconds((field[0], field[1], field[2]), hour, field[4], field[5])
    }
}

impl UtcOffset for BrowserZone {
    fn offset_at(&self, utc: i64) -> i32 {
        self.wall_clock(utc)
            .and_then(|local| i32::try_from(local - utc).ok())
            .unwrap_or(0)
    }
}

/// Every zone name the browser knows (`Intl.supportedValuesOf`), and
/// `UTC`, for "did you mean"; only `UTC` where the browser cannot list them.
pub fn names() -> Vec<String> {
    let listed = || -> Option<Vec<String>> {
        let intl = intl()?;
        let list: Function = Reflect::get(&intl, &"supportedValuesOf".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let all: Array = list
            .call1(&intl, &"timeZone".into())
            .ok()?
            .dyn_into()
            .ok()?;
        Some(all.iter().filter_map(|v| v.as_string()).collect())
    };
    let mut names = listed().unwrap_or_default();
    if !names.iter().any(|n| n == "UTC") {
        names.push("UTC".to_owned());
    }
    names
}
