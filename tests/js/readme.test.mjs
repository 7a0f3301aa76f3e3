// The READMEs' first JavaScript examples run as written against the built
// package: the project's (README.md) and the package's (pkg-template/README.md,
// which npm shows).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const root = new URL("../../", import.meta.url);

/** What the first ```js example of `readme` prints, run against the package's Node entry. */
function runFirstExample(readme) {
  const example = /```js\n([\s\S]*?)```/.exec(readFileSync(new URL(readme, root), "utf8"))?.[1];
  assert.ok(example, `${readme} has a \`\`\`js example`);
  const dir = mkdtempSync(join(tmpdir(), "jwt-edge-readme-"));
  try {
    const script = join(dir, "example.mjs");
    writeFileSync(script, example.replace('from "jwt-edge"', `from ${JSON.stringify(new URL("pkg/node.js", root).href)}`));
    return execFileSync(process.execPath, [script], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the README's JavaScript example runs and prints what its comments say", () => {
  assert.equal(
    runFirstExample("README.md"),
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
    runFirstExample("pkg-template/README.md"),
    ["user-1", "{ alg: 'HS256', typ: 'JWT' }", "ERR_JWT_CLAIM_VALIDATION_FAILED aud", ""].join("\n"),
  );
});
