// Reading a WebAssembly binary's sections and renaming its imports (the
// binary format, https://webassembly.github.io/spec/core/binary/modules.html),
// for scripts/assemble-pkg.mjs and the package's size tests.

const CUSTOM_SECTION = 0;
const IMPORT_SECTION = 2;

/** Reads unsigned LEB128 integers and names from `bytes`, from `at` on. */
class Reader {
  constructor(bytes, at) {
    this.bytes = bytes;
    this.at = at;
  }

  u32() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (this.at >= this.bytes.length || shift > 28) throw new Error("a LEB128 integer runs past its section");
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }

  name() {
    const length = this.u32();
    const start = this.at;
    this.at += length;
    return new TextDecoder("utf-8", { fatal: true }).decode(this.bytes.subarray(start, this.at));
  }

  /** Skips an import's description: what it imports and its type. */
  skipDescription() {
    const kind = this.bytes[this.at++];
    const limits = () => {
      const flags = this.bytes[this.at++];
      this.u32();
      if (flags & 1) this.u32();
    };
    switch (kind) {
      case 0: // function: its type index
        this.u32();
        return;
      case 1: // table: its reference type and limits
        this.at += 1;
        limits();
        return;
      case 2: // memory: its limits
        limits();
        return;
      case 3: // global: its value type and mutability
        this.at += 2;
        return;
      case 4: // tag: an attribute and a type index
        this.at += 1;
        this.u32();
        return;
      default:
        throw new Error(`unknown import kind ${kind}`);
    }
  }
}

function u32Bytes(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

function nameBytes(name) {
  const utf8 = new TextEncoder().encode(name);
  return [...u32Bytes(utf8.length), ...utf8];
}

/** The sections of a module: `{ id, header, start, end }`, where the section
 * begins (its id) and where its contents begin and end. */
function sections(bytes) {
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (!magic.every((byte, index) => bytes[index] === byte)) throw new Error("not a WebAssembly 1.0 binary");
  const found = [];
  const reader = new Reader(bytes, magic.length);
  while (reader.at < bytes.length) {
    const header = reader.at;
    const id = bytes[reader.at++];
    const size = reader.u32();
    found.push({ id, header, start: reader.at, end: reader.at + size });
    reader.at += size;
  }
  return found;
}

/** The names of the module's custom sections, in order. */
export function customSectionNames(bytes) {
  return sections(bytes)
    .filter(({ id }) => id === CUSTOM_SECTION)
    .map(({ start }) => new Reader(bytes, start).name());
}

/** The function names in the module's `name` section (its function-names
 * subsection), in order; none without one. */
export function functionNames(bytes) {
  const section = sections(bytes).find(({ id, start }) => id === CUSTOM_SECTION && new Reader(bytes, start).name() === "name");
  if (!section) return [];
  const reader = new Reader(bytes, section.start);
  reader.name();
  while (reader.at < section.end) {
    const subsection = bytes[reader.at++];
    const end = reader.u32() + reader.at;
    if (subsection === 1) {
      const names = [];
      for (let count = reader.u32(); count > 0; count--) {
        reader.u32(); // the function's index
        names.push(reader.name());
      }
      return names;
    }
    reader.at = end;
  }
  return [];
}

/** The module's imports, as `{ module, name }` in order. */
export function importsOf(bytes) {
  const section = sections(bytes).find(({ id }) => id === IMPORT_SECTION);
  if (!section) return [];
  const reader = new Reader(bytes, section.start);
  const imports = [];
  for (let count = reader.u32(); count > 0; count--) {
    imports.push({ module: reader.name(), name: reader.name() });
    reader.skipDescription();
  }
  if (reader.at !== section.end) throw new Error("the import section has bytes after its last import");
  return imports;
}

/**
 * The module with each import's name replaced by `rename(module, name)`
 * (the name itself to keep it); everything else byte for byte the same.
 */
export function withImportsRenamed(bytes, rename) {
  const section = sections(bytes).find(({ id }) => id === IMPORT_SECTION);
  if (!section) return bytes;
  const reader = new Reader(bytes, section.start);
  const count = reader.u32();
  const contents = [...u32Bytes(count)];
  for (let index = 0; index < count; index++) {
    const module = reader.name();
    const name = reader.name();
    const start = reader.at;
    reader.skipDescription();
    contents.push(...nameBytes(module), ...nameBytes(rename(module, name)), ...bytes.subarray(start, reader.at));
  }
  if (reader.at !== section.end) throw new Error("the import section has bytes after its last import");
  return Buffer.concat([
    bytes.subarray(0, section.header),
    Buffer.from([IMPORT_SECTION, ...u32Bytes(contents.length)]),
    Buffer.from(contents),
    bytes.subarray(section.end),
  ]);
}
