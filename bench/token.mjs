// The token the JavaScript benchmarks verify: a realistic access token (the
// claims of bench/native/common.rs), the same bytes for every library; and any
// token with a wrong signature, for the benchmarks' refusal paths.

export const secret = "bench-secret-0123456789abcdef0123456789abcdef";

/** The access token's claims, issued now and expiring in 15 minutes. */
export function accessClaims(now = Math.floor(Date.now() / 1000)) {
  return {
    sub: "user-8f3a2c71",
    roles: ["admin", "editor"],
    iss: "https://auth.example.com",
    aud: "api.example.com",
    iat: now,
    exp: now + 15 * 60,
    jti: "7b1e9d04-6c2f-4a8e",
  };
}

/** The token with another, well-formed signature: the first character of its
 * third segment changed (the last one, which carries padding bits, is kept). */
export function withBadSignature(token) {
  const at = token.lastIndexOf(".") + 1;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
}
