//! The outbox's rules: what a reply from an endpoint means for a stored
//! response, and when to try again. Nothing here ever deletes a response.

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

/// What to do after one attempt to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted.
    Sent,
    /// Try again later with the same id; `after_secs` when the endpoint said when.
    Retry {
        after_secs: Option<u64>,
        reason: String,
    },
    /// Credentials were refused: stop sending until an operator acts.
    Pause { reason: String },
    /// Refused for good: keep it and show it to the operator.
    NeedsAttention { reason: String },
}

/// Judges an HTTP reply. `content_type` is the reply's `Content-Type`, and
/// `retry_after` its `Retry-After` header.
///
/// A 2xx whose body is an HTML page is a captive portal (a venue's Wi-Fi
/// login page), not the endpoint, so the response is not counted as sent.
pub fn classify(status: u16, content_type: Option<&str>, retry_after: Option<&str>) -> Outcome {
    let html = content_type.is_some_and(|c| c.to_ascii_lowercase().contains("text/html"));
    match status {
        200..=299 if html => Outcome::NeedsAttention {
            reason: format!(
                "HTTP {status} with an HTML page: a Wi-Fi login page or a wrong endpoint answered"
            ),
        },
        200..=299 => Outcome::Sent,
        408 | 425 | 429 | 500..=599 => Outcome::Retry {
            after_secs: retry_after.and_then(|v| v.trim().parse().ok()),
            reason: format!("HTTP {status}"),
        },
        401 | 403 => Outcome::Pause {
            reason: format!("HTTP {status}: the endpoint refused the credentials"),
        },
        _ => Outcome::NeedsAttention {
            reason: format!("HTTP {status}: the endpoint refused the response"),
        },
    }
}

impl Status {
    /// Whether the response still has to reach the endpoint.
    pub fn is_waiting(self) -> bool {
        matches!(self, Status::Pending | Status::Paused)
    }
}

/// How long a paused queue waits before trying the endpoint again by itself,
/// in case the credentials were fixed on the server's side.
pub const PAUSE_MS: u64 = 10 * 60 * 1000;

/// Whether a failed attempt's reason says the endpoint was not reached at
/// all (no connection, no answer in time) rather than answering with an
/// error: every reason [`classify`] gives starts with `HTTP `.
pub fn was_unreachable(last_error: Option<&str>) -> bool {
    last_error.is_some_and(|e| !e.starts_with("HTTP "))
}

/// Delay before attempt `attempt` (1 = first retry): full jitter over an
/// exponential ceiling from 1 s, capped at 5 minutes. `random` is in [0, 1).
pub fn backoff_ms(attempt: u32, random: f64) -> u64 {
    const BASE_MS: u64 = 1_000;
    const CAP_MS: u64 = 300_000;
    let ceiling = BASE_MS.saturating_mul(1u64 << attempt.min(20)).min(CAP_MS);
    (ceiling as f64 * random.clamp(0.0, 1.0)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_classified_as_the_reliability_notes_say() {
        assert_eq!(classify(201, Some("application/json"), None), Outcome::Sent);
        assert_eq!(classify(204, None, None), Outcome::Sent);
        assert!(matches!(
            classify(200, Some("text/html; charset=utf-8"), None),
            Outcome::NeedsAttention { .. }
        ));
        for s in [408, 425, 500, 502, 503, 504] {
            assert!(
                matches!(
                    classify(s, None, None),
                    Outcome::Retry {
                        after_secs: None,
                        ..
                    }
                ),
                "{s}"
            );
        }
        assert!(matches!(
            classify(429, None, Some("7")),
            Outcome::Retry {
                after_secs: Some(7),
                ..
            }
        ));
        assert!(matches!(classify(401, None, None), Outcome::Pause { .. }));
        assert!(matches!(classify(403, None, None), Outcome::Pause { .. }));
        for s in [400, 404, 409, 413, 422] {
            assert!(
                matches!(classify(s, None, None), Outcome::NeedsAttention { .. }),
                "{s}"
            );
        }
    }

    #[test]
    fn only_failures_to_connect_count_as_unreachable() {
        for reply in [500, 503, 429, 401, 400] {
            let reason = match classify(reply, None, None) {
                Outcome::Retry { reason, .. }
                | Outcome::Pause { reason }
                | Outcome::NeedsAttention { reason } => reason,
                Outcome::Sent => unreachable!(),
            };
            assert!(!was_unreachable(Some(&reason)), "{reason}");
        }
        assert!(was_unreachable(Some("network error: Failed to fetch")));
        assert!(was_unreachable(Some("no answer within 20 s")));
        assert!(!was_unreachable(None));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff_ms(1, 0.999_999), 1_999);
        assert_eq!(backoff_ms(3, 0.5), 4_000);
        assert_eq!(backoff_ms(30, 0.999_999), 299_999);
        assert_eq!(backoff_ms(4, 0.0), 0);
    }

    #[test]
    fn unknown_stored_status_is_retried_not_forgotten() {
        for s in [
            Status::Local,
            Status::Pending,
            Status::Paused,
            Status::Sent,
            Status::NeedsAttention,
        ] {
            assert_eq!(Status::parse(s.as_str()), s);
        }
        assert_eq!(Status::parse("garbage"), Status::Pending);
    }
}
