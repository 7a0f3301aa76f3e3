// The asymmetric benchmarks' keys and tokens: one key pair per algorithm
// (RS256 and PS256 with 2048-bit RSA, ES256 with P-256, EdDSA with Ed25519),
// made afresh by node:crypto; their JWKs, bound to the algorithm and carrying
// their RFC 7638 thumbprint as `kid`; and the access token of bench/token.mjs
// signed by jose with each, its header carrying that `kid`.
import { generateKeyPairSync } from "node:crypto";
import { calculateJwkThumbprint, SignJWT } from "jose";

/** The algorithms verified, and those signed too (jwt-edge signs no RSA). */
export const verifyAlgorithms = ["RS256", "PS256", "ES256", "EdDSA"];
export const signAlgorithms = ["ES256", "EdDSA"];

const keyTypes = {
  RS256: ["rsa", { modulusLength: 2048 }],
  PS256: ["rsa", { modulusLength: 2048 }],
  ES256: ["ec", { namedCurve: "P-256" }],
  EdDSA: ["ed25519", {}],
};

/**
 * For each algorithm: `{ alg, token, publicJwk, privateJwk, publicPem,
 * privatePem, publicKey, privateKey }` (the last two node:crypto KeyObjects),
 * the token carrying `claims`.
 */
export async function asymmetricKeys(claims) {
  const keys = {};
  for (const alg of verifyAlgorithms) {
    const [type, options] = keyTypes[alg];
    const { publicKey, privateKey } = generateKeyPairSync(type, options);
    const jwk = publicKey.export({ format: "jwk" });
    const kid = await calculateJwkThumbprint(jwk);
    keys[alg] = {
      alg,
      token: await new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT", kid }).sign(privateKey),
      publicJwk: { ...jwk, alg, use: "sig", kid },
      privateJwk: { ...privateKey.export({ format: "jwk" }), alg, kid },
      publicPem: publicKey.export({ type: "spki", format: "pem" }),
      privatePem: privateKey.export({ type: "pkcs8", format: "pem" }),
      publicKey,
      privateKey,
    };
  }
  return keys;
}

/** What a worker needs of `keys` (JSON: no KeyObjects). */
export const portableKeys = (keys) =>
  Object.fromEntries(
    Object.entries(keys).map(([alg, { token, publicJwk, privateJwk }]) => [alg, { alg, token, publicJwk, privateJwk }]),
  );
