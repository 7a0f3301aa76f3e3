// Asymmetric tokens cross between jwt-edge and jose, through the package's
// Node entry ("jwt-edge", which has every algorithm there): jose signs with
// every algorithm and jwt-edge verifies with the public JWK, a JWK Set, an
// imported JWK and an SPKI PEM; jwt-edge signs ES256, ES384, ES512 and EdDSA
// and jose verifies.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, importJWK, jwtVerify, SignJWT } from "jose";
import * as jwt from "../../pkg/node.js";

const now = Math.floor(Date.now() / 1000);
const claims = { sub: "user-1", roles: ["admin"] };

// jose's names for the key to generate: RSA keys of 2048 bits, the curves' own.
const verified = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

async function joseToken(alg, privateKey, kid) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, typ: "JWT", kid })
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(privateKey);
}

for (const alg of verified) {
  test(`${alg}: a token jose signs verifies here with its public JWK, a JWK Set, importJwk and importSpki`, async () => {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid: "k1", alg };
    const token = await joseToken(alg, privateKey, "k1");
    const expected = { ...claims, iat: now, exp: now + 60 };

    assert.deepEqual(jwt.verify(token, publicJwk), expected);
    assert.deepEqual(jwt.verify(token, { keys: [publicJwk] }), expected);
    const { alg: _, ...withoutAlg } = publicJwk;
    assert.deepEqual(jwt.verify(token, jwt.importJwk(withoutAlg, alg)), expected);
    assert.deepEqual(jwt.verify(token, withoutAlg, { algorithms: [alg] }), expected);
    assert.deepEqual(jwt.verify(token, jwt.importSpki(await exportSPKI(publicKey), alg)), expected);
    assert.deepEqual(new jwt.Verifier(publicJwk).verify(token), expected);
    const { payload, protectedHeader } = jwt.verifyWithHeader(token, { keys: [publicJwk] });
    assert.deepEqual(payload, expected);
    assert.deepEqual(protectedHeader, { alg, typ: "JWT", kid: "k1" });

    // An edited payload fails, as does a key without alg that the options do not allow.
    const [header, , signature] = token.split(".");
    const edited = `${header}.${Buffer.from(JSON.stringify({ ...expected, roles: ["root"] })).toString("base64url")}.${signature}`;
    assert.throws(() => jwt.verify(edited, publicJwk), { name: "JwtError", code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    assert.throws(() => jwt.verify(token, withoutAlg), { code: "ERR_JOSE_ALG_NOT_ALLOWED" });
  });
}

for (const alg of ["ES256", "ES384", "ES512", "EdDSA"]) {
  test(`${alg}: a token jwt-edge signs with a generated key pair verifies with jose, by the published JWK Set`, async () => {
    const { privateJwk, publicJwk } = jwt.generateKeyPair(alg);
    assert.equal(privateJwk.kid, publicJwk.kid);
    const token = jwt.sign(claims, privateJwk, { expiresIn: "1m", issuer: "https://issuer.example" });
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet({ keys: [publicJwk] }), {
      issuer: "https://issuer.example",
    });
    assert.equal(protectedHeader.alg, alg);
    assert.equal(protectedHeader.kid, publicJwk.kid);
    assert.deepEqual(payload.roles, ["admin"]);
    // jose reads the private JWK too, and verifies what the Signer makes.
    const signer = new jwt.Signer(privateJwk, { alg });
    await jwtVerify(signer.sign(claims), await importJWK(publicJwk, alg));
  });
}

test("a PEM or a JWK text given as an HMAC secret is ERR_KEY_INVALID through the package", async () => {
  const { publicKey } = await generateKeyPair("ES256", { extractable: true });
  const pem = await exportSPKI(publicKey);
  const jwkText = JSON.stringify(await exportJWK(publicKey));
  // The 2015 algorithm confusion: an HS256 token made with the public key's text as its secret.
  const forged = await new SignJWT({ sub: "admin" })
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime(now + 60)
    .sign(new TextEncoder().encode(pem));
  for (const text of [pem, jwkText]) {
    assert.throws(() => jwt.verify(forged, text), { name: "JwtError", code: "ERR_KEY_INVALID" });
    assert.throws(() => jwt.sign({}, text), { code: "ERR_KEY_INVALID" });
  }
});

test("decodeProtectedHeader reads the header alone, for routing by kid", () => {
  const { privateJwk } = jwt.generateKeyPair("EdDSA");
  const token = jwt.sign({}, privateJwk);
  assert.deepEqual(jwt.decodeProtectedHeader(token), { alg: "EdDSA", typ: "JWT", kid: privateJwk.kid });
  assert.throws(() => jwt.decodeProtectedHeader("a.b"), { code: "ERR_JWS_INVALID" });
});
