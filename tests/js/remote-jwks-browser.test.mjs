// An identity provider's tokens verify in a page as they do in Node and
// workerd, with the same calls: a page without a bundler imports
// `jwt-edge/remote-jwks` from the installed package and verifies RS256 and
// ES256 tokens jose signed against the provider's JWK Set, fetched across
// origins from a local stand-in provider; in Chromium and Firefox.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { serveStatic } from "../../scripts/static-server.mjs";
import { inEachPageBrowser } from "./support/browser.mjs";
import { answer, startJwksServer } from "./support/jwks-server.mjs";
import { browserFile, scratchProject } from "./support/package.mjs";

const project = scratchProject();
const manifest = JSON.parse(readFileSync(join(project.dir, "node_modules/jwt-edge/package.json"), "utf8"));
const now = Math.floor(Date.now() / 1000);
const issuer = "https://issuer.example";

let provider;
let site;
let tokens;
before(async () => {
  const rsa = await generateKeyPair("RS256", { extractable: true });
  const ec = await generateKeyPair("ES256", { extractable: true });
  const keys = [
    { ...(await exportJWK(rsa.publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" },
    { ...(await exportJWK(ec.publicKey)), kid: "ec-1", alg: "ES256", use: "sig" },
  ];
  const signed = (alg, kid, privateKey, audience = "api") =>
    new SignJWT({ sub: "user-1" })
      .setProtectedHeader({ alg, kid, typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(privateKey);
  tokens = {
    rs256: await signed("RS256", "rsa-1", rsa.privateKey),
    es256: await signed("ES256", "ec-1", ec.privateKey),
    unknownKid: await signed("RS256", "rsa-2", rsa.privateKey),
    otherAudience: await signed("RS256", "rsa-1", rsa.privateKey, "another-api"),
  };
  // A provider's JWKS endpoint answers pages on other origins (as Auth0's,
  // Cognito's and Google's do).
  provider = await startJwksServer({
    "/.well-known/jwks.json": answer({ keys }, { headers: { "access-control-allow-origin": "*", "cache-control": "max-age=300" } }),
  });
  site = await serveStatic(project.dir);
  writeFileSync(join(project.dir, "remote-jwks.html"), page());
});
after(async () => {
  await Promise.all([provider?.close(), site?.close()]);
  project.remove();
});

function page() {
  const imports = Object.fromEntries(
    Object.entries(manifest.exports)
      .filter(([path]) => path !== "./package.json")
      .map(([path, exported]) => [path === "." ? "jwt-edge" : `jwt-edge/${path.slice(2)}`, `/node_modules/jwt-edge/${browserFile(exported).slice(2)}`]),
  );
  return `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module">
import { createRemoteJwks, verifyAsync } from "jwt-edge/remote-jwks";
const tokens = JSON.parse(new URLSearchParams(location.search).get("tokens"));
const jwks = createRemoteJwks(new URLSearchParams(location.search).get("jwks"));
const options = { issuer: ${JSON.stringify(issuer)}, audience: "api" };
const outcome = (promise) => promise.then((payload) => ({ sub: payload.sub }), (error) => ({ code: error.code }));
window.__result = {
  rs256: await outcome(verifyAsync(tokens.rs256, jwks, options)),
  es256: await outcome(verifyAsync(tokens.es256, jwks, options)),
  forged: await outcome(verifyAsync(tokens.rs256.slice(0, -4) + "AAAA", jwks, options)),
  unknownKid: await outcome(verifyAsync(tokens.unknownKid, jwks, options)),
  otherAudience: await outcome(verifyAsync(tokens.otherAudience, jwks, options)),
};
</script>`;
}

inEachPageBrowser((runPage) => {
  test("a page verifies a provider's RS256 and ES256 tokens against its remote JWK Set, fetched once", async () => {
    const before = provider.requests("/.well-known/jwks.json");
    const query = new URLSearchParams({ tokens: JSON.stringify(tokens), jwks: provider.url("/.well-known/jwks.json") });
    const { result, errors } = await runPage(`${site.url}/remote-jwks.html?${query}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(result, {
      rs256: { sub: "user-1" },
      es256: { sub: "user-1" },
      forged: { code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" },
      unknownKid: { code: "ERR_JWKS_NO_MATCHING_KEY" },
      otherAudience: { code: "ERR_JWT_CLAIM_VALIDATION_FAILED" },
    });
    // The unknown kid came within the cooldown of the first fetch: no refetch.
    assert.equal(provider.requests("/.well-known/jwks.json") - before, 1);
  });
});
