// `make dev`: serves the demo page (www/) and the built package (pkg/).
import { serveStatic } from "./static-server.mjs";

const root = new URL("..", import.meta.url).pathname;
const port = Number(process.env.PORT ?? 8787);
const { url } = await serveStatic({ "/": `${root}www`, "/pkg/": `${root}pkg` }, { port });
console.log(`jwt-edge demo on ${url} (Ctrl-C stops it)`);
