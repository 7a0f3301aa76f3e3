// GET /api/profile written in JavaScript with jose, doing what the Rust
// worker does: verify the access token (HS256, issuer, audience, at+jwt,
// required claims), then one D1 query for the user and the deny list.
import { jwtVerify } from "jose";

const json = (status, body, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store", ...headers } });

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method !== "GET" || url.pathname !== "/api/profile") return json(404, { error: "not_found" });
    const header = request.headers.get("authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!token) return json(401, { error: "unauthorized" }, { "www-authenticate": 'Bearer realm="jwt-edge"' });
    let payload;
    try {
      ({ payload } = await jwtVerify(token, new TextEncoder().encode(env.JWT_SECRET), {
        algorithms: ["HS256"],
        issuer: env.JWT_ISSUER,
        audience: env.JWT_AUDIENCE,
        typ: "at+jwt",
        requiredClaims: ["exp", "iat", "sub", "jti", "sid"],
      }));
    } catch (error) {
      return json(401, { error: "invalid_token", code: error.code, message: error.message });
    }
    const row = await env.DB.prepare(
      "SELECT id, username, roles, EXISTS (SELECT 1 FROM denied_access_tokens WHERE jti = ?2) AS denied FROM users WHERE id = ?1",
    )
      .bind(payload.sub, payload.jti)
      .first();
    if (!row || row.denied) return json(401, { error: "invalid_token" });
    return json(200, { sub: row.id, username: row.username, roles: payload.roles });
  },
};
