// A fresh key pair for the worker's access tokens (JWT_ALG EdDSA or ES256),
// as JWKs with `kid` = the RFC 7638 thumbprint of the public key, which is
// also the `kid` the worker gives a private JWK without one.
//   node scripts/signing-key.mjs [EdDSA|ES256] | npx wrangler secret put JWT_PRIVATE_JWK
// prints a new private JWK (and its kid on stderr).
import { createHash, generateKeyPairSync } from "node:crypto";
import { fileURLToPath } from "node:url";

const curves = { EdDSA: ["ed25519", {}], ES256: ["ec", { namedCurve: "P-256" }] };

/** The RFC 7638 thumbprint: SHA-256 of the required members, in order, as base64url. */
export function thumbprint(jwk) {
  const required = jwk.kty === "OKP" ? ["crv", "kty", "x"] : ["crv", "kty", "x", "y"];
  const canonical = JSON.stringify(Object.fromEntries(required.map((name) => [name, jwk[name]])));
  return createHash("sha256").update(canonical).digest("base64url");
}

/** { privateJwk, publicJwk, kid } for `alg` ("EdDSA" or "ES256"). */
export function generateSigningKey(alg = "EdDSA") {
  const [type, options] = curves[alg] ?? [];
  if (!type) throw new Error(`no key pair for ${alg}: EdDSA or ES256`);
  const { privateKey } = generateKeyPairSync(type, options);
  const { d, ...publicMembers } = privateKey.export({ format: "jwk" });
  const kid = thumbprint(publicMembers);
  return {
    privateJwk: { ...publicMembers, d, alg, kid },
    publicJwk: { ...publicMembers, alg, kid },
    kid,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { privateJwk, kid } = generateSigningKey(process.argv[2] ?? "EdDSA");
  console.error(`kid ${kid}`);
  console.log(JSON.stringify(privateJwk));
}
