// The npm package as users install it (npm pack), in every runtime it supports:
// Node (import and require), a browser page without a bundler, a Vite-bundled
// app in Chromium and Firefox, and a JavaScript Cloudflare Worker under wrangler dev.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { inEachPageBrowser } from "./support/browser.mjs";
import { binDir, pkgDir, scratchProject } from "./support/package.mjs";
import { serveStatic } from "../../scripts/static-server.mjs";
import { startWrangler } from "./support/worker.mjs";
import { REFERENCE_TOKEN } from "./fixtures/check.js";

const project = scratchProject();
after(() => project.remove());

function runNode(script) {
  return JSON.parse(execFileSync(process.execPath, [join(project.dir, script)], { encoding: "utf8" }));
}

// The Node ES module result is the reference every other runtime must match.
const reference = runNode("node/esm.mjs");

test("the reference run signs, verifies and reports errors by code", () => {
  assert.equal(reference.verified.sub, "user-1");
  assert.deepEqual(reference.verified.roles, ["admin"]);
  assert.equal(reference.verified.exp, 1_700_000_900);
  assert.deepEqual(reference.decoded.header, { alg: "HS256", typ: "JWT" });
  assert.equal(reference.expiresAt, 1_700_000_900);
  assert.equal(reference.secondsUntilExpiry, 800);
  assert.deepEqual(reference.isExpired, [false, true]);
  assert.deepEqual(reference.verifier, reference.verified);
  assert.match(reference.signer, /^eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9\./);
  const jwtError = (code, claim) => ({ name: "JwtError", code, ...(claim && { claim }), isJwtError: true, isError: true });
  assert.deepEqual(reference.errors, {
    expired: jwtError("ERR_JWT_EXPIRED", "exp"),
    forged: jwtError("ERR_JWS_SIGNATURE_VERIFICATION_FAILED"),
    shortKey: jwtError("ERR_KEY_INVALID"),
    badOption: jwtError("ERR_INVALID_OPTIONS"),
    notAToken: jwtError("ERR_JWS_INVALID"),
    notAsciiToken: jwtError("ERR_JWS_INVALID"),
  });
  assert.deepEqual(reference.text, {
    verified: ["plain", "café", "naïve 日本語", "🔑 key", `${"a".repeat(200)}é`, "ü"],
    decoded: "ü",
  });
});

// What `jwt-edge/verify` must give in every runtime: the reference run's
// results for the same calls, only the exports that do not sign, and the
// package's one JwtError class.
const verifyReference = {
  exports: ["JwtError", "Verifier", "decode", "expiresAt", "isExpired", "secondsUntilExpiry", "verify"],
  verified: reference.verified,
  decoded: reference.decoded,
  expiresAt: reference.expiresAt,
  secondsUntilExpiry: reference.secondsUntilExpiry,
  isExpired: reference.isExpired,
  verifier: reference.verifier,
  errors: {
    expired: reference.errors.expired,
    forged: reference.errors.forged,
    shortKey: reference.errors.shortKey,
    badOption: reference.errors.badOption,
    notAToken: reference.errors.notAToken,
  },
  sameJwtError: true,
};

test("the verify-only checks start from the reference run's token", () => {
  assert.equal(reference.token, REFERENCE_TOKEN);
});

test("node: jwt-edge/verify (import and require) gives the same results without signing", () => {
  assert.deepEqual(runNode("node/verify.mjs"), verifyReference);
  assert.deepEqual(runNode("node/verify.cjs"), verifyReference);
});

test("node: require gives a usable module with the same results", () => {
  assert.deepEqual(runNode("node/cjs.cjs"), reference);
});

test("node: the ES module and CommonJS builds share one JwtError class", () => {
  assert.deepEqual(runNode("node/dual.mjs"), { sameClass: true, crossInstance: true });
});

test("the packed files are exactly the package's files list", () => {
  const { files } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  assert.deepEqual(project.packedFiles(), [...files, "package.json"].sort());
});

test("types: a strict TypeScript consumer compiles (ESM and CommonJS), and misuse does not", () => {
  execFileSync(join(binDir, "tsc"), ["-p", join(project.dir, "types/tsconfig.json")], { encoding: "utf8" });
});

test("publint reports no problems", () => {
  const output = execFileSync(join(binDir, "publint"), ["run", pkgDir, "--strict"], { encoding: "utf8" });
  assert.match(output, /All good!/);
});

test("arethetypeswrong reports no problems", () => {
  execFileSync(join(binDir, "attw"), ["--pack", pkgDir, "--format", "table-flipped"], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
});

inEachPageBrowser((runPage) => {
  test("a page with <script type=module> and no bundler", async () => {
    const server = await serveStatic(project.dir);
    try {
      const { result, errors, requested } = await runPage(`${server.url}/browser/index.html`);
      assert.deepEqual(errors, []);
      assert.deepEqual(result, reference);
      // Browsers download the build optimized for size, never the speed build.
      assert.deepEqual(
        requested.filter((path) => path.endsWith(".wasm")),
        ["/node_modules/jwt-edge/jwt_edge_bg.wasm"],
      );
    } finally {
      await server.close();
    }
  });

  test("jwt-edge/verify on a page with no bundler fetches only the module without signing", async () => {
    const server = await serveStatic(project.dir);
    try {
      const { result, errors, requested } = await runPage(`${server.url}/browser/verify.html`);
      assert.deepEqual(errors, []);
      assert.deepEqual(result, verifyReference);
      // Two requests to the package: the entry (its glue bundled in) and the .wasm.
      assert.deepEqual(
        requested.filter((path) => path.startsWith("/node_modules/jwt-edge/")),
        ["/node_modules/jwt-edge/verify.js", "/node_modules/jwt-edge/jwt_edge_verify_bg.wasm"],
      );
    } finally {
      await server.close();
    }
  });

  /** Builds the Vite app in fixtures/`app`, opens it, and returns its result and the .wasm it fetched. */
  async function runViteApp(app) {
    const appDir = join(project.dir, app);
    execFileSync(join(binDir, "vite"), ["build", "--logLevel", "warn", "--outDir", "dist"], {
      cwd: appDir,
      encoding: "utf8",
    });
    const server = await serveStatic(join(appDir, "dist"));
    try {
      const { result, errors, requested } = await runPage(`${server.url}/index.html`);
      assert.deepEqual(errors, []);
      const wasm = requested.filter((path) => path.endsWith(".wasm"));
      assert.equal(wasm.length, 1);
      return { result, wasm: readFileSync(join(appDir, "dist", wasm[0])) };
    } finally {
      await server.close();
    }
  }

  test("an app bundled by Vite that imports from \"jwt-edge\"", async () => {
    const { result, wasm } = await runViteApp("bundle");
    assert.deepEqual(result, reference);
    assert.ok(wasm.equals(readFileSync(join(pkgDir, "jwt_edge_bg.wasm"))), "the bundle ships the build optimized for size");
  });

  test("an app bundled by Vite that imports from \"jwt-edge/verify\"", async () => {
    const { result, wasm } = await runViteApp("bundle-verify");
    assert.deepEqual(result, verifyReference);
    assert.ok(wasm.equals(readFileSync(join(pkgDir, "jwt_edge_verify_bg.wasm"))), "the bundle ships the module without signing");
  });
});

test("a JavaScript Cloudflare Worker under wrangler dev (workerd)", async () => {
  const worker = await startWrangler(join(project.dir, "worker"));
  try {
    const response = await fetch(worker.url);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), reference);
    const verifyOnly = await fetch(new URL("/verify", worker.url));
    assert.equal(verifyOnly.status, 200);
    assert.deepEqual(await verifyOnly.json(), verifyReference);
  } finally {
    await worker.stop();
  }
});
