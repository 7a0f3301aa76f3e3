// Decodes the pasted token with the jwt-edge package (web build) and shows it.
import { decode, JwtError, secondsUntilExpiry } from "/pkg/index.js";

const input = document.querySelector("#token");
const status = document.querySelector("#status");
const decoded = document.querySelector("#decoded");

function describeExpiry(token) {
  const remaining = secondsUntilExpiry(token);
  if (remaining === undefined) return "no expiry (exp) claim";
  const when = new Date((Math.floor(Date.now() / 1000) + remaining) * 1000).toISOString();
  return remaining > 0 ? `expires in ${remaining} s (${when})` : `expired ${-remaining} s ago (${when})`;
}

function show() {
  const token = input.value.trim();
  decoded.hidden = true;
  status.className = "";
  if (token === "") {
    status.textContent = "";
    return;
  }
  try {
    const { header, payload } = decode(token);
    document.querySelector("#header").textContent = JSON.stringify(header, null, 2);
    document.querySelector("#payload").textContent = JSON.stringify(payload, null, 2);
    decoded.hidden = false;
    status.textContent = `Decoded, not verified: ${describeExpiry(token)}.`;
  } catch (error) {
    status.className = "error";
    status.textContent = error instanceof JwtError ? `${error.code}: ${error.message}` : String(error);
  }
}

input.addEventListener("input", show);
show();
