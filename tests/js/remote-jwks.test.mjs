// createRemoteJwks against real HTTP servers on 127.0.0.1: what it fetches,
// when, and what it refuses. Time is a clock the tests move; whether a fetch
// happened is counted at the server.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createRemoteJwks, STALE_LIMIT } from "../../pkg-template/remote-jwks/remote-jwks.js";
import { MAX_JWKS_BYTES } from "../../pkg-template/remote-jwks/jwks-fetch.js";
import { durationSeconds } from "../../pkg-template/remote-jwks/remote-jwks-options.js";
import { SignJWT } from "jose";
import * as jwt from "../../pkg/node.js";
import { answer, keySetWith, startJwksServer } from "./support/jwks-server.mjs";

let server;
before(async () => (server = await startJwksServer()));
after(() => server.close());

let nextPath = 0;
/** A fresh path on the server answered by `handler`, and its URL. */
function route(handler) {
  const path = `/jwks-${++nextPath}.json`;
  server.routes[path] = handler;
  return { path, url: server.url(path), fetches: () => server.requests(path) };
}

function manualClock(start = 1_700_000_000) {
  let now = start;
  const clock = () => now;
  clock.advance = (seconds) => (now += seconds);
  return clock;
}

const kids = (keySet) => keySet.keys.map((key) => key.kid);

async function rejectsWith(promise, code, reason) {
  await assert.rejects(promise, (error) => {
    assert.equal(error.name, "JwtError");
    assert.equal(error.code, code);
    if (reason !== undefined) assert.equal(error.reason, reason);
    return true;
  });
}

describe("caching", () => {
  test("a set is fetched once and served from memory until cacheMaxAge has passed", async () => {
    const jwks_ = route(answer(keySetWith("a")));
    const clock = manualClock();
    const jwks = createRemoteJwks(jwks_.url, { cacheMaxAge: "2m", clock });
    assert.deepEqual(kids(await jwks.getKeySet({ kid: "a" })), ["a"]);
    clock.advance(119);
    await jwks.getKeySet({ kid: "a" });
    await jwks.getKeySet();
    assert.equal(jwks_.fetches(), 1);
    clock.advance(1);
    await jwks.getKeySet({ kid: "a" });
    assert.equal(jwks_.fetches(), 2);
  });

  test("Cache-Control: max-age shorter than cacheMaxAge makes the set stale sooner", async () => {
    const jwks_ = route(answer(keySetWith("a"), { headers: { "cache-control": "public, max-age=60" } }));
    const clock = manualClock();
    const jwks = createRemoteJwks(jwks_.url, { cacheMaxAge: 600, cooldown: 0, clock });
    await jwks.getKeySet();
    clock.advance(59);
    await jwks.getKeySet();
    assert.equal(jwks_.fetches(), 1);
    clock.advance(1);
    await jwks.getKeySet();
    assert.equal(jwks_.fetches(), 2);
  });

  test("Cache-Control: max-age counts from the Age the answer already spent in a cache", async () => {
    const headers = { "cache-control": "max-age=60", age: "50" };
    const jwks_ = route(answer(keySetWith("a"), { headers }));
    const clock = manualClock();
    const jwks = createRemoteJwks(jwks_.url, { cooldown: 0, clock });
    await jwks.getKeySet();
    clock.advance(10);
    await jwks.getKeySet();
    assert.equal(jwks_.fetches(), 2);
  });

  test("Cache-Control: max-age longer than cacheMaxAge does not keep the set longer", async () => {
    const jwks_ = route(answer(keySetWith("a"), { headers: { "cache-control": "max-age=86400" } }));
    const clock = manualClock();
    const jwks = createRemoteJwks(jwks_.url, { cacheMaxAge: 600, clock });
    await jwks.getKeySet();
    clock.advance(600);
    await jwks.getKeySet();
    assert.equal(jwks_.fetches(), 2);
  });

  test("Cache-Control: max-age below the cooldown, or no-store, is raised to the cooldown", async () => {
    for (const control of ["max-age=0", "no-store", "no-cache, max-age=5"]) {
      const jwks_ = route(answer(keySetWith("a"), { headers: { "cache-control": control } }));
      const clock = manualClock();
      const jwks = createRemoteJwks(jwks_.url, { cooldown: 30, clock });
      await jwks.getKeySet();
      clock.advance(29);
      await jwks.getKeySet();
      assert.equal(jwks_.fetches(), 1, control);
      clock.advance(1);
      await jwks.getKeySet();
      assert.equal(jwks_.fetches(), 2, control);
    }
  });

  test("reload() fetches the set even while it is fresh", async () => {
    const jwks_ = route(answer(keySetWith("a")));
    const jwks = createRemoteJwks(jwks_.url);
    await jwks.getKeySet();
    server.routes[jwks_.path] = answer(keySetWith("b"));
    assert.deepEqual(kids(await jwks.reload()), ["b"]);
    assert.deepEqual(kids(await jwks.getKeySet()), ["b"]);
    assert.equal(jwks_.fetches(), 2);
  });

  test("many concurrent callers share one fetch", async () => {
    const jwks_ = route(answer(keySetWith("a")));
    const jwks = createRemoteJwks(jwks_.url);
    const sets = await Promise.all(Array.from({ length: 50 }, (_, i) => jwks.getKeySet(i % 2 ? { kid: "a" } : undefined)));
    assert.equal(jwks_.fetches(), 1);
    assert.ok(sets.every((set) => set === sets[0]));
  });

  test("callers of different requests (forRequest) never share a fetch in flight", async () => {
    const jwks_ = route(answer(keySetWith("a")));
    const jwks = createRemoteJwks(jwks_.url);
    const [first, second] = [jwks.forRequest({}), jwks.forRequest({})];
    await Promise.all([first.getKeySet(), first.getKeySet(), second.getKeySet(), second.getKeySet()]);
    assert.equal(jwks_.fetches(), 2);
  });

  test("a { get, set } store spares a second instance (a new isolate) the fetch", async () => {
    const jwks_ = route(answer(keySetWith("a")));
    const map = new Map();
    const ttls = [];
    const store = { get: async (key) => map.get(key), set: async (key, value, ttl) => (map.set(key, value), ttls.push(ttl)) };
    const clock = manualClock();
    await createRemoteJwks(jwks_.url, { cache: store, clock }).getKeySet({ kid: "a" });
    clock.advance(300);
    const other = createRemoteJwks(jwks_.url, { cache: store, clock });
    assert.deepEqual(kids(await other.getKeySet({ kid: "a" })), ["a"]);
    assert.equal(jwks_.fetches(), 1);
    assert.deepEqual(ttls, [STALE_LIMIT]);
    clock.advance(300);
    await other.getKeySet();
    assert.equal(jwks_.fetches(), 2, "the stored set's freshness counts from its fetch");
  });

  test("a stored record that is not a valid record is passed over, and the set fetched", async () => {
    const jwks_ = route(answer(keySetWith("a")));
    for (const stored of ["{", '{"keySet":{"keys":"x"},"fetchedAt":0,"freshUntil":9e15,"staleUntil":9e15}', 42]) {
      const store = { get: () => stored, set: () => {} };
      assert.deepEqual(kids(await createRemoteJwks(jwks_.url, { cache: store }).getKeySet()), ["a"]);
    }
    assert.equal(jwks_.fetches(), 3);
  });
});

describe("unknown kid and rotation", () => {
  test("after a fetch, an unknown kid causes no fetch until the cooldown has passed, then one", async () => {
    const jwks_ = route(answer(keySetWith("a")));
    const clock = manualClock();
    const jwks = createRemoteJwks(jwks_.url, { cooldown: "30s", clock });
    await jwks.getKeySet({ kid: "a" });
    clock.advance(29);
    for (let i = 0; i < 5; i++) await rejectsWith(jwks.getKeySet({ kid: `made-up-${i}` }), "ERR_JWKS_NO_MATCHING_KEY");
    assert.equal(jwks_.fetches(), 1);
    clock.advance(1);
    await rejectsWith(jwks.getKeySet({ kid: "b" }), "ERR_JWKS_NO_MATCHING_KEY");
    assert.equal(jwks_.fetches(), 2);
    await rejectsWith(jwks.getKeySet({ kid: "c" }), "ERR_JWKS_NO_MATCHING_KEY");
    assert.equal(jwks_.fetches(), 2);
  });

  test("a key that appears at the server (rotation) is found by one refetch after the cooldown", async () => {
    const jwks_ = route(answer(keySetWith("old")));
    const clock = manualClock();
    const jwks = createRemoteJwks(jwks_.url, { clock });
    await jwks.getKeySet({ kid: "old" });
    server.routes[jwks_.path] = answer(keySetWith("old", "new"));
    clock.advance(30);
    assert.deepEqual(kids(await jwks.getKeySet({ kid: "new" })), ["old", "new"]);
    assert.equal(jwks_.fetches(), 2);
    assert.deepEqual(kids(await jwks.getKeySet({ kid: "old" })), ["old", "new"]);
    assert.equal(jwks_.fetches(), 2);
  });

  test("oct (shared-secret) keys are never taken from a remote set", async () => {
    const set = keySetWith("a");
    set.keys.push({ kty: "oct", k: "c2VjcmV0", kid: "secret" });
    const jwks_ = route(answer(set));
    const jwks = createRemoteJwks(jwks_.url, { clock: manualClock() });
    assert.deepEqual(kids(await jwks.getKeySet()), ["a"]);
    await rejectsWith(jwks.getKeySet({ kid: "secret" }), "ERR_JWKS_NO_MATCHING_KEY");
  });

  test("the set handed out is frozen, so no caller can change what the others get", async () => {
    const jwks = createRemoteJwks(route(answer(keySetWith("a"))).url);
    const set = await jwks.getKeySet();
    assert.throws(() => set.keys.push({ kty: "oct" }), TypeError);
    assert.throws(() => (set.keys[0].kid = "b"), TypeError);
  });
});

describe("refused answers", () => {
  test("a server slower than the timeout fails with ERR_JWKS_TIMEOUT", async () => {
    const jwks_ = route(() => {}); // never answers
    await rejectsWith(createRemoteJwks(jwks_.url, { timeout: "1s" }).getKeySet(), "ERR_JWKS_TIMEOUT");
  });

  test("a body that is not JSON is refused with ERR_JWKS_INVALID", async () => {
    for (const body of ["<html>Sign in</html>", "", '{"keys": [', new Uint8Array([0x7b, 0xff, 0x7d])]) {
      await rejectsWith(createRemoteJwks(route(answer(body)).url).getKeySet(), "ERR_JWKS_INVALID", "not_json");
    }
  });

  test("JSON that is not a JWK Set is refused with ERR_JWKS_INVALID", async () => {
    for (const body of [null, [], {}, { keys: {} }, { keys: "a" }, { keys: [1] }, { keys: [null] }, { keys: [[]] }]) {
      const jwks = createRemoteJwks(route(answer(body)).url);
      await rejectsWith(jwks.getKeySet(), "ERR_JWKS_INVALID", "not_a_jwk_set");
    }
  });

  test("an answer other than 200 (404, 500, 201) is refused", async () => {
    for (const status of [404, 500, 201]) {
      const jwks = createRemoteJwks(route(answer(keySetWith("a"), { status })).url);
      await rejectsWith(jwks.getKeySet(), "ERR_JWKS_INVALID", "status");
    }
  });

  test("a redirect is not followed", async () => {
    const target = route(answer(keySetWith("a")));
    for (const status of [301, 302, 307, 308]) {
      const jwks_ = route(answer("", { status, headers: { location: target.url } }));
      await rejectsWith(createRemoteJwks(jwks_.url).getKeySet(), "ERR_JWKS_INVALID", "redirect");
    }
    assert.equal(target.fetches(), 0);
  });

  test("a body of exactly 64 KiB is taken", async () => {
    const set = keySetWith("a");
    const padding = MAX_JWKS_BYTES - JSON.stringify({ ...set, pad: "" }).length;
    const jwks = createRemoteJwks(route(answer({ ...set, pad: "x".repeat(padding) })).url);
    assert.deepEqual(kids(await jwks.getKeySet()), ["a"]);
  });

  test("a body over 64 KiB is refused", async () => {
    const set = keySetWith("a");
    const padding = MAX_JWKS_BYTES + 1 - JSON.stringify({ ...set, pad: "" }).length;
    const jwks = createRemoteJwks(route(answer({ ...set, pad: "x".repeat(padding) })).url);
    await rejectsWith(jwks.getKeySet(), "ERR_JWKS_INVALID", "too_large");
  });

  test("a declared Content-Length over 64 KiB is refused before the body is read", async () => {
    const jwks_ = route((request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(MAX_JWKS_BYTES + 1) });
      response.write("{"); // and nothing more: reading the body would wait for the timeout
    });
    await rejectsWith(createRemoteJwks(jwks_.url, { timeout: 30 }).getKeySet(), "ERR_JWKS_INVALID", "too_large");
  });

  test("an endless body is refused once 64 KiB are read, not read to the end", async () => {
    let closed;
    const stopped = new Promise((resolve) => (closed = resolve));
    const jwks_ = route((request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = `[${" ".repeat(1022)}`;
      const write = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once("drain", write);
      };
      response.on("close", closed);
      write();
    });
    // Reading to the end would run into the timeout (ERR_JWKS_TIMEOUT) instead.
    await rejectsWith(createRemoteJwks(jwks_.url, { timeout: 30 }).getKeySet(), "ERR_JWKS_INVALID", "too_large");
    await stopped;
  });
});

describe("stale if error", () => {
  test("the last good set is served while a refetch fails, until the stale limit", async () => {
    const jwks_ = route(answer(keySetWith("a")));
    const clock = manualClock();
    const jwks = createRemoteJwks(jwks_.url, { cacheMaxAge: "10m", cooldown: "30s", clock });
    await jwks.getKeySet({ kid: "a" });
    for (const failure of [answer("", { status: 503 }), answer("junk")]) {
      server.routes[jwks_.path] = failure;
      clock.advance(600);
      const before = jwks_.fetches();
      assert.deepEqual(kids(await jwks.getKeySet({ kid: "a" })), ["a"]);
      assert.equal(jwks_.fetches(), before + 1);
    }
    clock.advance(STALE_LIMIT - 1200);
    await rejectsWith(jwks.getKeySet({ kid: "a" }), "ERR_JWKS_INVALID", "not_json");
  });

  test("after a failed refetch the server is tried again only after the cooldown", async () => {
    const jwks_ = route(answer(keySetWith("a")));
    const clock = manualClock();
    const jwks = createRemoteJwks(jwks_.url, { cacheMaxAge: "10m", cooldown: "30s", clock });
    await jwks.getKeySet();
    server.routes[jwks_.path] = answer("", { status: 500 });
    clock.advance(600);
    await jwks.getKeySet();
    await jwks.getKeySet();
    await rejectsWith(jwks.getKeySet({ kid: "b" }), "ERR_JWKS_NO_MATCHING_KEY");
    assert.equal(jwks_.fetches(), 2);
    server.routes[jwks_.path] = answer(keySetWith("b"));
    clock.advance(30);
    assert.deepEqual(kids(await jwks.getKeySet()), ["b"]);
    assert.equal(jwks_.fetches(), 3);
  });
});

describe("URL and options", () => {
  test("only https: URLs are taken, and http: only on loopback", () => {
    const taken = ["https://issuer.example/jwks", "http://127.0.0.1:8080/jwks", "http://127.9.9.9/", "http://[::1]:3000/", "http://localhost/", "http://LOCALHOST/"];
    for (const url of taken) assert.equal(createRemoteJwks(url).url, new URL(url).href, url);
    assert.equal(createRemoteJwks(new URL("https://issuer.example/a#frag")).url, "https://issuer.example/a");
    const refused = [
      "http://issuer.example/jwks",
      "http://128.0.0.1/",
      "http://10.0.0.1/",
      "http://127.0.0.1.nip.io/",
      "http://localhost.example/",
      "http://[::2]/",
      "ftp://issuer.example/jwks",
      "file:///etc/jwks.json",
      "data:application/json,{}",
      "/jwks.json",
      "https://user:secret@issuer.example/jwks",
    ];
    for (const url of refused) {
      assert.throws(() => createRemoteJwks(url), { name: "JwtError", code: "ERR_INVALID_OPTIONS" }, url);
    }
    assert.throws(() => createRemoteJwks(42), { code: "ERR_INVALID_OPTIONS" });
  });

  test("durations are read exactly as the package's other durations (verify's maxAge)", async () => {
    const secret = new TextEncoder().encode("a-secret-of-at-least-thirty-two-bytes!");
    const issuedAt = 1_000;
    const token = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuedAt(issuedAt).setExpirationTime(2 ** 41).sign(secret);
    /** The seconds verify's maxAge reads from `value` (up to 2^40), `"huge"` above, or the refusal's code. */
    const verifySeconds = (value) => {
      const passes = (age) => {
        try {
          jwt.verify(token, secret, { maxAge: value, now: issuedAt + age });
          return true;
        } catch (error) {
          if (error.code === "ERR_INVALID_OPTIONS") throw error;
          return false;
        }
      };
      try {
        if (passes(2 ** 40)) return "huge";
      } catch (error) {
        return error.code;
      }
      let [low, high] = [0, 2 ** 40]; // the largest age that passes is maxAge
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (passes(middle)) low = middle;
        else high = middle - 1;
      }
      return low;
    };
    const ourSeconds = (value) => {
      try {
        createRemoteJwks("https://issuer.example/", { cacheMaxAge: value });
        const seconds = durationSeconds(value, "cacheMaxAge");
        return seconds >= 2 ** 40 ? "huge" : seconds;
      } catch (error) {
        return error.code;
      }
    };
    const values = [
      0, 1, 59.9, 2 ** 53, 2 ** 53 + 2, -1, -0, NaN, Infinity, 1e300,
      "10m", " 10m ", "10 m", "30s", "30sec", "2h", "2hrs", "7d", "1w", "2 weeks", "5", "007", "",
      "m", "1.5h", "-5", "+5", "10M", "10 minutes", "10\u00a0m", "\t3\tsecs\r\n", "\v3s", "\f3s",
      "9007199254740992", "9007199254740993", "14892855910w", "14892855911w",
      "99999999999999999999999", "0x10", "1e3", "٣s", true, null, {}, [], ["10m"],
    ];
    for (const value of values) assert.equal(ourSeconds(value), verifySeconds(value), JSON.stringify(value));
  });

  test("unknown option names are refused", () => {
    for (const name of ["cooldwn", "cacheMaxage", "timeoutDuration", "href"]) {
      assert.throws(() => createRemoteJwks("https://issuer.example/", { [name]: 1 }), {
        code: "ERR_INVALID_OPTIONS",
        message: `invalid option "${name}": is not a createRemoteJwks option`,
      });
    }
  });

  test("an option set to undefined is refused", () => {
    for (const name of ["cacheMaxAge", "cooldown", "timeout", "headers", "cache", "clock"]) {
      assert.throws(() => createRemoteJwks("https://issuer.example/", { [name]: undefined }), {
        code: "ERR_INVALID_OPTIONS",
        message: new RegExp(`^invalid option "${name}": must not be undefined`),
      });
    }
  });

  test("options of the wrong kind are refused", () => {
    const wrong = { timeout: 0, cooldown: -1, cacheMaxAge: NaN, headers: "x", cache: {}, clock: 5 };
    for (const [name, value] of Object.entries(wrong)) {
      assert.throws(() => createRemoteJwks("https://issuer.example/", { [name]: value }), { code: "ERR_INVALID_OPTIONS" }, name);
    }
    assert.throws(() => createRemoteJwks("https://issuer.example/", "10m"), { code: "ERR_INVALID_OPTIONS" });
    assert.throws(() => createRemoteJwks("https://issuer.example/").forRequest("id"), { code: "ERR_INVALID_OPTIONS" });
  });

  test("the headers option is sent with every fetch", async () => {
    const seen = [];
    const jwks_ = route((request, response) => {
      seen.push([request.headers.authorization, request.headers.accept]);
      answer(keySetWith("a"))(request, response);
    });
    await createRemoteJwks(jwks_.url, { headers: { authorization: "Bearer t" } }).getKeySet();
    await createRemoteJwks(jwks_.url, { headers: { accept: "application/json" } }).getKeySet();
    assert.deepEqual(seen, [
      ["Bearer t", "application/jwk-set+json, application/json"],
      [undefined, "application/json"],
    ]);
  });
});
