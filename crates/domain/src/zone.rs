//! Times in a named time zone, for people reading a CSV: a response's UTC
//! timestamp (`2026-08-17T02:30:00.114Z`) written as the zone's wall clock
//! with its offset (`2026-08-17T09:30:00.114+07:00`), so the text is never
//! ambiguous, even in the hour a clock goes back.
//!
//! The zone's rules are not here: the domain knows no time zone database.
//! They come in as a [`UtcOffset`], which says a zone's offset at an
//! instant: `suara` reads IANA's database, the organiser's page asks the
//! browser (`Intl.DateTimeFormat`). This module only does the calendar.

use crate::text::closest;

/// A time zone's rule: its offset from UTC at any instant.
pub trait UtcOffset {
    /// The offset from UTC, in seconds east of Greenwich (`25200` for
    /// `+07:00`), in force at `utc`, in seconds since 1970-01-01T00:00:00Z.
    fn offset_at(&self, utc: i64) -> i32;
}

impl<F: Fn(i64) -> i32> UtcOffset for F {
    fn offset_at(&self, utc: i64) -> i32 {
        self(utc)
    }
}

/// `timestamp` (RFC 3339: `YYYY-MM-DDTHH:MM:SS`, an optional fraction of a
/// second, then `Z` or an offset) written as the wall clock of `zone` at
/// the same instant, with the zone's offset. The fraction is kept as it was
/// written. The offset is whole minutes, as RFC 3339 writes it (a zone's
/// seconds, which only its 19th-century local mean time had, are left
/// out, and the wall clock with them). `None` when `timestamp` is not in
/// that form or is no day of the calendar: the caller keeps the text as it
/// was.
pub fn in_zone(timestamp: &str, zone: &dyn UtcOffset) -> Option<String> {
    let (utc, fraction) = parse(timestamp)?;
    let offset = i64::from(zone.offset_at(utc)) / 60;
    let local = utc + offset * 60;
    let days = local.div_euclid(DAY);
    let second = local.rem_euclid(DAY);
    let (year, month, day) = civil(days);
    if !(0..=9999).contains(&year) {
        return None;
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}{fraction}{sign}{:02}:{:02}",
        second / 3600,
        second / 60 % 60,
        second % 60,
        offset / 60,
        offset % 60,
    ))
}

/// The zone a mistyped `name` most likely meant, among `names` (IANA
/// names such as `Asia/Jakarta`), for "did you mean": the zone whose last
/// part is `name` (`jakarta`, `new york`), else the closest in spelling
/// ([`closest`], case ignored). `None` when `name` is one of them.
pub fn suggest<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    let wanted = name.trim().replace(' ', "_").to_ascii_lowercase();
    if names.iter().any(|n| n.eq_ignore_ascii_case(&wanted)) {
        return None;
    }
    let last = |n: &str| n.rsplit('/').next().unwrap_or(n).to_ascii_lowercase();
    if let Some(n) = names.iter().find(|n| last(n) == wanted) {
        return Some(n);
    }
    let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    let refs: Vec<&str> = lower.iter().map(String::as_str).collect();
    let best = closest(&wanted, &refs)?;
    let i = refs.iter().position(|n| *n == best)?;
    Some(names[i])
}

/// Seconds since 1970-01-01T00:00:00Z at which a UTC clock shows this
/// date and time, if it is one of the calendar (years 0 to 9999). A zone's
/// offset at an instant is its wall clock then, read as UTC, less the
/// instant: how the organiser's page reads the browser's zones.
pub fn utc_seconds(date: (i64, i64, i64), hour: i64, minute: i64, second: i64) -> Option<i64> {
    let (year, month, day) = date;
    if !(0..24).contains(&hour) || !(0..60).contains(&minute) || !(0..60).contains(&second) {
        return None;
    }
    Some(days_since_epoch(year, month, day)? * DAY + hour * 3600 + minute * 60 + second)
}

const DAY: i64 = 86_400;

/// The instant of an RFC 3339 timestamp, in seconds since the epoch, and
/// its fraction of a second as written (`.114`, or empty).
fn parse(t: &str) -> Option<(i64, &str)> {
    let b = t.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let s = t.get(from..from + len)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let at = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    // 60 is a leap second: counted as the next minute's first second.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_since_epoch(year, month, day)?;
    let mut i = 19;
    if at(i, b".") {
        i += 1;
        while at(i, b"0123456789") {
            i += 1;
        }
        if i == 20 {
            return None;
        }
    }
    let fraction = &t[19..i];
    let offset = match &t[i..] {
        "Z" | "z" => 0,
        rest if rest.len() == 6 && at(i, b"+-") && at(i + 3, b":") => {
            let (h, m) = (digits(i + 1, 2)?, digits(i + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = h * 60 + m;
            if at(i, b"-") {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let local = days * DAY + hour * 3600 + minute * 60 + second;
    Some((local - offset * 60, fraction))
}

/// Days in the months of a common year, January first.
const MONTH_DAYS: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn month_days(year: i64, month: i64) -> i64 {
    MONTH_DAYS[(month - 1) as usize] + i64::from(month == 2 && is_leap(year))
}

/// Days from 1 January of year 0 (proleptic Gregorian) to 1 January of `year`.
fn days_before_year(year: i64) -> i64 {
    // Leap years among years 0 to year - 1 (year 0 is one).
    let y = year - 1;
    let leaps = if year <= 0 {
        0
    } else {
        y / 4 - y / 100 + y / 400 + 1
    };
    365 * year + leaps
}

/// The day `year-month-day` as days since 1970-01-01, if it is a day of
/// the calendar (years 0 to 9999).
fn days_since_epoch(year: i64, month: i64, day: i64) -> Option<i64> {
    if !(0..=9999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if day < 1 || day > month_days(year, month) {
        return None;
    }
    let before_month: i64 = (1..month).map(|m| month_days(year, m)).sum();
    Some(days_before_year(year) + before_month + day - 1 - days_before_year(1970))
}

/// The calendar day `days` after 1970-01-01 (before it when negative).
fn civil(days: i64) -> (i64, i64, i64) {
    let from_zero = days + days_before_year(1970);
    // A first guess at the year, then corrected by whole years.
    let mut year = from_zero * 400 / 146_097;
    while days_before_year(year) > from_zero {
        year -= 1;
    }
    while days_before_year(year + 1) <= from_zero {
        year += 1;
    }
    let mut rest = from_zero - days_before_year(year);
    let mut month = 1;
    while rest >= month_days(year, month) {
        rest -= month_days(year, month);
        month += 1;
    }
    (year, month, rest + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_or_partial_zone_name_suggests_the_zone_meant() {
        let names = [
            "Africa/Abidjan",
            "America/New_York",
            "Asia/Jakarta",
            "Asia/Jayapura",
            "Asia/Makassar",
            "Europe/London",
            "UTC",
        ];
        let cases = [
            ("Asia/Jakrta", Some("Asia/Jakarta")),
            ("asia/jakarta", None),
            ("Jakarta", Some("Asia/Jakarta")),
            ("new york", Some("America/New_York")),
            ("Europe/Londn", Some("Europe/London")),
            ("Asia/Makasar", Some("Asia/Makassar")),
            ("WIB", None),
            ("Mars/Olympus", None),
        ];
        for (name, meant) in cases {
            assert_eq!(suggest(name, &names), meant, "{name}");
        }
    }

    #[test]
    fn every_day_from_1899_to_2101_and_at_the_calendars_ends_reads_back_as_itself() {
        let first = days_since_epoch(1899, 1, 1).unwrap();
        let last = days_since_epoch(2101, 12, 31).unwrap();
        let ends = days_since_epoch(0, 1, 1).unwrap()..days_since_epoch(0, 12, 31).unwrap();
        let top = days_since_epoch(9999, 1, 1).unwrap()..days_since_epoch(9999, 12, 31).unwrap();
        for d in (first..=last).chain(ends).chain(top) {
            let (y, m, day) = civil(d);
            assert_eq!(days_since_epoch(y, m, day), Some(d), "{y}-{m}-{day}");
        }
        assert_eq!(days_since_epoch(1970, 1, 1), Some(0));
        assert_eq!(days_since_epoch(1969, 12, 31), Some(-1));
        assert_eq!(days_since_epoch(2000, 3, 1), Some(11_017));
        assert_eq!(days_since_epoch(2026, 8, 17), Some(20_682));
        assert_eq!(days_since_epoch(2025, 2, 29), None);
        assert_eq!(
            days_since_epoch(2024, 2, 29).map(civil),
            Some((2024, 2, 29))
        );
    }
}
