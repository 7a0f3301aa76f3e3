// The READMEs' first JavaScript examples (and the project README's public-key
// example) run as written against the built
// package: the project's (README.md) and the package's (pkg-template/README.md,
// which npm shows).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const root = new URL("../../", import.meta.url);

/** What the `index`th ```js example of `readme` prints, run against the package's Node entry. */
function runExample(readme, index = 0) {
  const examples = [...readFileSync(new URL(readme, root), "utf8").matchAll(/```js\n([\s\S]*?)```/g)];
  const example = examples[index]?.[1];
  assert.ok(example, `${readme} has a \`\`\`js example number ${index + 1}`);
  const dir = mkdtempSync(join(tmpdir(), "jwt-edge-readme-"));
  try {
    const script = join(dir, "example.mjs");
    writeFileSync(script, example.replace('from "jwt-edge"', `from ${JSON.stringify(new URL("pkg/node.js", root).href)}`));
    return execFileSync(process.execPath, [script], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the README's server-side JavaScript example runs and prints what its comments say", () => {
  assert.equal(
    runExample("README.md", 1),
    [
      "user-1 [ 'admin' ]",
      "{ alg: 'HS256', typ: 'JWT' }",
      "false",
      "ERR_JWT_CLAIM_VALIDATION_FAILED aud",
      "",
    ].join("\n"),
  );
});

test("the package README's JavaScript example runs and prints what its comments say", () => {
  assert.equal(
    runExample("pkg-template/README.md"),
    ["user-1", "{ alg: 'HS256', typ: 'JWT' }", "ERR_JWT_CLAIM_VALIDATION_FAILED aud", ""].join("\n"),
  );
});

test("the README's public-key example runs and prints what its comments say", () => {
  assert.equal(
    runExample("README.md", 3),
    ["true", "user-1", "user-1", "EdDSA", "ERR_JWKS_NO_MATCHING_KEY", ""].join("\n"),
  );
});
