// Every `npx wrangler …` command the README documents (deploying, creating the
// first admin, rotating the key) names commands, arguments and flags that the
// pinned wrangler has: checked against its own `--help`, offline.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { binDir } from "./support/package.mjs";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");

/** The README's wrangler commands: each ```sh line (joined at `\`) from `npx wrangler` to a pipe, `;` or comment. */
function documentedCommands() {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1].replace(/\\\n\s*/g, " "));
  return blocks
    .flatMap((block) => block.split("\n"))
    .flatMap((line) => [...line.matchAll(/npx wrangler ([^|#;]*)/g)].map((match) => match[1].trim()))
    .map((command) => command.match(/"[^"]*"|'[^']*'|\S+/g));
}

const helpCache = new Map();
/** `wrangler <words> --help`, as the pinned version prints it. */
function help(words) {
  const key = words.join(" ");
  if (!helpCache.has(key)) {
    const text = execFileSync(join(binDir, "wrangler"), [...words, "--help"], {
      cwd: new URL("worker/", root),
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" },
    });
    helpCache.set(key, text);
  }
  return helpCache.get(key);
}

/** Reads a command line as wrangler would: its subcommands, then positionals and flags (a flag not `[boolean]` takes the next token). */
function parse(tokens) {
  const words = [];
  let rest = tokens;
  while (rest.length > 0 && !rest[0].startsWith("-") && listsCommand(words, rest[0])) {
    words.push(rest[0]);
    rest = rest.slice(1);
  }
  const text = words.length > 0 ? help(words) : "";
  const positionals = [];
  const flags = [];
  for (let i = 0; i < rest.length; i++) {
    if (!rest[i].startsWith("-")) {
      positionals.push(rest[i]);
      continue;
    }
    const flag = rest[i].split("=")[0];
    flags.push(flag);
    const described = text.split("\n").find((line) => new RegExp(`(^|[\\s,])${flag}(\\s|$)`).test(line));
    if (described && !/\[boolean\]/.test(described) && !rest[i].includes("=")) i += 1;
  }
  return { words, positionals, flags, text };
}

function listsCommand(words, token) {
  return new RegExp(`^\\s+wrangler ${[...words, token].join(" ")}(\\s|$)`, "m").test(help(words));
}

test("the README documents wrangler commands (the check below reads some)", () => {
  const commands = documentedCommands().map((tokens) => tokens.join(" "));
  for (const expected of ["login", "d1 create", "d1 migrations apply", "secret put", "deploy", "d1 execute"]) {
    assert.ok(commands.some((command) => command.startsWith(expected)), `no \`npx wrangler ${expected}\` in the README`);
  }
});

test("every wrangler command in the README exists in the pinned wrangler, with its arguments and flags", () => {
  for (const tokens of documentedCommands()) {
    const { words, positionals, flags, text } = parse(tokens);
    const line = `npx wrangler ${tokens.join(" ")}`;
    assert.ok(words.length > 0, `${line}: not a wrangler command`);
    const usage = text.split("\n")[0];
    assert.equal(usage.replace(/ [<[].*$/, ""), `wrangler ${words.join(" ")}`, `${line}: wrangler's help is for another command`);
    const required = (usage.match(/<[^>]+>/g) ?? []).length;
    const optional = (usage.match(/\[[^\]]+\]/g) ?? []).length;
    assert.ok(
      positionals.length >= required && positionals.length <= required + optional,
      `${line}: ${positionals.length} arguments, wrangler ${words.join(" ")} takes ${required} to ${required + optional} (${usage})`,
    );
    for (const flag of flags) {
      assert.match(text, new RegExp(`(^|[\\s,])${flag}(\\s|\\s*\\[|$)`, "m"), `${line}: wrangler ${words.join(" ")} has no ${flag}`);
    }
  }
});
