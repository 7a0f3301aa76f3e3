// The README's JavaScript example runs as written against the built package.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const root = new URL("../../", import.meta.url);

test("the README's JavaScript example runs and prints what its comments say", () => {
  const readme = readFileSync(new URL("README.md", root), "utf8");
  const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, "README has a ```js example");
  const dir = mkdtempSync(join(tmpdir(), "jwt-edge-readme-"));
  try {
    const script = join(dir, "example.mjs");
    writeFileSync(script, example.replace('from "jwt-edge"', `from ${JSON.stringify(new URL("pkg/node.js", root).href)}`));
    const output = execFileSync(process.execPath, [script], { encoding: "utf8" });
    assert.equal(
      output,
      [
        "user-1 [ 'admin' ]",
        "{ alg: 'HS256', typ: 'JWT' }",
        "false",
        "ERR_JWT_CLAIM_VALIDATION_FAILED aud",
        "",
      ].join("\n"),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
