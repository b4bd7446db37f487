//! The outbox's rules: what a reply from an endpoint means for a stored
//! response, when to try again, which responses a flush sends, and what
//! the operator is told. Time and randomness come in as arguments. Nothing
//! here ever deletes a response.

use crate::response::Response;

/// Where a stored response stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Kept on this device only: no endpoint is configured.
    Local,
    /// Waiting to be sent, or to be tried again.
    Pending,
    /// Waiting: the endpoint refused the credentials (401, 403), so sending
    /// stops until the operator presses "send now" (or, later, a slow retry).
    Paused,
    /// The endpoint accepted it. Kept until the operator clears it after an export.
    Sent,
    /// The endpoint refused it in a way retrying will not fix; an operator must look.
    NeedsAttention,
}

impl Status {
    /// The name stored with the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Local => "local",
            Status::Pending => "pending",
            Status::Paused => "paused",
            Status::Sent => "sent",
            Status::NeedsAttention => "needs_attention",
        }
    }

    /// Reads a stored name; an unknown one counts as pending, so it is tried
    /// again rather than forgotten.
    pub fn parse(s: &str) -> Status {
        match s {
            "local" => Status::Local,
            "sent" => Status::Sent,
            "paused" => Status::Paused,
            "needs_attention" => Status::NeedsAttention,
            _ => Status::Pending,
        }
    }
}

/// Why an attempt to send failed, as a type: what happens next is decided
/// from this, never from the words shown to the operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No connection to the endpoint, with the browser's words.
    Network(String),
    /// No answer within the endpoint's time limit, in seconds.
    Timeout(u32),
    /// The endpoint answered with this HTTP status.
    Http(u16),
    /// A 2xx whose body is an HTML page: a captive portal (a venue's Wi-Fi
    /// login page) or a wrong address, not the endpoint.
    HtmlPage(u16),
}

impl Failure {
    /// Whether the endpoint was not reached at all (rather than answering
    /// with an error): such responses go out at once when it is reached
    /// again, whatever their backoff.
    pub fn unreachable(&self) -> bool {
        matches!(self, Failure::Network(_) | Failure::Timeout(_))
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Network(why) => write!(f, "network error: {why}"),
            Failure::Timeout(secs) => write!(f, "no answer within {secs} s"),
            Failure::Http(status @ (401 | 403)) => {
                write!(f, "HTTP {status}: the endpoint refused the credentials")
            }
            Failure::Http(status @ (408 | 425 | 429 | 500..=599)) => write!(f, "HTTP {status}"),
            Failure::Http(status) => write!(f, "HTTP {status}: the endpoint refused the response"),
            Failure::HtmlPage(status) => write!(
                f,
                "HTTP {status} with an HTML page: a Wi-Fi login page or a wrong endpoint answered"
            ),
        }
    }
}

/// What to do after one attempt to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted.
    Sent,
    /// Try again later with the same id; `after_secs` when the endpoint said when.
    Retry {
        after_secs: Option<u64>,
        failure: Failure,
    },
    /// Credentials were refused: stop sending until an operator acts.
    Pause(Failure),
    /// Refused for good: keep it and show it to the operator.
    NeedsAttention(Failure),
}

/// Judges an HTTP reply. `content_type` is the reply's `Content-Type`, and
/// `retry_after` its `Retry-After` header.
pub fn classify(status: u16, content_type: Option<&str>, retry_after: Option<&str>) -> Outcome {
    let html = content_type.is_some_and(|c| c.to_ascii_lowercase().contains("text/html"));
    match status {
        200..=299 if html => Outcome::NeedsAttention(Failure::HtmlPage(status)),
        200..=299 => Outcome::Sent,
        408 | 425 | 429 | 500..=599 => Outcome::Retry {
            after_secs: retry_after.and_then(|v| v.trim().parse().ok()),
            failure: Failure::Http(status),
        },
        401 | 403 => Outcome::Pause(Failure::Http(status)),
        _ => Outcome::NeedsAttention(Failure::Http(status)),
    }
}

/// What an attempt that never got a reply means: try again.
pub fn failed(failure: Failure) -> Outcome {
    Outcome::Retry {
        after_secs: None,
        failure,
    }
}

impl Status {
    /// Whether the response still has to reach the endpoint.
    pub fn is_waiting(self) -> bool {
        matches!(self, Status::Pending | Status::Paused)
    }

    /// Whether the device is done with the response: sent, or kept only
    /// here. Only such a response may be removed, and only by the operator
    /// after an export that holds it.
    pub fn is_done(self) -> bool {
        matches!(self, Status::Sent | Status::Local)
    }
}

/// How long a paused queue waits before trying the endpoint again by itself,
/// in case the credentials were fixed on the server's side.
pub const PAUSE_MS: u64 = 10 * 60 * 1000;

/// The longest wait a `Retry-After` is honoured for, in seconds: a reply
/// asking for more is tried again after an hour.
pub const MAX_RETRY_AFTER_SECS: u64 = 3600;

/// Delay before attempt `attempt` (1 = first retry): full jitter over an
/// exponential ceiling from 1 s, capped at 5 minutes. `random` is in [0, 1).
pub fn backoff_ms(attempt: u32, random: f64) -> u64 {
    const BASE_MS: u64 = 1_000;
    const CAP_MS: u64 = 300_000;
    let ceiling = BASE_MS.saturating_mul(1u64 << attempt.min(20)).min(CAP_MS);
    (ceiling as f64 * random.clamp(0.0, 1.0)) as u64
}

/// A stored response and where it stands in the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub response: Response,
    pub status: Status,
    /// The address of the endpoint it is for: with several widgets on one
    /// origin (each with its own endpoint), a sender sends only its own.
    /// `None` in records stored before it was kept: any sender takes them.
    pub endpoint: Option<String>,
    /// Attempts to send so far.
    pub attempts: u32,
    /// Why the last attempt failed, in words for the operator.
    pub last_error: Option<String>,
    /// Whether the last attempt failed without reaching the endpoint.
    pub unreachable: bool,
    /// When the next attempt is due, in milliseconds since 1970.
    pub next_attempt_at: f64,
}

impl Record {
    /// A record for a response just finished: pending when there is an
    /// endpoint (its address) to send it to, local otherwise.
    pub fn new(response: Response, endpoint: Option<&str>) -> Record {
        let status = if endpoint.is_some() {
            Status::Pending
        } else {
            Status::Local
        };
        Record {
            response,
            status,
            endpoint: endpoint.map(str::to_owned),
            attempts: 0,
            last_error: None,
            unreachable: false,
            next_attempt_at: 0.0,
        }
    }

    /// Whether this response is for the endpoint at `url`: it was stored
    /// for it, or before records named theirs.
    pub fn is_for(&self, url: &str) -> bool {
        self.endpoint.as_deref().is_none_or(|e| e == url)
    }

    /// Records one attempt's outcome at `now_ms`; `random` (in [0, 1))
    /// spreads the backoff.
    pub fn after(&mut self, outcome: &Outcome, now_ms: f64, random: f64) {
        self.attempts += 1;
        let failure = match outcome {
            Outcome::Sent => {
                self.status = Status::Sent;
                None
            }
            Outcome::Retry {
                after_secs,
                failure,
            } => {
                let wait = match after_secs {
                    Some(s) => (*s).min(MAX_RETRY_AFTER_SECS) * 1000,
                    None => backoff_ms(self.attempts, random),
                };
                self.status = Status::Pending;
                self.next_attempt_at = now_ms + wait as f64;
                Some(failure)
            }
            Outcome::Pause(failure) => {
                self.status = Status::Paused;
                self.next_attempt_at = now_ms + PAUSE_MS as f64;
                Some(failure)
            }
            Outcome::NeedsAttention(failure) => {
                self.status = Status::NeedsAttention;
                Some(failure)
            }
        };
        self.unreachable = failure.is_some_and(Failure::unreachable);
        self.last_error = failure.map(ToString::to_string);
    }
}

/// What a flush sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flush<'a> {
    /// Waiting responses that are due, unless the queue is paused.
    Due,
    /// As `Due`, and the browser says the network is back: responses that
    /// failed for want of a connection are due now, whatever their backoff.
    Online,
    /// Only this response (just submitted: it gets its own attempt even
    /// while the queue is paused).
    One(&'a str),
    /// Every response not yet sent, due or not, paused or not, and those
    /// that need attention too: the operator's "send now", after fixing
    /// whatever the endpoint objected to.
    All,
}

/// One flush under way: which records it sends, decided as it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep<'a> {
    what: Flush<'a>,
    /// The address this flush sends to: only records for it (or for no
    /// endpoint in particular) are its to send.
    endpoint: &'a str,
    /// Whether the endpoint has been reached (or the browser says the
    /// network is back) during this flush.
    reachable: bool,
}

impl<'a> Flush<'a> {
    /// Starts a flush to the endpoint at `endpoint` over `records` (the
    /// whole store) at `now_ms`; `None` when there is nothing to do because
    /// that endpoint's queue is paused: it stays paused until its pause ends
    /// or the operator says "send now". A response just submitted gets its
    /// own attempt all the same.
    pub fn start(self, records: &[Record], now_ms: f64, endpoint: &'a str) -> Option<Sweep<'a>> {
        let paused = records.iter().any(|r| {
            r.status == Status::Paused && r.next_attempt_at > now_ms && r.is_for(endpoint)
        });
        if paused && matches!(self, Flush::Due | Flush::Online) {
            return None;
        }
        Some(Sweep {
            what: self,
            endpoint,
            reachable: self == Flush::Online,
        })
    }
}

impl Sweep<'_> {
    /// Whether a record in `status` is one to send in this flush at all: a
    /// waiting one, or with "send now" one that needed attention too. Asked
    /// again of each record read afresh just before it is sent.
    pub fn sends(&self, status: Status) -> bool {
        status.is_waiting() || (self.what == Flush::All && status == Status::NeedsAttention)
    }

    /// Whether to send `record` now. Once the endpoint is reached (or the
    /// browser says the network is back), responses that failed only for
    /// want of a connection need not wait out their backoff: an outage's
    /// backlog goes out at once, while those the endpoint itself refused
    /// with a 5xx keep theirs.
    pub fn wants(&self, record: &Record, now_ms: f64) -> bool {
        if !self.sends(record.status) || !record.is_for(self.endpoint) {
            return false;
        }
        match self.what {
            Flush::One(id) => record.response.id == id,
            Flush::All => true,
            Flush::Due | Flush::Online => {
                record.next_attempt_at <= now_ms || (self.reachable && record.unreachable)
            }
        }
    }

    /// Takes in one attempt's outcome; `false` when the flush should stop:
    /// the endpoint refused the credentials, and would refuse the rest too.
    pub fn after(&mut self, outcome: &Outcome) -> bool {
        match outcome {
            Outcome::Pause(_) => false,
            Outcome::Sent => {
                self.reachable = true;
                true
            }
            Outcome::Retry { .. } | Outcome::NeedsAttention(_) => true,
        }
    }
}

/// How many stored responses stand where, for the operator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Waiting to be sent, paused included.
    pub waiting: usize,
    pub sent: usize,
    pub needs_attention: usize,
    /// Kept on this device only.
    pub local: usize,
}

impl Counts {
    /// Counts `records` by status.
    pub fn of(records: &[Record]) -> Counts {
        let mut c = Counts::default();
        for r in records {
            match r.status {
                Status::Pending | Status::Paused => c.waiting += 1,
                Status::Sent => c.sent += 1,
                Status::NeedsAttention => c.needs_attention += 1,
                Status::Local => c.local += 1,
            }
        }
        c
    }
}

/// What the operator must be told, if anything: that sending is paused
/// (with the newest paused response's reason), or else that responses need
/// attention (with the newest one's reason).
pub fn alert(records: &[Record]) -> Option<(Status, String)> {
    [Status::Paused, Status::NeedsAttention]
        .into_iter()
        .find_map(|s| {
            let r = records.iter().rfind(|r| r.status == s)?;
            Some((s, r.last_error.clone().unwrap_or_default()))
        })
}
