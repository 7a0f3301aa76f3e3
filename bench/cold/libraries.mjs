// How each library is loaded and how it verifies an HS256 token (HS256
// pinned, as in bench/js.mjs), shared by the Node probe and the browser page
// of the cold-start benchmark (bench/cold.mjs). `node` is what Node imports
// (jwt-edge: its Node entry, relative to the package directory), `browser`
// what the page imports (jwt-edge/verify as a browser fetches it, the peers
// as esbuild bundles of `bundleEntry`, the same import); fast-jwt and jsonwebtoken need
// Node's crypto and have no browser entry. `verify` returns the payload.
export const libraries = {
  "jwt-edge": {
    node: "node.js",
    browser: "/pkg/verify.js",
    verify: (module, token, secret) => module.verify(token, secret, { algorithms: ["HS256"] }),
  },
  jose: {
    node: "jose",
    browser: "/peers/jose.js",
    bundleEntry: `export { jwtVerify } from "jose";`,
    verify: async (module, token, secret) =>
      (await module.jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ["HS256"] })).payload,
  },
  "@tsndr/cloudflare-worker-jwt": {
    node: "@tsndr/cloudflare-worker-jwt",
    browser: "/peers/tsndr.js",
    bundleEntry: `export { verify } from "@tsndr/cloudflare-worker-jwt";`,
    verify: async (module, token, secret) =>
      (await module.verify(token, secret, { algorithm: "HS256", throwError: true })).payload,
  },
  hono: {
    node: "hono/jwt",
    browser: "/peers/hono.js",
    bundleEntry: `export { verify } from "hono/jwt";`,
    verify: (module, token, secret) => module.verify(token, secret, "HS256"),
  },
  "fast-jwt": {
    node: "fast-jwt",
    // The verifier is made on the first call: a cold start includes it.
    verify: (module, token, secret) => module.createVerifier({ key: secret, algorithms: ["HS256"], cache: false })(token),
  },
  jsonwebtoken: {
    node: "jsonwebtoken",
    verify: (module, token, secret) => module.default.verify(token, secret, { algorithms: ["HS256"] }),
  },
};
