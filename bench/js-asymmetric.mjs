// The asymmetric cases of bench/js.mjs: RS256, PS256, ES256 and EdDSA verify
// and ES256 and EdDSA sign in Node, jwt-edge beside jose (`CryptoKey` and
// JWK), fast-jwt and jsonwebtoken (each where it has the algorithm), on the
// access token of bench/token.mjs signed with each key of bench/asymmetric-keys.mjs.
//
// jwt-edge runs three ways, each case tagged with its `path`:
// - `rust`: the speed build's wasm-bindgen glue called directly (the module
//   the package's Node entry loads, bench/speed-build.mjs), the synchronous
//   pure-Rust path, whatever the entry adds in JavaScript bypassed;
// - `entry`: the package's `verify` (synchronous) and `verifyAsync` from
//   `jwt-edge/remote-jwks` with the JWK, `Verifier`, and `sign` and `Signer`: the fastest
//   of them is jwt-edge's fastest path;
// - `remote`: `verifyAsync` with a remote JWK Set (createRemoteJwks) served
//   from its warm cache, fetched once from a local server before the timing.
import * as jose from "jose";
import { createSigner, createVerifier } from "fast-jwt";
import jsonwebtoken from "jsonwebtoken";
import { signAlgorithms, verifyAlgorithms } from "./asymmetric-keys.mjs";

/** The cases (as bench/js.mjs times them, with `alg` and `path`) for `keys`, signing `claims`. */
export async function asymmetricCases({ edge, rust, remote, keys, remoteJwks, claims }) {
  const cases = [];
  for (const alg of verifyAlgorithms) {
    const { token, publicJwk, publicPem, publicKey } = keys[alg];
    const options = { algorithms: [alg] };
    const cryptoKey = await jose.importJWK(publicJwk, alg);
    const verify = (lib, api, fn, more = {}) => cases.push({ alg, kind: "verify", lib, api, fn, ...more });
    verify("jwt-edge", "glue `verify`, JWK (pure Rust)", () => rust.verify(token, publicJwk, options), { path: "rust" });
    verify("jwt-edge", "`verify`, JWK", () => edge.verify(token, publicJwk, options), { path: "entry" });
    // Keyed, as fast-jwt's `createVerifier` is: the key read once.
    const verifier = new edge.Verifier(publicJwk, options);
    verify("jwt-edge", "`Verifier.verify`, JWK", () => verifier.verify(token), { path: "entry" });
    verify("jwt-edge", "`verifyAsync`, JWK", () => remote.verifyAsync(token, publicJwk, options), { path: "entry", async: true });
    verify("jwt-edge", "`verifyAsync`, remote JWK Set (cached)", () => remote.verifyAsync(token, remoteJwks, options), { path: "remote", async: true });
    verify("jose", "`jwtVerify`, `CryptoKey`", async () => (await jose.jwtVerify(token, cryptoKey, options)).payload, { async: true });
    verify("jose", "`jwtVerify`, JWK", async () => (await jose.jwtVerify(token, publicJwk, options)).payload, { async: true });
    const fastVerify = createVerifier({ key: publicPem, algorithms: [alg], cache: false });
    verify("fast-jwt", "`createVerifier`, PEM, cache off", () => fastVerify(token));
    // jsonwebtoken 9 has no EdDSA.
    if (alg !== "EdDSA") verify("jsonwebtoken", "`verify`, `KeyObject`", () => jsonwebtoken.verify(token, publicKey, options));
  }
  for (const alg of signAlgorithms) {
    const { privateJwk, privatePem, privateKey } = keys[alg];
    const header = { alg, typ: "JWT" };
    const cryptoKey = await jose.importJWK(privateJwk, alg);
    const sign = (lib, api, fn, more = {}) => cases.push({ alg, kind: "sign", lib, api, fn, ...more });
    sign("jwt-edge", "glue `sign`, private JWK (pure Rust)", () => rust.sign(claims, privateJwk, { alg }), { path: "rust" });
    sign("jwt-edge", "`sign`, private JWK", () => edge.sign(claims, privateJwk, { alg }), { path: "entry" });
    // Keyed, as fast-jwt's `createSigner` is: the key read once.
    const signer = new edge.Signer(privateJwk, { alg });
    sign("jwt-edge", "`Signer.sign`, private JWK", () => signer.sign(claims), { path: "entry" });
    sign("jose", "`SignJWT`, `CryptoKey`", () => new jose.SignJWT(claims).setProtectedHeader(header).sign(cryptoKey), { async: true });
    sign("jose", "`SignJWT`, JWK", () => new jose.SignJWT(claims).setProtectedHeader(header).sign(privateJwk), { async: true });
    const fastSign = createSigner({ key: privatePem, algorithm: alg });
    sign("fast-jwt", "`createSigner`, PEM", () => fastSign(claims));
    if (alg !== "EdDSA") sign("jsonwebtoken", "`sign`, `KeyObject`", () => jsonwebtoken.sign(claims, privateKey, { algorithm: alg }));
  }
  return cases;
}
