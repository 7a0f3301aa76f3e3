// A token over the length cap is refused before it is copied into the
// package's WebAssembly memory, which never shrinks: refusing a 100 MB token
// leaves a Node process no larger. Each export is measured in a child process
// of its own against a control run that makes the same token and calls nothing.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";

const entry = new URL("../../pkg/node.js", import.meta.url).href;
const MiB = 1024 * 1024;

/** The growth of a child's resident memory, in bytes, over three calls of `call` with a 100 MB token. */
function growth(call) {
  const script = `
    const jwt = await import(${JSON.stringify(entry)});
    const key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const verifier = new jwt.Verifier(key);
    const token = Buffer.alloc(100 * 1024 * 1024, "eyJhbGciOiJIUzI1NiJ9.").toString("latin1");
    const settle = () => { for (let i = 0; i < 3; i++) globalThis.gc(); return process.memoryUsage().rss; };
    const before = settle();
    for (let i = 0; i < 3; i++) {
      try {
        ${call};
        throw new Error("accepted a 100 MB token");
      } catch (error) {
        if (error.message === "accepted a 100 MB token") throw error;
        if (error.code !== "ERR_JWS_INVALID") throw error;
      }
    }
    process.stdout.write(String(settle() - before));
  `;
  const output = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  return Number(output);
}

const control = growth('throw Object.assign(new Error("not called"), { code: "ERR_JWS_INVALID" })');

for (const [name, call] of [
  ["verify", "jwt.verify(token, key)"],
  ["Verifier.verify", "verifier.verify(token)"],
  ["decode", "jwt.decode(token)"],
  ["expiresAt", "jwt.expiresAt(token)"],
  ["secondsUntilExpiry", "jwt.secondsUntilExpiry(token)"],
  ["isExpired", "jwt.isExpired(token)"],
]) {
  test(`${name}: refusing a 100 MB token leaves the process no larger than a few MB`, () => {
    const grown = growth(call) - control;
    assert.ok(grown < 4 * MiB, `${name} grew the process by ${(grown / MiB).toFixed(1)} MiB more than the control run`);
  });
}
