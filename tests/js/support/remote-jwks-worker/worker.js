// A Worker that reads remote JWK Sets with createRemoteJwks (imported from the
// package's source, bundled by wrangler), for tests/js/remote-jwks-workerd.test.mjs.
//
// GET /?jwks=URL[&callers=N][&cache=api][&scope=request] answers
// `{ kids, callers }`, the kids of the set N concurrent callers got, or
// `{ code }` with status 500. One RemoteJwks per URL and cache choice lives as
// long as the isolate, as an application's would.
import { createRemoteJwks } from "../../../../pkg-template/remote-jwks/remote-jwks.js";

const remoteSets = new Map();

function remoteSet(url, useCacheApi) {
  const key = `${useCacheApi} ${url}`;
  if (!remoteSets.has(key)) remoteSets.set(key, createRemoteJwks(url, useCacheApi ? { cache: caches.default } : {}));
  return remoteSets.get(key);
}

export default {
  async fetch(request) {
    const params = new URL(request.url).searchParams;
    if (!params.has("jwks")) return new Response("ready");
    const shared = remoteSet(params.get("jwks"), params.get("cache") === "api");
    const jwks = params.get("scope") === "request" ? shared.forRequest(request) : shared;
    const callers = Number(params.get("callers") ?? "1");
    try {
      const sets = await Promise.all(Array.from({ length: callers }, () => jwks.getKeySet()));
      return Response.json({ kids: sets[0].keys.map((key) => key.kid), callers: sets.length });
    } catch (error) {
      return Response.json({ code: error.code ?? String(error) }, { status: 500 });
    }
  },
};
