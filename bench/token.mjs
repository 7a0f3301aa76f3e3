// The token the JavaScript benchmarks verify: a realistic access token (the
// claims of benches/common/mod.rs), the same bytes for every library.

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
