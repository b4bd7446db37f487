//! Kiosk mode's settings: one tablet for many people at an event.
//!
//! The page gives them as text (`mode`, `idle`, `warning`, `thanks`,
//! `partial`, from the mount element or the link, like the other settings);
//! [`Kiosk::new`] checks them all and returns every problem, each naming
//! its setting. The times are whole seconds; the widget's clock counts them.

/// Seconds without a touch or key before "Are you still there?", when
/// `idle` is not set.
pub const DEFAULT_IDLE_SECS: u32 = 60;
/// Seconds the dialog waits for an answer before the reset, when `warning`
/// is not set.
pub const DEFAULT_WARNING_SECS: u32 = 30;
/// Seconds the thank-you shows, when `thanks` is not set.
pub const DEFAULT_THANKS_SECS: u32 = 10;
/// The shortest `warning`: WCAG 2.2.1 (Timing Adjustable) asks for at least
/// 20 seconds to answer a warning that time is running out.
pub const MIN_WARNING_SECS: u32 = 20;

/// Kiosk mode's settings as the page gave them: `None` when absent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settings<'a> {
    /// `mode`: `kiosk` turns kiosk mode on.
    pub mode: Option<&'a str>,
    /// `idle`: seconds.
    pub idle: Option<&'a str>,
    /// `warning`: seconds.
    pub warning: Option<&'a str>,
    /// `thanks`: seconds.
    pub thanks: Option<&'a str>,
    /// `partial`: `discard` or `keep`.
    pub partial: Option<&'a str>,
}

/// What a reset does with an unfinished person's answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Partial {
    /// They are dropped with the person (the default).
    #[default]
    Discard,
    /// They are stored and sent as a response marked `"partial": true`.
    Keep,
}

/// What is wrong with one kiosk setting ([`Problem::setting`] names it);
/// worded for the survey's author with the other settings' problems
/// (`SettingProblem::Kiosk`, `i18n::problem_line`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// `mode`: anything but `kiosk`.
    Mode,
    /// `idle`, `warning` or `thanks`: no whole number of seconds from `min`
    /// to `max`.
    Seconds {
        setting: &'static str,
        min: u32,
        max: u32,
    },
    /// `partial`: neither `discard` nor `keep`.
    Partial,
}

impl Problem {
    /// The setting's name.
    pub fn setting(&self) -> &'static str {
        match self {
            Problem::Mode => "mode",
            Problem::Seconds { setting, .. } => setting,
            Problem::Partial => "partial",
        }
    }
}

/// Reads `mode`: `Ok(false)` without it (the ordinary widget), `Ok(true)`
/// for `kiosk`, its only value, and [`Problem::Mode`] for anything else.
/// The respondent's widget reads `mode` by this rule too, so a misspelt one
/// stops it as it stops the kiosk's page.
pub fn is_kiosk(mode: Option<&str>) -> Result<bool, Problem> {
    match mode {
        None => Ok(false),
        Some("kiosk") => Ok(true),
        Some(_) => Err(Problem::Mode),
    }
}

/// Checked kiosk settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kiosk {
    /// Seconds without a touch or key before "Are you still there?".
    pub idle_secs: u32,
    /// Seconds the dialog waits before the reset.
    pub warning_secs: u32,
    /// Seconds the thank-you shows before the next person's start screen.
    pub thanks_secs: u32,
    /// What a reset does with unfinished answers.
    pub partial: Partial,
}

impl Default for Kiosk {
    fn default() -> Kiosk {
        Kiosk {
            idle_secs: DEFAULT_IDLE_SECS,
            warning_secs: DEFAULT_WARNING_SECS,
            thanks_secs: DEFAULT_THANKS_SECS,
            partial: Partial::Discard,
        }
    }
}

impl Kiosk {
    /// Checks the settings: `Ok(None)` without `mode` (the ordinary widget;
    /// the other kiosk settings are then not read), `Ok(Some(_))` for
    /// `mode=kiosk`, else every problem, each naming its setting.
    pub fn new(settings: Settings) -> Result<Option<Kiosk>, Vec<Problem>> {
        if !is_kiosk(settings.mode).map_err(|p| vec![p])? {
            return Ok(None);
        }
        let mut problems = Vec::new();
        let mut seconds =
            |value: Option<&str>, default: u32, (min, max): (u32, u32), setting: &'static str| {
                match value.map(str::parse::<u32>) {
                    None => default,
                    Some(Ok(n)) if (min..=max).contains(&n) => n,
                    Some(_) => {
                        problems.push(Problem::Seconds { setting, min, max });
                        default
                    }
                }
            };
        let idle_secs = seconds(settings.idle, DEFAULT_IDLE_SECS, (10, 3600), "idle");
        let warning_secs = seconds(
            settings.warning,
            DEFAULT_WARNING_SECS,
            (MIN_WARNING_SECS, 3600),
            "warning",
        );
        let thanks_secs = seconds(settings.thanks, DEFAULT_THANKS_SECS, (3, 120), "thanks");
        let partial = match settings.partial {
            None | Some("discard") => Partial::Discard,
            Some("keep") => Partial::Keep,
            Some(_) => {
                problems.push(Problem::Partial);
                Partial::Discard
            }
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Some(Kiosk {
            idle_secs,
            warning_secs,
            thanks_secs,
            partial,
        }))
    }
}

/// Where the idle timer stands, `secs` seconds after the last touch or key
/// (or the last "I need more time").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    /// The person is there: nothing shows.
    Active,
    /// "Are you still there?" shows, with this many seconds left.
    Warning(u32),
    /// No answer: the person is gone, and the kiosk resets.
    Reset,
}

impl Kiosk {
    /// Where the idle timer stands `secs` seconds after the last activity.
    pub fn idle(&self, secs: u64) -> Idle {
        let idle = u64::from(self.idle_secs);
        let end = idle + u64::from(self.warning_secs);
        if secs < idle {
            Idle::Active
        } else if secs < end {
            Idle::Warning((end - secs) as u32)
        } else {
            Idle::Reset
        }
    }

    /// Seconds left of the thank-you `secs` seconds after it showed; at 0
    /// the next person's start screen shows.
    pub fn thanks_left(&self, secs: u64) -> u32 {
        u64::from(self.thanks_secs).saturating_sub(secs) as u32
    }
}

/// How long a PIN entry must wait after `failures` wrong PINs in a row, in
/// seconds: nothing for the first five, then 30 seconds doubling with each
/// further wrong one, up to an hour.
pub fn pin_wait_secs(failures: u32) -> u32 {
    const FREE: u32 = 5;
    if failures < FREE {
        return 0;
    }
    let doublings = (failures - FREE).min(7);
    (30u32 << doublings).min(3600)
}

/// Whether `pin` is a PIN one may choose: 4 to 12 digits.
pub fn pin_allowed(pin: &str) -> bool {
    (4..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}
