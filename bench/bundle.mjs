// How the benchmarks bundle a peer library's import, as a user's bundler
// would for production: esbuild, minified, one ES module.
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;

/**
 * The minified bundle of `source` (an entry module's text, resolved from the
 * repository's root) for `platform` ("browser", or "node" with Node's
 * built-ins left out), as bytes.
 */
export async function bundle(source, platform = "browser") {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  return result.outputFiles[0].contents;
}
