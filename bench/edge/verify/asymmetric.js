// The asymmetric cases of the benchmark worker (worker.js): RS256, PS256,
// ES256 and EdDSA verify and ES256/EdDSA sign, by jwt-edge's pure-Rust path
// (the glue of the build the workerd entry loads, called directly: the module
// bench/edge.mjs generates as `jwt-edge-speed-build`), its package entries
// (`verify`, `sign`, `signAsync` with the JWK or a key from `importJwk`, and
// `verifyAsync` with the JWK, a key from `importJwk` or a remote JWK Set from
// its cache), jose and hono, each with a `CryptoKey` and with the JWK.
import { sign as honoSign, verify as honoVerify } from "hono/jwt";
import { importJWK, jwtVerify, SignJWT } from "jose";
import { importJwk, sign as jwtEdgeSign, verify as jwtEdgeVerify } from "jwt-edge";
import { createRemoteJwks, signAsync, verifyAsync } from "jwt-edge/remote-jwks";
import { initSync, sign as rustSign, speedModule, verify as rustVerify } from "jwt-edge-speed-build";

initSync({ module: speedModule });

// One remote JWK Set per URL for the isolate's life, as an application keeps it.
const remoteSets = new Map();
function remoteSet(url) {
  if (!remoteSets.has(url)) remoteSets.set(url, createRemoteJwks(url, { cacheMaxAge: "1h" }));
  return remoteSets.get(url);
}

/** WebCrypto's parameters for hono's `CryptoKey` (as hono imports a JWK itself). */
const webCrypto = {
  RS256: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
  PS256: { name: "RSA-PSS", hash: "SHA-256" },
  ES256: { name: "ECDSA", namedCurve: "P-256" },
  EdDSA: { name: "Ed25519" },
};
const importForHono = (jwk, alg, usage) => crypto.subtle.importKey("jwk", jwk, webCrypto[alg], false, [usage]);

/**
 * The function that verifies `params.token` (or signs `params.claims`) once
 * with `lib` (the library and its call, as bench/edge.mjs names them), its
 * keys prepared; undefined for another `lib`.
 */
export async function asymmetricCase(lib, params, request) {
  const { alg, token } = params;
  const claims = params.claims && JSON.parse(params.claims);
  const publicJwk = params.publicJwk && JSON.parse(params.publicJwk);
  const privateJwk = params.privateJwk && JSON.parse(params.privateJwk);
  const options = { algorithms: [alg] };
  const header = { alg, typ: "JWT" };
  switch (lib) {
    // verify
    case "jwt-edge glue verify, JWK (pure Rust)":
      return () => rustVerify(token, publicJwk, options);
    case "jwt-edge verify, JWK":
      return () => jwtEdgeVerify(token, publicJwk, options);
    case "jwt-edge verifyAsync, JWK":
      return () => verifyAsync(token, publicJwk, options);
    case "jwt-edge verifyAsync, importJwk key": {
      const key = importJwk(publicJwk);
      return () => verifyAsync(token, key, options);
    }
    case "jwt-edge verifyAsync, remote JWK Set (cached)": {
      const jwks = remoteSet(params.jwks).forRequest(request);
      return () => verifyAsync(token, jwks, options);
    }
    case "jose jwtVerify, CryptoKey": {
      const key = await importJWK(publicJwk, alg);
      return async () => (await jwtVerify(token, key, options)).payload;
    }
    case "jose jwtVerify, JWK":
      return async () => (await jwtVerify(token, publicJwk, options)).payload;
    case "hono hono/jwt verify, CryptoKey": {
      const key = await importForHono(publicJwk, alg, "verify");
      return () => honoVerify(token, key, alg);
    }
    case "hono hono/jwt verify, JWK":
      return () => honoVerify(token, publicJwk, alg);
    // sign
    case "jwt-edge glue sign, private JWK (pure Rust)":
      return () => rustSign(claims, privateJwk, { alg });
    case "jwt-edge sign, private JWK":
      return () => jwtEdgeSign(claims, privateJwk, { alg });
    case "jwt-edge signAsync, private JWK":
      return () => signAsync(claims, privateJwk, { alg });
    case "jwt-edge signAsync, importJwk key": {
      const key = importJwk(privateJwk);
      return () => signAsync(claims, key, { alg });
    }
    case "jose SignJWT, CryptoKey": {
      const key = await importJWK(privateJwk, alg);
      return () => new SignJWT(claims).setProtectedHeader(header).sign(key);
    }
    case "jose SignJWT, JWK":
      return () => new SignJWT(claims).setProtectedHeader(header).sign(privateJwk);
    case "hono hono/jwt sign, CryptoKey": {
      const key = await importForHono(privateJwk, alg, "sign");
      return () => honoSign(claims, key, alg);
    }
    case "hono hono/jwt sign, JWK":
      return () => honoSign(claims, privateJwk, alg);
    default:
      return undefined;
  }
}
