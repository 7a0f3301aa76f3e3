// Access tokens of trusted issuers (TRUSTED_ISSUERS) under `wrangler dev`:
// local stand-ins for identity providers (HTTP servers on 127.0.0.1 that
// publish JWK Sets; the tokens are signed here with jose), and the worker
// fetching, caching and refetching their keys.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as jose from "jose";
import { demoAccounts } from "../../scripts/local-d1.mjs";
import { call } from "./support/api-client.mjs";
import { startApiWorker } from "./support/api-worker.mjs";
import { answer, startJwksServer } from "./support/jwks-server.mjs";

const AUDIENCE = "https://api.test";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An RS256 key pair of an issuer: `publicJwk` as published (with `alg` unless `withoutAlg`). */
async function issuerKey(kid, { withoutAlg = false } = {}) {
  const { privateKey, publicKey } = await jose.generateKeyPair("RS256", { extractable: true });
  const publicJwk = { ...(await jose.exportJWK(publicKey)), kid, use: "sig", ...(withoutAlg ? {} : { alg: "RS256" }) };
  return { kid, privateKey, publicJwk };
}

/** A token of `issuer` for `audience`, signed with `key`; `claims` and `header` add to or replace the defaults. */
function issue(issuer, key, { audience = AUDIENCE, claims = {}, header = {}, expires = "5m" } = {}) {
  return new jose.SignJWT({ sub: "idp|alice", roles: ["admin"], ...claims })
    .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: key.kid, ...header })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(key.privateKey);
}

const jwks = (...keys) => ({ keys: keys.map((key) => key.publicJwk) });

// One issuer per behaviour, each with its own JWK Set path.
const ISSUERS = {
  main: "https://idp-main.test/",
  noAlg: "https://idp-no-alg.test",
  cooldown: "https://idp-cooldown.test",
  down: "https://idp-down.test",
  junk: "https://idp-junk.test",
  secret: "https://idp-secret.test",
  oversize: "https://idp-oversize.test",
  streamed: "https://idp-streamed.test",
  redirect: "https://idp-redirect.test",
  silent: "https://idp-silent.test",
};
const keys = {};
let server; // every issuer but `down`
let downServer; // the issuer that goes down
let trustedIssuers; // TRUSTED_ISSUERS, as the worker gets it
let api;

const path = (name) => `/${name}/jwks.json`;
const fetches = (name) => (name === "down" ? downServer : server).requests(path(name));

before(async () => {
  for (const name of Object.keys(ISSUERS)) keys[name] = await issuerKey(`${name}-1`, { withoutAlg: name === "noAlg" });
  const padded = JSON.stringify(jwks(keys.oversize)).replace("{", `{${" ".repeat(64 * 1024)}`);
  server = await startJwksServer({
    [path("main")]: answer(jwks(keys.main)),
    [path("noAlg")]: answer(jwks(keys.noAlg)),
    [path("cooldown")]: answer(jwks(keys.cooldown)),
    [path("junk")]: answer("<html>not a key set</html>"),
    // A published secret: never a key, whatever its kid and alg.
    [path("secret")]: answer({
      keys: [{ kty: "oct", kid: "secret-1", alg: "HS256", k: jose.base64url.encode("a secret of at least thirty-two bytes!") }],
    }),
    // The right key, padded past 64 KiB: declared by Content-Length, and streamed without one.
    [path("oversize")]: answer(padded),
    [path("streamed")]: (request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const text = JSON.stringify(jwks(keys.streamed)).replace("{", `{${" ".repeat(64 * 1024)}`);
      for (let at = 0; at < text.length; at += 8192) response.write(text.slice(at, at + 8192));
      response.end();
    },
    // A redirect to a set that holds the right key.
    [path("redirect")]: (request, response) => {
      response.writeHead(302, { location: "/redirect/target.json" });
      response.end();
    },
    "/redirect/target.json": answer(jwks(keys.redirect)),
    // Never answers.
    [path("silent")]: () => {},
  });
  downServer = await startJwksServer({
    // Fresh for a second only, so that the next use asks again.
    [path("down")]: answer(jwks(keys.down), { headers: { "cache-control": "max-age=1" } }),
  });
  const entry = (name, extra = {}) => {
    const url = (name === "down" ? downServer : server).url(path(name));
    return [ISSUERS[name], { jwksUrl: url, audience: AUDIENCE, ...extra }];
  };
  const trusted = Object.fromEntries(
    // `cooldown` and `junk` keep the default cooldown of 30 s.
    Object.keys(ISSUERS).map((name) => entry(name, ["cooldown", "junk"].includes(name) ? {} : { cooldown: 1 })),
  );
  trustedIssuers = JSON.stringify(trusted);
  api = await startApiWorker({ TRUSTED_ISSUERS: trustedIssuers });
});
after(async () => {
  await api?.stop();
  await server?.close();
  await downServer?.close();
});

async function profile(token) {
  return call(api, "GET", "/api/profile", { token });
}

async function assertRefused(token, code) {
  const response = await profile(token);
  assert.equal(response.status, 401, response.text);
  if (code) assert.equal(response.json.code, code, response.text);
  return response;
}

describe("tokens of a trusted issuer", () => {
  test("a token signed with the issuer's published RS256 key reads /api/profile as its sub at its iss, with no roles", async () => {
    const response = await profile(await issue(ISSUERS.main, keys.main));
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.json, { sub: "idp|alice", iss: ISSUERS.main, roles: [] });
    assert.equal(fetches("main"), 1);
  });

  test("a published key without alg verifies the issuer's RS256 tokens", async () => {
    const response = await profile(await issue(ISSUERS.noAlg, keys.noAlg));
    assert.equal(response.status, 200, response.text);
  });

  test("the roles an issuer's token claims are not roles here: /api/admin answers 403", async () => {
    const response = await call(api, "GET", "/api/admin", { token: await issue(ISSUERS.main, keys.main) });
    assert.equal(response.status, 403, response.text);
    assert.equal(response.json.error, "insufficient_scope");
  });

  test("an issuer's token ends no session here: /api/logout-all refuses it", async () => {
    const token = await issue(ISSUERS.main, keys.main);
    const response = await call(api, "POST", "/api/logout-all", { token, origin: api.url });
    assert.equal(response.status, 401, response.text);
    assert.equal(response.json.code, "ERR_OWN_TOKEN_REQUIRED");
  });

  test("the worker's own tokens keep working beside the issuers'", async () => {
    const [demoUser] = demoAccounts;
    const login = await call(api, "POST", "/api/login", { body: { username: demoUser.username, password: demoUser.password } });
    assert.equal(login.status, 200, login.text);
    const response = await profile(login.json.accessToken);
    assert.equal(response.status, 200, response.text);
    assert.equal(response.json.username, demoUser.username);
  });

  test("a token for several audiences, this API's among them, is accepted", async () => {
    const token = await issue(ISSUERS.main, keys.main, { audience: ["https://other-api.test", AUDIENCE] });
    assert.equal((await profile(token)).status, 200);
  });

  test("a token for another audience is refused", async () => {
    await assertRefused(await issue(ISSUERS.main, keys.main, { audience: "https://other-api.test" }), "ERR_JWT_CLAIM_VALIDATION_FAILED");
  });

  test("a token naming one trusted issuer but signed with another's key is refused", async () => {
    await assertRefused(await issue(ISSUERS.main, keys.noAlg), "ERR_JWKS_NO_MATCHING_KEY");
    await assertRefused(await issue(ISSUERS.main, keys.noAlg, { header: { kid: keys.main.kid } }), "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
  });

  test("a token of an issuer that is not trusted is refused", async () => {
    await assertRefused(await issue("https://idp-unknown.test", keys.main));
  });

  test("an expired token, or one without exp, is refused", async () => {
    await assertRefused(await issue(ISSUERS.main, keys.main, { expires: Math.floor(Date.now() / 1000) - 60 }), "ERR_JWT_EXPIRED");
    const unending = await new jose.SignJWT({ sub: "idp|alice" })
      .setProtectedHeader({ alg: "RS256", kid: keys.main.kid })
      .setIssuer(ISSUERS.main)
      .setAudience(AUDIENCE)
      .sign(keys.main.privateKey);
    await assertRefused(unending, "ERR_JWT_CLAIM_VALIDATION_FAILED");
  });

  test("an HS256 token keyed with the issuer's published key (its n, or the JWK's text) is refused", async () => {
    const { publicJwk } = keys.main;
    for (const secret of [publicJwk.n, JSON.stringify(publicJwk), JSON.stringify(jwks(keys.main))]) {
      const token = await new jose.SignJWT({ sub: "idp|alice" })
        .setProtectedHeader({ alg: "HS256", kid: keys.main.kid })
        .setIssuer(ISSUERS.main)
        .setAudience(AUDIENCE)
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode(secret));
      await assertRefused(token);
    }
  });

  test("an oct key in an issuer's set is never used", async () => {
    const token = await new jose.SignJWT({ sub: "idp|alice" })
      .setProtectedHeader({ alg: "HS256", kid: "secret-1" })
      .setIssuer(ISSUERS.secret)
      .setAudience(AUDIENCE)
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("a secret of at least thirty-two bytes!"));
    await assertRefused(token);
  });
});

describe("the issuers' keys", () => {
  test("a new kid at the issuer is fetched once the cooldown has passed, and accepted", async () => {
    const before = fetches("main");
    const rotated = await issuerKey("main-2");
    server.routes[path("main")] = answer(jwks(rotated, keys.main));
    await sleep(1_500); // the issuer's cooldown is a second
    const response = await profile(await issue(ISSUERS.main, rotated));
    assert.equal(response.status, 200, response.text);
    assert.equal(fetches("main"), before + 1);
    assert.equal((await profile(await issue(ISSUERS.main, keys.main))).status, 200);
    await assertRefused(await issue(ISSUERS.main, keys.main, { header: { kid: "main-3" } }), "ERR_JWKS_NO_MATCHING_KEY");
  });

  test("unknown kids within the cooldown cause no fetch", async () => {
    assert.equal((await profile(await issue(ISSUERS.cooldown, keys.cooldown))).status, 200);
    assert.equal(fetches("cooldown"), 1);
    for (const kid of ["made-up-1", "made-up-2", "made-up-3"]) {
      await assertRefused(await issue(ISSUERS.cooldown, keys.cooldown, { header: { kid } }), "ERR_JWKS_NO_MATCHING_KEY");
    }
    assert.equal(fetches("cooldown"), 1);
  });

  test("when the issuer is down, the keys fetched before keep working and unknown kids are refused", async () => {
    assert.equal((await profile(await issue(ISSUERS.down, keys.down))).status, 200);
    await downServer.close();
    await sleep(1_500); // past the set's max-age and the cooldown: the next use asks again
    const kept = await profile(await issue(ISSUERS.down, keys.down));
    assert.equal(kept.status, 200, kept.text);
    const unknown = await issuerKey("down-2");
    await assertRefused(await issue(ISSUERS.down, unknown), "ERR_JWKS_NO_MATCHING_KEY");
  });

  test("a set that is not JSON is refused with 401, not 500, and not asked for again within the cooldown", async () => {
    await assertRefused(await issue(ISSUERS.junk, keys.junk), "ERR_JWKS_INVALID");
    await assertRefused(await issue(ISSUERS.junk, keys.junk), "ERR_JWKS_INVALID");
    assert.equal(fetches("junk"), 1);
  });

  test("a set over 64 KiB is refused, declared or streamed, though it holds the right key", async () => {
    await assertRefused(await issue(ISSUERS.oversize, keys.oversize), "ERR_JWKS_INVALID");
    await assertRefused(await issue(ISSUERS.streamed, keys.streamed), "ERR_JWKS_INVALID");
  });

  test("a redirect is not followed, though it leads to the right key", async () => {
    await assertRefused(await issue(ISSUERS.redirect, keys.redirect), "ERR_JWKS_INVALID");
    assert.equal(server.requests("/redirect/target.json"), 0);
  });

  test("an issuer that never answers is given up: 401 ERR_JWKS_TIMEOUT", async () => {
    await assertRefused(await issue(ISSUERS.silent, keys.silent), "ERR_JWKS_TIMEOUT");
  });

  test("a new isolate takes the keys from the Cache API instead of fetching them again", async () => {
    const before = fetches("main");
    assert.equal((await profile(await issue(ISSUERS.main, keys.main))).status, 200);
    assert.equal(fetches("main"), before, "fresh in the isolate's memory");
    api = await api.restart({ TRUSTED_ISSUERS: trustedIssuers });
    const response = await profile(await issue(ISSUERS.main, keys.main));
    assert.equal(response.status, 200, response.text);
    assert.equal(fetches("main"), before);
  });
});
