// What each of jwt-edge's error codes means, in plain words: the one table the
// page explains every refusal from (the decoder's, the signature checks' and
// the warnings about a token a verifier would refuse).
export const explanations = {
  ERR_JWS_INVALID:
    "This is not a well-formed signed token: a JWT is three base64url parts joined by dots, and its header is a JSON object naming its algorithm (alg) as a string.",
  ERR_JWT_INVALID: "The payload is not a JSON object of claims, or a registered claim (exp, nbf, iat, iss, aud, sub, jti) has the wrong type.",
  ERR_JOSE_ALG_NOT_ALLOWED:
    "The algorithm in the token's header is not one the key or the verifier allows. jwt-edge never lets a token choose its own algorithm, and never accepts alg: none (a token with no signature, which anyone can write).",
  ERR_JOSE_NOT_SUPPORTED:
    "The header asks for something jwt-edge does not implement (an extension named in crit): it refuses the token rather than ignore what the header says must be understood.",
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED:
    "The signature does not match the header and payload under this key: the token was changed after it was signed, or another key signed it.",
  ERR_JWT_EXPIRED: "The token has expired (its exp is past): no verifier accepts it any more.",
  ERR_JWT_CLAIM_VALIDATION_FAILED:
    "A claim failed its check: a required claim is missing, the token is not valid yet (nbf in the future), or iss, aud, sub or typ is not the one expected.",
  ERR_KEY_INVALID:
    "The key cannot be used: a secret too short, or a public key (PEM or JWK text) given where a shared secret was expected.",
  ERR_INVALID_OPTIONS: "The verifier's options do not fit the key, e.g. an algorithm the key cannot verify.",
  ERR_JWK_INVALID:
    "The key is not a JSON Web Key jwt-edge accepts: a member is missing or malformed, it is not a signing key (use, key_ops), or an RSA modulus is under 2048 bits.",
  ERR_JWKS_INVALID:
    "No JWK Set came from that URL: it did not answer 200 with a JSON { keys: [...] } (a redirect, an error status, not JSON, too large, or unreachable, which includes a URL this page's Content-Security-Policy does not let it connect to).",
  ERR_JWKS_NO_MATCHING_KEY: "No key in the set fits the token: none has its kid, or none can verify its alg.",
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: "More than one key in the set fits the token, so none is chosen: the token should name its key with kid.",
  ERR_JWKS_TIMEOUT: "The JWK Set's URL did not answer in time.",
};

/** The plain explanation of a JwtError (or any error): its code's entry, with the claim that failed. */
export function explain(error) {
  const text = explanations[error?.code];
  if (text === undefined) return String(error?.message ?? error);
  return error.claim ? `${text} (The claim that failed: ${error.claim}.)` : text;
}
