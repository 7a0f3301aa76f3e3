// The private JWK that the one-shot `sign` (and `signAsync`) of the Node and
// workerd build last read, when the caller froze it (`importJwk` returns
// frozen JWKs), for src/js/runtime_signing.rs: the very same object, still
// frozen, flat and plain, has the same `JSON.stringify` text, so its key is
// found by its id without making that text and its digest again.
// (Keys are told apart by identity here, never by their secret members:
// kept-key.js says why those are not compared in JavaScript.)
//
// The reference is weak: the key is not kept alive here.

/**
 * Whether `key` is a frozen plain object whose members are all data members
 * with primitive values that `JSON.stringify` writes as they are (a getter
 * could give another value later; a key with nested members, `key_ops`, is
 * read every time). Frozen, it stays so: only `toJSON`, which a prototype
 * could gain later, is checked again.
 */
function frozenFlat(key) {
  if (typeof key !== "object" || key === null || !Object.isFrozen(key) || Array.isArray(key)) return false;
  const prototype = Object.getPrototypeOf(key);
  if ((prototype !== Object.prototype && prototype !== null) || typeof key.toJSON === "function") return false;
  for (const member of Object.values(Object.getOwnPropertyDescriptors(key))) {
    if (!("value" in member)) return false;
    const { value } = member;
    if (!(value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)))) {
      return false;
    }
  }
  return true;
}

/** The last frozen key read (weakly) and its id, or undefined. */
let kept;

/** The id kept with `key` when it is that very object; else 0. */
export function frozenKeyId(key) {
  if (kept === undefined || kept.key.deref() !== key || typeof key.toJSON === "function") return 0;
  return kept.id;
}

/** Keeps `id` for `key` when it is frozen and flat; else forgets the last one. */
export function keepFrozenKey(key, id) {
  kept = frozenFlat(key) ? { key: new WeakRef(key), id } : undefined;
}
