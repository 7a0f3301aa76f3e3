// Every entry of pkg-template/entries.mjs, from the package as users install
// it (npm pack), resolves and loads in every runtime the table names: Node
// (import and require), a browser page without a bundler, and workerd under
// wrangler dev; each gives exactly its table row's exports, loads the build
// its row says, and its declarations compile. The probes are generated from
// the table, so a new row is checked with no change here.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { entries, runtimes, sourceEntries } from "../../pkg-template/entries.mjs";
import { profiles } from "../../scripts/build-profiles.mjs";
import { importJWK, SignJWT } from "jose";
import { apiIn, entryFile, packagePlan } from "../../scripts/package/plan.mjs";
import { serveStatic } from "../../scripts/static-server.mjs";
import { inEachPageBrowser } from "./support/browser.mjs";
import { binDir, browserFile, scratchProject } from "./support/package.mjs";
import { startWrangler } from "./support/worker.mjs";
import { REFERENCE_TOKEN } from "./fixtures/check.js";

const project = scratchProject();
after(() => project.remove());
const installed = join(project.dir, "node_modules/jwt-edge");
const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
const plan = packagePlan({ runtimes, entries, sourceEntries, profiles });

const specifier = (path) => (path === "." ? "jwt-edge" : `jwt-edge/${path.slice(2)}`);
const all = [...entries, ...sourceEntries];
const specifiers = all.map(({ path }) => specifier(path));

/** What each specifier must give where it loads its `load` build: its row's values (and JwtError, for the entries that load WebAssembly). */
const expectedIn = (load) =>
  Object.fromEntries(
    all.map((entry) => {
      const values = apiIn(entry.values, load);
      const exportsList = [...(entries.includes(entry) ? ["JwtError"] : []), ...values].sort();
      const decoded = values.includes("decode") ? { sub: "user-1" } : null;
      // An entry with the asymmetric API verifies an EdDSA token with a public JWK.
      const asymmetric = values.includes("importJwk") ? "user-1" : null;
      return [specifier(entry.path), { exports: exportsList, sameJwtError: true, decoded, asymmetric }];
    }),
  );
const expected = expectedIn("speed");
const expectedInBrowsers = expectedIn(runtimes.browser.loads);

// An EdDSA token jose signs with RFC 8037's key, and its public JWK.
const rfc8037 = { kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" };
const eddsaToken = await new SignJWT({ sub: "user-1" })
  .setProtectedHeader({ alg: "EdDSA" })
  .setExpirationTime(2_000_000_000)
  .sign(await importJWK({ ...rfc8037, d: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A" }, "EdDSA"));

// The probe every runtime runs on each module: its exports, whether its
// JwtError is the package's one class, a token decoded through its
// WebAssembly where it can decode, and an EdDSA token verified with a JWK
// where it has the asymmetric API.
const probeSource = `function probe(module) {
  const names = Object.keys(module).filter((name) => name !== "default").sort();
  const shared = globalThis[Symbol.for("jwt-edge.JwtError")];
  return {
    exports: names,
    sameJwtError: !("JwtError" in module) || module.JwtError === shared,
    decoded: typeof module.decode === "function" ? { sub: module.decode(${JSON.stringify(REFERENCE_TOKEN)}).payload.sub } : null,
    asymmetric: typeof module.importJwk === "function"
      ? module.verify(${JSON.stringify(eddsaToken)}, module.importJwk(${JSON.stringify(rfc8037)}, "EdDSA"), { now: 1700000000 }).sub
      : null,
  };
}`;

test("package.json's exports and files are the table's, and every path in exports is a packed file", () => {
  assert.deepEqual(manifest.exports, plan.manifest.exports);
  assert.deepEqual([...manifest.files].sort(), [...plan.manifest.files].sort());
  const leaves = (value) => (typeof value === "string" ? [value] : Object.values(value).flatMap(leaves));
  const packed = new Set(project.packedFiles());
  for (const file of leaves(manifest.exports)) assert.ok(packed.has(file.slice(2)), file);
});

/** Runs `source` as a Node program in the scratch project and returns its JSON output. */
function runNode(name, source) {
  const file = join(project.dir, name);
  writeFileSync(file, source);
  return JSON.parse(execFileSync(process.execPath, [file], { encoding: "utf8" }));
}

test("node: every entry resolves for import to its table file and gives its row's exports", () => {
  const result = runNode(
    "probe-import.mjs",
    `${probeSource}
const result = {};
for (const specifier of ${JSON.stringify(specifiers)}) {
  result[specifier] = { ...probe(await import(specifier)), file: import.meta.resolve(specifier).split("/jwt-edge/")[1] };
}
console.log(JSON.stringify(result));`,
  );
  for (const entry of all) {
    const file = entries.includes(entry) ? entryFile(entry, runtimes["node-import"]) : `${entry.path.slice(2)}.js`;
    assert.deepEqual(result[specifier(entry.path)], { ...expected[specifier(entry.path)], file });
  }
});

test("node: every entry resolves for require to its table file and gives its row's exports", () => {
  const result = runNode(
    "probe-require.cjs",
    `${probeSource}
const result = {};
for (const specifier of ${JSON.stringify(specifiers)}) {
  result[specifier] = { ...probe(require(specifier)), file: require.resolve(specifier).split("/jwt-edge/")[1] };
}
console.log(JSON.stringify(result));`,
  );
  for (const entry of all) {
    const file = entries.includes(entry) ? entryFile(entry, runtimes["node-require"]) : `${entry.path.slice(2)}.cjs`;
    assert.deepEqual(result[specifier(entry.path)], { ...expected[specifier(entry.path)], file });
  }
});

test("types: every entry's values and types are declared, for import and require", () => {
  const dir = join(project.dir, "types-table");
  mkdirSync(dir, { recursive: true });
  // Each value used and each type named, from each entry, as ES module and CommonJS consumers.
  const lines = (format) =>
    all.flatMap((entry, index) => {
      const from = specifier(entry.path);
      // TypeScript resolves the Node conditions: the speed build's API.
      const types = apiIn(entry.types ?? [], "speed");
      const values = apiIn(entry.values, "speed").map((name) => `e${index}.${name}`).join(", ");
      const head = format === "cjs" ? `import e${index} = require("${from}");` : `import * as e${index} from "${from}";`;
      return [head, `console.log(${values});`, ...types.map((name) => `export type T${index}${name} = e${index}.${name};`)];
    });
  writeFileSync(join(dir, "table.mts"), `${lines("esm").join("\n")}\n`);
  writeFileSync(join(dir, "table.cts"), `${lines("cjs").join("\n")}\n`);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], skipLibCheck: false, types: [] },
      files: ["table.mts", "table.cts"],
    }),
  );
  execFileSync(join(binDir, "tsc"), ["-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
});


inEachPageBrowser((runPage) => {
  for (const entry of all) {
    const from = specifier(entry.path);
    test(`a page without a bundler imports ${from} and fetches the .wasm of its table row`, async () => {
      const imports = Object.fromEntries(
        Object.entries(manifest.exports)
          .filter(([path]) => path !== "./package.json")
          .map(([path, exported]) => [specifier(path), `/node_modules/jwt-edge/${browserFile(exported).slice(2)}`]),
      );
      const page = join(project.dir, `probe-${entry.path === "." ? "index" : entry.path.slice(2)}.html`);
      writeFileSync(
        page,
        `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module">
${probeSource}
try {
  window.__result = probe(await import(${JSON.stringify(from)}));
} catch (error) {
  window.__result = { failed: String(error) };
}
</script>`,
      );
      const server = await serveStatic(project.dir);
      try {
        const { result, errors, requested } = await runPage(`${server.url}/${page.split("/").pop()}`);
        assert.deepEqual(errors, []);
        assert.deepEqual(result, expectedInBrowsers[from]);
        if (entries.includes(entry)) {
          const wasm = requested.filter((path) => path.endsWith(".wasm"));
          assert.deepEqual(wasm, [`/node_modules/jwt-edge/${profiles[entry.builds[runtimes.browser.loads]].wasm}`]);
        }
      } finally {
        await server.close();
      }
    });
  }
});

test("workerd: a JavaScript Worker under wrangler dev imports every entry and gets its row's exports", async () => {
  const dir = join(project.dir, "worker-table");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "worker.js"),
    `${specifiers.map((from, index) => `import * as entry${index} from "${from}";`).join("\n")}
${probeSource}
const modules = { ${specifiers.map((from, index) => `${JSON.stringify(from)}: entry${index}`).join(", ")} };
export default {
  fetch() {
    return Response.json(Object.fromEntries(Object.entries(modules).map(([from, module]) => [from, probe(module)])));
  },
};
`,
  );
  writeFileSync(join(dir, "wrangler.toml"), 'name = "jwt-edge-entries-check"\nmain = "worker.js"\ncompatibility_date = "2025-09-01"\n');
  const worker = await startWrangler(dir);
  try {
    const response = await fetch(worker.url);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), expected);
  } finally {
    await worker.stop();
  }
});
