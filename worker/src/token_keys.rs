//! The keys of the worker's access tokens: an HMAC secret (`JWT_ALG` `HS256`)
//! or a private key whose public half, with the previous one during a
//! rotation, is published at `/.well-known/jwks.json` (`ES256`, `EdDSA`).

use jwt_edge::{
    sign, verify, Algorithm, Claims, Error, HeaderOptions, HmacKey, KeyFamily, KeySet, PrivateKey,
    PublicKey, Validation,
};

/// The algorithms the worker signs with: `JWT_ALG`.
pub const ALGORITHMS: [Algorithm; 3] = [Algorithm::Hs256, Algorithm::Es256, Algorithm::EdDsa];

/// How the worker signs and verifies its access tokens.
#[derive(Debug)]
pub enum TokenKeys {
    /// `HS256` with the shared secret `JWT_SECRET`, which is never published.
    Hmac(HmacKey),
    /// `ES256` or `EdDSA` with the private key `JWT_PRIVATE_JWK`.
    Asymmetric(AsymmetricKeys),
}

/// The private key and the public keys that verify the worker's tokens.
#[derive(Debug)]
pub struct AsymmetricKeys {
    /// The key that signs, bound to `JWT_ALG`.
    private: PrivateKey,
    /// The `kid` every token's header carries.
    kid: String,
    /// The published set: the current public key, then the previous one.
    jwks: String,
    /// The same set, to verify tokens with: the token's `kid` and `alg`
    /// choose the key, and only a key's own algorithm verifies.
    set: KeySet,
}

impl TokenKeys {
    /// The keys for `JWT_ALG` `algorithm` (its name), from the secret
    /// `JWT_SECRET` (HS256) or the private JWK `JWT_PRIVATE_JWK` and the
    /// optional public JWK `JWT_PREVIOUS_PUBLIC_JWK` (ES256, `EdDSA`).
    ///
    /// # Errors
    /// A message for the log when the algorithm is not one of [`ALGORITHMS`]
    /// or the keys do not fit it: a missing or short secret, a missing or
    /// malformed private JWK, a public JWK where the private one is needed, a
    /// key of another curve, a previous key that is not a public `ES256` or
    /// `EdDSA` JWK or has the current key's `kid`, or a previous key with
    /// HS256 (which publishes no keys).
    pub fn new(
        algorithm: &str,
        secret: Option<&str>,
        private_jwk: Option<&str>,
        previous_jwk: Option<&str>,
    ) -> Result<Self, String> {
        let algorithm = Algorithm::from_name(algorithm)
            .filter(|known| ALGORITHMS.contains(known))
            .ok_or(format!(
                "JWT_ALG must be \"HS256\", \"ES256\" or \"EdDSA\", not {algorithm:?}"
            ))?;
        if algorithm == Algorithm::Hs256 {
            if previous_jwk.is_some() {
                return Err(
                    "JWT_PREVIOUS_PUBLIC_JWK is set but JWT_ALG is HS256, whose \
                            tokens no public key verifies: remove it, or set JWT_ALG to \
                            ES256 or EdDSA"
                        .into(),
                );
            }
            let secret = secret.ok_or(
                "JWT_ALG is HS256 but JWT_SECRET is not set: run `wrangler secret put \
                 JWT_SECRET` (or add it to .dev.vars)",
            )?;
            return HmacKey::new(Algorithm::Hs256, secret.as_bytes())
                .map(TokenKeys::Hmac)
                .map_err(|_| "JWT_SECRET must be at least 32 bytes (256 bits) for HS256".into());
        }
        let name = algorithm.name();
        let private_jwk = private_jwk.ok_or(format!(
            "JWT_ALG is {name} but JWT_PRIVATE_JWK is not set: run `wrangler secret put \
             JWT_PRIVATE_JWK` with a private {name} JWK (`make dev` writes one into .dev.vars)"
        ))?;
        let private = private_key(algorithm, private_jwk)?;
        let current = private.public_key();
        let kid = current
            .kid()
            .map_or_else(|| current.thumbprint(), String::from);
        let current = current.with_kid(kid.clone());
        let mut published = vec![current];
        if let Some(previous_jwk) = previous_jwk {
            let previous = previous_key(previous_jwk)?;
            // The current key itself, as it is between the two steps of a
            // rotation (the previous key set first, then the new private key):
            // published once.
            if previous != published[0] {
                if previous.kid() == Some(kid.as_str()) {
                    return Err(format!(
                        "JWT_PREVIOUS_PUBLIC_JWK is another key with the current key's kid \
                         {kid:?}: give the keys different kids"
                    ));
                }
                published.push(previous);
            }
        }
        let keys: Vec<String> = published.iter().map(PublicKey::to_jwk).collect();
        let jwks = format!("{{\"keys\":[{}]}}", keys.join(","));
        let set = KeySet::from_json(jwks.as_bytes())
            .map_err(|error| format!("the worker's own key set is invalid: {error}"))?;
        Ok(TokenKeys::Asymmetric(AsymmetricKeys {
            private,
            kid,
            jwks,
            set,
        }))
    }

    /// The signed token of `claims`, with the header `typ` `typ` and, for a
    /// published key, its `kid`.
    #[must_use]
    pub fn sign(&self, claims: &Claims, typ: &str) -> String {
        let header = HeaderOptions::new().typ(typ);
        match self {
            Self::Hmac(key) => sign(claims, key, &header),
            Self::Asymmetric(keys) => {
                sign(claims, &keys.private, &header.key_id(keys.kid.as_str()))
            }
        }
    }

    /// The claims of `token` when it passes `validation` and is signed with
    /// the secret, or with a published key chosen by the token's `kid`.
    ///
    /// # Errors
    /// The core's error for a token that fails.
    pub fn verify(&self, token: &str, validation: &Validation) -> Result<Claims, Error> {
        match self {
            Self::Hmac(key) => verify(token, key, validation),
            Self::Asymmetric(keys) => verify(token, &keys.set, validation),
        }
    }

    /// The published JWK Set (`{"keys":[…]}`), none for HS256.
    #[must_use]
    pub fn jwks(&self) -> Option<&str> {
        match self {
            Self::Hmac(_) => None,
            Self::Asymmetric(keys) => Some(&keys.jwks),
        }
    }
}

/// The private key of `jwk`, which must sign `algorithm`.
fn private_key(algorithm: Algorithm, jwk: &str) -> Result<PrivateKey, String> {
    let name = algorithm.name();
    let key = PrivateKey::from_jwk(jwk.as_bytes()).map_err(|error| {
        if PublicKey::from_jwk(jwk.as_bytes()).is_ok() {
            "JWT_PRIVATE_JWK is a public JWK: the worker signs with the private one \
             (with \"d\"), and publishes its public half itself"
                .to_string()
        } else {
            format!("JWT_PRIVATE_JWK is not a private {name} JWK: {error}")
        }
    })?;
    let own = jwt_edge::SigningKey::algorithm(&key);
    // A JWK without `alg` signs with its curve's algorithm: the curve must be
    // the one JWT_ALG needs, and an `alg` of the JWK must be JWT_ALG.
    if own != algorithm {
        return Err(format!(
            "JWT_PRIVATE_JWK is a key for {}, not for JWT_ALG {name}: its \"crv\" (or \"alg\") \
             does not fit",
            own.name()
        ));
    }
    Ok(key)
}

/// The previous public key of `jwk`: an `ES256` or `EdDSA` key, with its
/// algorithm and `kid` (its thumbprint when the JWK has none).
fn previous_key(jwk: &str) -> Result<PublicKey, String> {
    let key = PublicKey::from_jwk(jwk.as_bytes())
        .map_err(|error| format!("JWT_PREVIOUS_PUBLIC_JWK is not a public JWK: {error}"))?;
    let algorithm = match (key.algorithm(), key.family()) {
        (Some(own), _) if ALGORITHMS[1..].contains(&own) => own,
        (None, KeyFamily::P256) => Algorithm::Es256,
        (None, KeyFamily::Ed25519) => Algorithm::EdDsa,
        _ => {
            return Err(
                "JWT_PREVIOUS_PUBLIC_JWK must be an ES256 (P-256) or EdDSA (Ed25519) key".into(),
            )
        }
    };
    let kid = key.kid().map_or_else(|| key.thumbprint(), String::from);
    key.with_kid(kid)
        .with_algorithm(algorithm)
        .map_err(|error| format!("JWT_PREVIOUS_PUBLIC_JWK: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jwt_edge::decode_unverified;

    /// RFC 8037 §A.1: its thumbprint is RFC 8037 §A.3's.
    const ED25519: &str = r#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    const ED25519_PUBLIC: &str =
        r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    const ED25519_KID: &str = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
    /// RFC 7515 §A.3.
    const P256: &str = r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}"#;
    const P256_PUBLIC: &str = r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#;
    const SECRET: &str = "a secret of at least thirty-two bytes!";

    fn asymmetric(algorithm: &str, private: &str, previous: Option<&str>) -> TokenKeys {
        TokenKeys::new(algorithm, None, Some(private), previous).expect("valid keys")
    }

    fn validation() -> Validation {
        Validation::new(0).required_claims::<[&str; 0], &str>([])
    }

    fn refusal(algorithm: &str, private: Option<&str>, previous: Option<&str>) -> String {
        TokenKeys::new(algorithm, Some(SECRET), private, previous).expect_err("refused")
    }

    #[test]
    fn tokens_carry_the_thumbprint_as_kid_and_verify_with_the_published_set() {
        for (algorithm, private, public) in [
            ("EdDSA", ED25519, ED25519_PUBLIC),
            ("ES256", P256, P256_PUBLIC),
        ] {
            let keys = asymmetric(algorithm, private, None);
            let token = keys.sign(&Claims::new(), "at+jwt");
            let header = decode_unverified(&token).expect("a token").header;
            assert_eq!(header.alg_name(), algorithm);
            let kid = PublicKey::from_jwk(public.as_bytes())
                .expect("public")
                .thumbprint();
            assert_eq!(header.kid.as_deref(), Some(kid.as_str()));
            keys.verify(&token, &validation()).expect("verifies");
            let jwks = keys.jwks().expect("published");
            let set = KeySet::from_remote_json(jwks.as_bytes()).expect("a key set");
            assert_eq!(set.public_keys().len(), 1);
            assert_eq!(set.public_keys()[0].kid(), Some(kid.as_str()));
            assert!(jwks.contains(&format!("\"alg\":\"{algorithm}\"")), "{jwks}");
            assert!(
                jwks.contains("\"use\":\"sig\"") && !jwks.contains("\"d\""),
                "{jwks}"
            );
        }
        let keys = asymmetric("EdDSA", ED25519, None);
        let header = decode_unverified(&keys.sign(&Claims::new(), "at+jwt"))
            .expect("a token")
            .header;
        assert_eq!(header.kid.as_deref(), Some(ED25519_KID));
    }

    #[test]
    fn a_kid_in_the_private_jwk_is_kept() {
        let named = ED25519.replacen('{', r#"{"kid":"2026-01","#, 1);
        let keys = asymmetric("EdDSA", &named, None);
        let token = keys.sign(&Claims::new(), "at+jwt");
        let header = decode_unverified(&token).expect("a token").header;
        assert_eq!(header.kid.as_deref(), Some("2026-01"));
        assert!(keys
            .jwks()
            .expect("published")
            .contains(r#""kid":"2026-01""#));
    }

    #[test]
    fn hs256_signs_with_the_secret_publishes_nothing_and_refuses_public_key_tokens() {
        let keys = TokenKeys::new("HS256", Some(SECRET), Some(ED25519), None).expect("valid");
        assert_eq!(keys.jwks(), None);
        let token = keys.sign(&Claims::new(), "at+jwt");
        let header = decode_unverified(&token).expect("a token").header;
        assert_eq!((header.alg_name(), header.kid.as_deref()), ("HS256", None));
        keys.verify(&token, &validation()).expect("verifies");
        let eddsa = asymmetric("EdDSA", ED25519, None).sign(&Claims::new(), "at+jwt");
        assert!(keys.verify(&eddsa, &validation()).is_err());
        // And the other way: an EdDSA worker never takes an HS256 token.
        assert!(asymmetric("EdDSA", ED25519, None)
            .verify(&token, &validation())
            .is_err());
    }

    #[test]
    fn the_previous_key_verifies_until_it_is_removed() {
        let old = asymmetric("ES256", P256, None);
        let old_token = old.sign(&Claims::new(), "at+jwt");
        let rotated = asymmetric("EdDSA", ED25519, Some(P256_PUBLIC));
        rotated
            .verify(&old_token, &validation())
            .expect("the previous key still verifies");
        let new_token = rotated.sign(&Claims::new(), "at+jwt");
        rotated.verify(&new_token, &validation()).expect("verifies");
        let jwks = KeySet::from_remote_json(rotated.jwks().expect("published").as_bytes())
            .expect("a key set");
        assert_eq!(jwks.public_keys().len(), 2);
        assert_eq!(jwks.public_keys()[0].kid(), Some(ED25519_KID));
        let done = asymmetric("EdDSA", ED25519, None);
        let error = done.verify(&old_token, &validation()).expect_err("removed");
        assert_eq!(error.code(), "ERR_JWKS_NO_MATCHING_KEY");
    }

    #[test]
    fn the_current_key_given_as_the_previous_one_is_published_once() {
        // As between the two steps of a rotation: the previous key set first.
        let keys = asymmetric("EdDSA", ED25519, Some(ED25519_PUBLIC));
        let jwks = KeySet::from_remote_json(keys.jwks().expect("published").as_bytes())
            .expect("a key set");
        assert_eq!(jwks.public_keys().len(), 1);
        let token = keys.sign(&Claims::new(), "at+jwt");
        keys.verify(&token, &validation()).expect("verifies");
    }

    #[test]
    fn keys_that_do_not_fit_the_algorithm_are_refused_with_a_reason() {
        let cases = [
            (refusal("RS256", Some(ED25519), None), "JWT_ALG must be"),
            (refusal("none", None, None), "JWT_ALG must be"),
            (refusal("EdDSA", None, None), "JWT_PRIVATE_JWK is not set"),
            (refusal("ES256", None, None), "JWT_PRIVATE_JWK is not set"),
            (
                refusal("EdDSA", Some(ED25519_PUBLIC), None),
                "is a public JWK",
            ),
            (refusal("EdDSA", Some("{"), None), "not a private EdDSA JWK"),
            (
                refusal("EdDSA", Some(SECRET), None),
                "not a private EdDSA JWK",
            ),
            (
                refusal("EdDSA", Some(P256), None),
                "a key for ES256, not for JWT_ALG EdDSA",
            ),
            (
                refusal("ES256", Some(ED25519), None),
                "a key for EdDSA, not for JWT_ALG ES256",
            ),
            (
                refusal(
                    "EdDSA",
                    Some(&ED25519.replacen('{', r#"{"alg":"Ed25519","#, 1)),
                    None,
                ),
                "a key for Ed25519",
            ),
            (
                refusal(
                    "EdDSA",
                    Some(&ED25519.replacen('{', r#"{"kid":"k","#, 1)),
                    Some(&P256_PUBLIC.replacen('{', r#"{"kid":"k","#, 1)),
                ),
                "another key with the current key's kid \"k\"",
            ),
            (
                refusal("EdDSA", Some(ED25519), Some(P256)),
                "JWT_PREVIOUS_PUBLIC_JWK is not a public JWK",
            ),
            (
                refusal(
                    "EdDSA",
                    Some(ED25519),
                    Some(r#"{"kty":"oct","k":"c2VjcmV0"}"#),
                ),
                "JWT_PREVIOUS_PUBLIC_JWK is not a public JWK",
            ),
            (
                refusal("HS256", None, Some(P256_PUBLIC)),
                "JWT_PREVIOUS_PUBLIC_JWK is set but JWT_ALG is HS256",
            ),
        ];
        for (problem, expected) in cases {
            assert!(problem.contains(expected), "{problem:?} lacks {expected:?}");
        }
        assert!(TokenKeys::new("HS256", None, None, None)
            .expect_err("no secret")
            .contains("JWT_SECRET is not set"));
        assert!(TokenKeys::new("HS256", Some("short"), None, None)
            .expect_err("short")
            .contains("at least 32 bytes"));
    }
}
