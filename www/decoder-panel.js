// The decode-and-verify panel: reads a pasted token (a leading `Bearer ` taken
// off), warns about what a verifier would refuse, and verifies its signature
// against a pasted JWK, JWK Set or JWK Set URL.
import { copyButton } from "./copy-button.js";
import { explain } from "./explanations.js";
import { $, action, decodedJson, refusal, sayIn, signatureCheck } from "./page-controls.js";
import { relative, timeElement } from "./time-format.js";
import { readToken, refusalText, showTimes, tokenFrom } from "./token-reading.js";

function describeExpiry(payload) {
  if (typeof payload.exp !== "number") return ["no expiry (exp) claim"];
  const distance = relative(payload.exp);
  return [distance.endsWith("ago") ? "expired " : "expires ", distance, " (", timeElement(payload.exp), ")"];
}

function warningItem({ code, claim, text: warning }) {
  const item = document.createElement("li");
  item.dataset.code = code;
  const name = document.createElement("code");
  name.textContent = code;
  item.append(`${warning} A verifier refuses it: `, name, `. ${explain({ code, claim })}`);
  return item;
}

/** The pasted token, without a leading `Bearer `. */
const pastedToken = () => tokenFrom($("#paste").value);

$("#paste").addEventListener("input", () => {
  const { token, strippedBearer } = pastedToken();
  const status = $("#paste-status");
  $("#paste-decoded").hidden = true;
  $("#paste-warnings").replaceChildren();
  $("#verify-paste-status").textContent = "";
  status.className = "";
  status.textContent = "";
  if (token === "") return;
  const read = readToken(token);
  if (read.error) {
    status.className = "error";
    const explanation = read.error?.code ? ` ${explain(read.error)}` : "";
    status.textContent = `${refusalText(read.error)}.${explanation}`;
    return;
  }
  const { header, payload, warnings } = read;
  $("#paste-header").textContent = JSON.stringify(header, null, 2);
  $("#paste-payload").textContent = JSON.stringify(payload, null, 2);
  showTimes($("#paste-times"), payload);
  $("#paste-decoded").hidden = false;
  $("#paste-warnings").replaceChildren(...warnings.map(warningItem));
  status.className = warnings.length > 0 ? "error" : "";
  status.replaceChildren(
    "Decoded, not verified: ",
    ...describeExpiry(payload),
    `.${strippedBearer ? " (The leading \"Bearer \" was taken off.)" : ""}`,
  );
});

action("#verify-paste", async () => {
  const { token } = pastedToken();
  const status = $("#verify-paste-status");
  const keyText = $("#verify-key").value;
  if (keyText.trim() === "") {
    sayIn(status, ["Paste a public key first: a JWK, a JWK Set, or a JWK Set's URL.", "error"]);
    return;
  }
  sayIn(status, ["Verifying…", ""]);
  // A verdict that arrives after the token or key changed is not shown.
  const unchanged = () => pastedToken().token === token && $("#verify-key").value === keyText;
  try {
    const { verifyWithKeyText } = await signatureCheck();
    const { header } = await verifyWithKeyText(token, keyText);
    if (unchanged()) sayIn(status, [`Signature verified: ${header.alg}${header.kid ? `, key ${header.kid}` : ""}. The claims passed their checks too.`, "ok"]);
  } catch (error) {
    if (unchanged()) sayIn(status, refusal("Not verified", error));
  }
});

copyButton($("#copy-paste-json"), $("#copy-paste-status"), () => decodedJson($("#paste-header"), $("#paste-payload")), "the JSON");
