// Installs the assembled package the way users get it: `npm pack` of pkg/,
// unpacked into node_modules/jwt-edge of a fresh scratch project.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const repoRoot = new URL("../../../", import.meta.url).pathname;
export const pkgDir = join(repoRoot, "pkg");
export const binDir = join(repoRoot, "node_modules/.bin");

/** A scratch project with the packed `jwt-edge` installed and tests/js/fixtures copied in. */
export function scratchProject() {
  const dir = mkdtempSync(join(tmpdir(), "jwt-edge-test-"));
  const packed = execFileSync("npm", ["pack", pkgDir, "--pack-destination", dir, "--silent"], {
    encoding: "utf8",
  }).trim().split("\n").pop();
  const target = join(dir, "node_modules/jwt-edge");
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["xzf", join(dir, packed), "-C", target, "--strip-components=1"]);
  cpSync(join(repoRoot, "tests/js/fixtures"), dir, { recursive: true });
  return {
    dir,
    packedFiles: () => readdirSync(target).sort(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Where a browser's import of an export goes: its `import` or `default` condition, as bundlers resolve it. */
export function browserFile(exported) {
  if (typeof exported === "string") return exported;
  for (const [condition, value] of Object.entries(exported)) {
    if (["browser", "import", "default"].includes(condition)) return browserFile(value);
  }
  throw new Error(`no browser condition in ${JSON.stringify(exported)}`);
}
