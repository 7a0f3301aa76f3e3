//! The keys of trusted issuers: each issuer's JWK Set, fetched when needed and
//! kept in the isolate's memory and in the Cache API (for new isolates).
//!
//! - A set is fresh for [`MAX_FRESH`], or less when its answer's
//!   `Cache-Control: max-age` says so, but never less than the issuer's
//!   cooldown.
//! - A token whose `kid` is not in the set causes one refetch, and only once
//!   the cooldown since the last fetch has passed (a stream of made-up `kid`s
//!   costs the issuer at most one request per cooldown); a `kid` still
//!   unknown is refused by the verification (`ERR_JWKS_NO_MATCHING_KEY`).
//! - When a refetch fails (the issuer is down, or answers junk), the last good
//!   set is used until [`STALE_LIMIT`] after it was fetched, and the issuer is
//!   asked again only after the cooldown.
//! - Each request fetches for itself: no request ever awaits a fetch another
//!   request started (in Workers that hangs once the first request ends).

use crate::jwks_fetch::{fetch_jwks, JwksProblem};
use crate::jwks_store::{self, Lifetime};
use crate::trusted_issuers::TrustedIssuer;
use core::cell::RefCell;
use jwt_edge::KeySet;
use std::collections::HashMap;
use std::rc::Rc;

/// The longest a set is used without fetching it again: 10 minutes.
pub const MAX_FRESH: u64 = 600;
/// How long a set is still used while fetching it again fails: a day after
/// it was fetched.
pub const STALE_LIMIT: u64 = 86_400;

/// A set in use.
#[derive(Clone)]
struct Entry {
    set: Rc<KeySet>,
    lifetime: Lifetime,
}

/// What the isolate knows of one JWK Set URL.
#[derive(Default)]
struct Remote {
    entry: Option<Entry>,
    /// When the last fetch started, successful or not.
    attempted_at: Option<u64>,
    /// After a failed fetch: no new fetch before this.
    retry_at: u64,
    /// Why the last fetch failed, while no set is left to use.
    failure: Option<JwksProblem>,
}

thread_local! {
    /// The sets of this isolate, by URL. Borrowed only between awaits.
    static REMOTES: RefCell<HashMap<String, Remote>> = RefCell::new(HashMap::new());
}

fn with_remote<R>(url: &str, change: impl FnOnce(&mut Remote) -> R) -> R {
    REMOTES.with(|remotes| change(remotes.borrow_mut().entry(url.to_string()).or_default()))
}

/// How long a set fetched with `fresh_for` from `Cache-Control` is fresh.
#[must_use]
pub fn fresh_for(cache_control: Option<u64>, cooldown: u64) -> u64 {
    cache_control
        .unwrap_or(MAX_FRESH)
        .max(cooldown)
        .min(MAX_FRESH)
}

/// The lifetime of a set fetched at `now`, fresh for `fresh` seconds.
#[must_use]
pub fn lifetime(now: u64, fresh: u64) -> Lifetime {
    Lifetime {
        fetched_at: now,
        fresh_until: now.saturating_add(fresh),
        stale_until: now.saturating_add(fresh.max(STALE_LIMIT)),
    }
}

/// The key set to verify a token of `issuer`, whose header names `kid`, at
/// `now`: the set in use, fetched first when there is none or it is no longer
/// fresh, and fetched again when `kid` is not in it and the cooldown allows.
///
/// # Errors
/// When no set could be fetched and none is left to use.
pub async fn key_set_for(
    issuer: &TrustedIssuer,
    kid: Option<&str>,
    now: u64,
) -> Result<Rc<KeySet>, JwksProblem> {
    let (set, fetched) = current(issuer, now).await?;
    let Some(kid) = kid else {
        return Ok(set);
    };
    let known = set.public_keys().iter().any(|key| key.kid() == Some(kid));
    if known || fetched || !refetch_allowed(issuer, now) {
        return Ok(set);
    }
    match refresh(issuer, now).await {
        Ok(set) => Ok(set),
        Err(problem) => {
            log_failure(issuer, &problem, "the keys known");
            Ok(set)
        }
    }
}

/// Whether the cooldown since the last fetch of the issuer's set has passed.
fn refetch_allowed(issuer: &TrustedIssuer, now: u64) -> bool {
    with_remote(&issuer.jwks_url, |remote| {
        let fetched = remote.entry.as_ref().map(|entry| entry.lifetime.fetched_at);
        let last = fetched.max(remote.attempted_at).unwrap_or(0);
        now >= last.saturating_add(issuer.cooldown)
    })
}

/// The set to use now, and whether this call already fetched (or tried to).
async fn current(issuer: &TrustedIssuer, now: u64) -> Result<(Rc<KeySet>, bool), JwksProblem> {
    let url = &issuer.jwks_url;
    let mut entry = with_remote(url, |remote| remote.entry.clone());
    if entry
        .as_ref()
        .is_none_or(|entry| now >= entry.lifetime.fresh_until)
    {
        if let Some(stored) = stored_entry(url).await {
            let newer = entry
                .as_ref()
                .is_none_or(|entry| stored.lifetime.fetched_at > entry.lifetime.fetched_at);
            if newer {
                with_remote(url, |remote| remote.entry = Some(stored.clone()));
                entry = Some(stored);
            }
        }
    }
    let (retry_at, failure) = with_remote(url, |remote| (remote.retry_at, remote.failure.clone()));
    if let Some(entry) = &entry {
        let Lifetime {
            fresh_until,
            stale_until,
            ..
        } = entry.lifetime;
        if now < fresh_until || (now < retry_at && now < stale_until) {
            return Ok((Rc::clone(&entry.set), false));
        }
    } else if let Some(failure) = failure.filter(|_| now < retry_at) {
        // Without a set, a failing issuer is asked again only after the
        // cooldown too: requests do not pile up waiting on it meanwhile.
        return Err(failure);
    }
    match refresh(issuer, now).await {
        Ok(set) => Ok((set, true)),
        Err(problem) => match entry {
            Some(entry) if now < entry.lifetime.stale_until => {
                log_failure(issuer, &problem, "the set fetched before");
                Ok((entry.set, true))
            }
            _ => Err(problem),
        },
    }
}

/// The entry the Cache API keeps for `url`, if it is a valid set.
async fn stored_entry(url: &str) -> Option<Entry> {
    let (body, lifetime) = jwks_store::read(url).await?;
    let set = KeySet::from_remote_json(&body).ok()?;
    Some(Entry {
        set: Rc::new(set),
        lifetime,
    })
}

/// Fetches the issuer's set now, and keeps it.
async fn refresh(issuer: &TrustedIssuer, now: u64) -> Result<Rc<KeySet>, JwksProblem> {
    let url = &issuer.jwks_url;
    with_remote(url, |remote| remote.attempted_at = Some(now));
    let fetched = match fetch_jwks(url).await {
        Ok(fetched) => fetched,
        Err(problem) => {
            with_remote(url, |remote| {
                remote.retry_at = now.saturating_add(issuer.cooldown);
                remote.failure = Some(problem.clone());
            });
            return Err(problem);
        }
    };
    let lifetime = lifetime(now, fresh_for(fetched.fresh_for, issuer.cooldown));
    let set = Rc::new(fetched.set);
    with_remote(url, |remote| {
        // A fetch that started before the set in use was fetched does not
        // replace it.
        let older = remote
            .entry
            .as_ref()
            .is_some_and(|entry| entry.lifetime.fetched_at > now);
        if !older {
            remote.entry = Some(Entry {
                set: Rc::clone(&set),
                lifetime,
            });
            remote.retry_at = 0;
            remote.failure = None;
        }
    });
    jwks_store::write(url, &fetched.body, lifetime, now).await;
    Ok(set)
}

fn log_failure(issuer: &TrustedIssuer, problem: &JwksProblem, kept: &str) {
    worker::console_warn!(
        "the key set of the trusted issuer {:?} at {} could not be fetched ({problem}): {kept} stay in use",
        issuer.issuer,
        issuer.jwks_url
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_control_shortens_freshness_down_to_the_cooldown_never_past_ten_minutes() {
        assert_eq!(fresh_for(None, 30), MAX_FRESH);
        assert_eq!(fresh_for(Some(120), 30), 120);
        assert_eq!(fresh_for(Some(0), 30), 30);
        assert_eq!(fresh_for(Some(5), 1), 5);
        assert_eq!(fresh_for(Some(86_400), 30), MAX_FRESH);
        assert_eq!(fresh_for(Some(u64::MAX), 30), MAX_FRESH);
    }

    #[test]
    fn a_set_stays_usable_a_day_after_its_fetch_while_refetching_fails() {
        assert_eq!(
            lifetime(1000, 300),
            Lifetime {
                fetched_at: 1000,
                fresh_until: 1300,
                stale_until: 1000 + STALE_LIMIT
            }
        );
    }
}
