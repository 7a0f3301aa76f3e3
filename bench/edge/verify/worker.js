// A Worker that verifies one token (or signs one payload) `n` times with the
// library named by `lib`, for bench/edge.mjs: HS256 here, the asymmetric
// algorithms in asymmetric.js. Time does not advance inside a Workers request,
// so the caller times whole requests (n iterations against n = 0). The answer
// carries the last result, which the caller checks.
import { verify as tsndrVerify } from "@tsndr/cloudflare-worker-jwt";
import { verify as honoVerify } from "hono/jwt";
import { jwtVerify } from "jose";
import { Verifier, verify as jwtEdgeVerify } from "jwt-edge";
import { asymmetricCase } from "./asymmetric.js";

const encoder = new TextEncoder();

async function verifier(lib, params, request) {
  // The asymmetric cases name their algorithm.
  if (params.alg) {
    const run = await asymmetricCase(lib, params, request);
    if (!run) throw new Error(`unknown lib ${lib} for ${params.alg}`);
    return run;
  }
  const token = params.token;
  const secret = params.secret;
  const key = encoder.encode(secret);
  switch (lib) {
    case "jwt-edge Verifier": {
      const keyed = new Verifier(key, { algorithms: ["HS256"] });
      return () => keyed.verify(token);
    }
    case "jwt-edge verify":
      return () => jwtEdgeVerify(token, key, { algorithms: ["HS256"] });
    case "jose jwtVerify (CryptoKey)": {
      const cryptoKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
      return () => jwtVerify(token, cryptoKey, { algorithms: ["HS256"] });
    }
    case "jose jwtVerify (raw key)":
      return () => jwtVerify(token, key, { algorithms: ["HS256"] });
    case "@tsndr/cloudflare-worker-jwt verify":
      return () => tsndrVerify(token, secret, { algorithm: "HS256", throwError: true });
    case "hono/jwt verify":
      return () => honoVerify(token, secret, "HS256");
    default:
      throw new Error(`unknown lib ${lib}`);
  }
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const params = Object.fromEntries(url.searchParams);
    const lib = params.lib;
    const n = Number(params.n ?? "0");
    const run = await verifier(lib, params, request);
    let checked = 0;
    let last;
    for (let i = 0; i < n; i += 1) {
      last = await run();
      if (last) checked += 1;
    }
    return Response.json({ lib, n, checked, last });
  },
};
