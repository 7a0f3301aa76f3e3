// verifyAsync in a browser page (Chromium), from the package as users install
// it, without a bundler: `jwt-edge/jwk` loads the size build there, which
// hands no signature over (src/js/runtime_signature.rs says why), so
// verifyAsync gives exactly what verify gives, WebCrypto's `verify` is never
// called, and the page downloads only the .wasm it always did.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { serveStatic } from "../../scripts/static-server.mjs";
import { launchChromium, runPage } from "./support/browser.mjs";
import { scratchProject } from "./support/package.mjs";

const project = scratchProject();
let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  project.remove();
});

const now = Math.floor(Date.now() / 1000);

test("in Chromium, verifyAsync gives what verify gives for every algorithm and never calls WebCrypto's verify", async () => {
  const cases = [];
  for (const alg of ["RS256", "PS256", "ES256", "ES384", "ES512", "EdDSA"]) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const key = { ...(await exportJWK(publicKey)), alg };
    const signed = (payload) => new SignJWT(payload).setProtectedHeader({ alg }).sign(privateKey);
    const good = await signed({ sub: "user-1", exp: now + 60 });
    const [header, , signature] = good.split(".");
    const edited = `${header}.${Buffer.from(JSON.stringify({ sub: "admin", exp: now + 60 })).toString("base64url")}.${signature}`;
    cases.push({ token: good, key, code: null }, { token: edited, key, code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    cases.push({ token: await signed({ sub: "user-1", exp: now - 600 }), key, code: "ERR_JWT_EXPIRED" });
  }
  const manifest = JSON.parse(readFileSync(join(project.dir, "node_modules/jwt-edge/package.json"), "utf8"));
  const browserFile = (exported) => (typeof exported === "string" ? exported : browserFile(exported.default ?? exported.import));
  const imports = Object.fromEntries(
    ["./jwk", "./remote-jwks"].map((path) => [`jwt-edge/${path.slice(2)}`, `/node_modules/jwt-edge/${browserFile(manifest.exports[path]).slice(2)}`]),
  );
  writeFileSync(
    join(project.dir, "verify-async.html"),
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module">
let webCryptoChecks = 0;
const subtleVerify = crypto.subtle.verify.bind(crypto.subtle);
crypto.subtle.verify = (...args) => {
  webCryptoChecks += 1;
  return subtleVerify(...args);
};
const { verify } = await import("jwt-edge/jwk");
const { verifyAsync } = await import("jwt-edge/remote-jwks");
async function outcome(call) {
  try {
    return { value: await call() };
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message };
  }
}
const results = [];
for (const { token, key } of ${JSON.stringify(cases)}) {
  results.push({ pure: await outcome(() => verify(token, key)), fast: await outcome(() => verifyAsync(token, key)) });
}
window.__result = { results, webCryptoChecks };
</script>`,
  );
  const server = await serveStatic(project.dir);
  try {
    const { result, errors, requested } = await runPage(browser, `${server.url}/verify-async.html`);
    assert.deepEqual(errors, []);
    result.results.forEach(({ pure, fast }, index) => {
      assert.deepEqual(fast, pure, `case ${index}`);
      assert.equal(fast.code ?? null, cases[index].code, `case ${index}`);
    });
    assert.equal(result.webCryptoChecks, 0);
    assert.deepEqual(requested.filter((path) => path.endsWith(".wasm")), ["/node_modules/jwt-edge/jwt_edge_jwk_bg.wasm"]);
  } finally {
    await server.close();
  }
});
