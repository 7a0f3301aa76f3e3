// The CryptoKeys that verifyAsync and signAsync import for WebCrypto
// (web-crypto.js, web-crypto-sign.js), kept by name, the oldest forgotten
// first. Only imported keys are kept, never a pending promise: in workerd, a
// request must not await one that another request started.

/** A store of at most `limit` keys: `get(name)`, and `imported(name, importing)`, which keeps what `importing()` gives (null where it throws). */
export function keptCryptoKeys(limit) {
  const keys = new Map();
  return {
    get: (name) => keys.get(name),
    async imported(name, importing) {
      let key;
      try {
        key = await importing();
      } catch {
        key = null;
      }
      if (keys.size >= limit) keys.delete(keys.keys().next().value);
      keys.set(name, key);
      return key;
    },
  };
}
