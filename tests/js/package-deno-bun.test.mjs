// The npm package as users install it (npm pack into node_modules), in Deno and
// Bun (the versions of package.json, from npm): the Node checks of
// tests/js/fixtures/node run unchanged in each, with the results Node gives.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { entries, runtimes } from "../../pkg-template/entries.mjs";
import { entryFile } from "../../scripts/package/plan.mjs";
import { binDir, pkgDir, scratchProject } from "./support/package.mjs";

const project = scratchProject();
after(() => project.remove());

// Deno resolves a bare specifier from node_modules when package.json names
// it, as `npm install` writes it.
const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
writeFileSync(join(project.dir, "package.json"), JSON.stringify({ private: true, dependencies: { "jwt-edge": version } }));

// Each runtime's command for a script, reading nothing outside the project
// (Deno's permissions) and writing its caches there, with no update checks.
const commands = {
  deno: (script) => [
    join(binDir, "deno"),
    ["run", `--allow-read=${project.dir}`, script],
    { DENO_DIR: join(project.dir, ".deno"), DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1", NO_COLOR: "1" },
  ],
  bun: (script) => [join(binDir, "bun"), ["run", script], { BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0", DO_NOT_TRACK: "1" }],
  node: (script) => [process.execPath, [script], {}],
};

/** Runs `script` (a path in the project) in `runtime` and returns its JSON output. */
function run(runtime, script) {
  const [command, args, env] = commands[runtime](join(project.dir, script));
  const output = execFileSync(command, args, { cwd: project.dir, encoding: "utf8", env: { ...process.env, ...env } });
  return JSON.parse(output);
}

const checks = {
  "node/esm.mjs": "import gives the reference results: sign, verify, decode, Verifier, Signer, JwtError codes, text",
  "node/cjs.cjs": "require gives a usable module with the reference results",
  "node/verify.mjs": "jwt-edge/verify (import) gives the same results without signing",
  "node/verify.cjs": "jwt-edge/verify (require) gives the same results without signing",
  "node/dual.mjs": "the ES module and CommonJS builds share one JwtError class",
  "node/runtime-crypto.mjs": "RS*, PS* and ES* signatures, checked by the runtime's node:crypto, give the same outcomes",
  "node/runtime-crypto-sign.mjs": "ES* and EdDSA signatures, made by the runtime's node:crypto, verify, with the same refusals",
};
const nodeResults = Object.fromEntries(Object.keys(checks).map((script) => [script, run("node", script)]));

test("the Node results the runtimes must match are the package's", () => {
  assert.equal(nodeResults["node/esm.mjs"].verified.sub, "user-1");
  assert.equal(nodeResults["node/esm.mjs"].errors.expired.code, "ERR_JWT_EXPIRED");
  assert.deepEqual(nodeResults["node/dual.mjs"], { sameClass: true, crossInstance: true });
  const failed = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  for (const [name, outcomes] of Object.entries(nodeResults["node/runtime-crypto.mjs"])) {
    assert.deepEqual(outcomes, Array(3).fill(name.endsWith("good") ? "user-1" : failed), name);
  }
  const { rfc8037, ...signed } = nodeResults["node/runtime-crypto-sign.mjs"];
  for (const [alg, results] of Object.entries(signed)) {
    assert.deepEqual(results, { verified: Array(3).fill("user-1"), kid: Array(3).fill(true), refused: ["ERR_JWK_INVALID", "ERR_KEY_INVALID", "ERR_JWT_INVALID"] }, alg);
  }
  assert.equal(rfc8037[0], rfc8037[1]);
});

// Both resolve the package as Node does (its `node` conditions): the build
// for speed, read from the package's files.
writeFileSync(
  join(project.dir, "resolve.mjs"),
  `const specifiers = ${JSON.stringify(entries.map((entry) => `jwt-edge${entry.path.slice(1)}`))};
console.log(JSON.stringify({
  runtime: typeof Deno === "object" ? "deno" : typeof Bun === "object" ? "bun" : "node",
  files: specifiers.map((specifier) => import.meta.resolve(specifier).split("/node_modules/jwt-edge/")[1]),
}));
`,
);

for (const runtime of ["deno", "bun"]) {
  describe(`in ${runtime === "deno" ? "Deno" : "Bun"}`, () => {
    test("every entry resolves to the file Node imports", () => {
      assert.deepEqual(run(runtime, "resolve.mjs"), {
        runtime,
        files: entries.map((entry) => entryFile(entry, runtimes["node-import"])),
      });
    });

    for (const [script, rule] of Object.entries(checks)) {
      test(`${rule} (${script})`, () => {
        assert.deepEqual(run(runtime, script), nodeResults[script]);
      });
    }
  });
}
