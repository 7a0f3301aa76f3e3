// A Worker that verifies one token `n` times with the library named by `lib`,
// for bench/edge.mjs. Time does not advance inside a Workers request, so the
// caller times whole requests (n iterations against n = 0).
import { verify as tsndrVerify } from "@tsndr/cloudflare-worker-jwt";
import { verify as honoVerify } from "hono/jwt";
import { jwtVerify } from "jose";
import { Verifier, verify as jwtEdgeVerify } from "jwt-edge";

const encoder = new TextEncoder();

async function verifier(lib, token, secret) {
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
    const lib = url.searchParams.get("lib");
    const n = Number(url.searchParams.get("n") ?? "0");
    const token = url.searchParams.get("token");
    const secret = url.searchParams.get("secret");
    const run = await verifier(lib, token, secret);
    let checked = 0;
    for (let i = 0; i < n; i += 1) {
      const result = await run();
      if (result) checked += 1;
    }
    return Response.json({ lib, n, checked });
  },
};
