// GET /api/profile written in JavaScript with jose, doing what the Rust
// worker does: verify the access token (HS256, issuer, audience, at+jwt,
// required claims), then one D1 query for the user and the deny list.
//
// With the variable VERIFY set to "none" (a third copy that bench/edge.mjs
// starts), the payload is read without any check: what this endpoint costs
// under wrangler dev when verifying costs nothing, so the most that any
// verification, however fast, could gain here. Benchmark only.
import { jwtVerify } from "jose";

const json = (status, body, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store", ...headers } });
// The Rust worker's 401 for a token that failed (worker/src/api_error.rs
// `invalid_token`): the body {error, code, message} and the RFC 6750 challenge
// with the message as error_description (quotes made single, then anything
// but printable ASCII and backslashes dropped).
const invalidToken = (code, message) => {
  const description = message.replaceAll('"', "'").replace(/[^ -~]|\\/g, "");
  return json(
    401,
    { error: "invalid_token", code, message },
    { "www-authenticate": `Bearer realm="jwt-edge", error="invalid_token", error_description="${description}"` },
  );
};

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method !== "GET" || url.pathname !== "/api/profile") return json(404, { error: "not_found" });
    const header = request.headers.get("authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!token) {
      return json(
        401,
        { error: "unauthorized", code: "ERR_TOKEN_MISSING", message: "no access token was presented" },
        { "www-authenticate": 'Bearer realm="jwt-edge"' },
      );
    }
    let payload;
    if (env.VERIFY === "none") {
      payload = JSON.parse(atob(token.split(".")[1].replaceAll("-", "+").replaceAll("_", "/")));
    } else {
      try {
        ({ payload } = await jwtVerify(token, new TextEncoder().encode(env.JWT_SECRET), {
          algorithms: ["HS256"],
          issuer: env.JWT_ISSUER,
          audience: env.JWT_AUDIENCE,
          typ: "at+jwt",
          requiredClaims: ["exp", "iat", "sub", "jti", "sid"],
        }));
      } catch (error) {
        return invalidToken(error.code, error.message);
      }
    }
    const row = await env.DB.prepare(
      "SELECT id, username, roles, EXISTS (SELECT 1 FROM denied_access_tokens WHERE jti = ?2) AS denied FROM users WHERE id = ?1",
    )
      .bind(payload.sub, payload.jti)
      .first();
    if (!row) return invalidToken("ERR_USER_UNKNOWN", "the token's user no longer exists");
    if (row.denied) return invalidToken("ERR_TOKEN_REVOKED", "the token was revoked by logout");
    return json(200, { sub: row.id, username: row.username, roles: payload.roles });
  },
};
