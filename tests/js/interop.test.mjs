// Tokens cross between jwt-edge and the libraries users already run:
// jose and jsonwebtoken sign, jwt-edge verifies; jwt-edge signs, they verify.
import assert from "node:assert/strict";
import { test } from "node:test";
import { jwtVerify, SignJWT } from "jose";
import jsonwebtoken from "jsonwebtoken";
import * as jwt from "../../pkg/node.js";

const secret = "an-interop-secret-long-enough-for-hs512-keys-which-need-64-bytes!";
const secretBytes = new TextEncoder().encode(secret);
const now = Math.floor(Date.now() / 1000);

for (const alg of ["HS256", "HS384", "HS512"]) {
  test(`${alg}: a token signed by jose verifies here with the same claims`, async () => {
    const token = await new SignJWT({ roles: ["admin"], n: 1.5 })
      .setProtectedHeader({ alg, typ: "JWT" })
      .setSubject("user-1")
      .setIssuer("https://issuer.example")
      .setAudience(["api", "web"])
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .setJti("id-1")
      .sign(secretBytes);
    const payload = jwt.verify(token, secretBytes, {
      algorithms: [alg],
      issuer: "https://issuer.example",
      audience: "web",
    });
    assert.deepEqual(payload, {
      roles: ["admin"],
      n: 1.5,
      sub: "user-1",
      iss: "https://issuer.example",
      aud: ["api", "web"],
      iat: now,
      exp: now + 60,
      jti: "id-1",
    });
  });

  test(`${alg}: a token signed by jsonwebtoken verifies here`, () => {
    const token = jsonwebtoken.sign({ sub: "user-2", roles: ["user"] }, secret, {
      algorithm: alg,
      expiresIn: 60,
      issuer: "https://issuer.example",
    });
    const payload = jwt.verify(token, secret, { algorithms: [alg], issuer: "https://issuer.example" });
    assert.equal(payload.sub, "user-2");
    assert.deepEqual(payload.roles, ["user"]);
  });

  test(`${alg}: a token signed here verifies in jose and jsonwebtoken`, async () => {
    const token = jwt.sign({ roles: ["admin"] }, secret, {
      alg,
      subject: "user-3",
      audience: "api",
      expiresIn: "5m",
      jwtId: true,
      typ: "at+jwt",
    });
    const { payload, protectedHeader } = await jwtVerify(token, secretBytes, {
      algorithms: [alg],
      audience: "api",
      typ: "at+jwt",
    });
    assert.equal(protectedHeader.alg, alg);
    assert.equal(payload.sub, "user-3");
    assert.equal(payload.exp - payload.iat, 300);
    assert.match(payload.jti, /^[A-Za-z0-9_-]{22}$/);
    const viaJsonwebtoken = jsonwebtoken.verify(token, secret, { algorithms: [alg], audience: "api" });
    assert.deepEqual(viaJsonwebtoken, payload);
  });
}

test("a token jose signed with another secret is refused here", async () => {
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime(now + 60)
    .sign(new TextEncoder().encode("another-secret-that-is-also-32-bytes-long"));
  assert.throws(() => jwt.verify(token, secret), { code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
});
