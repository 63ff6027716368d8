/**
 * fast-check arbitraries of the pool model, built from the hand-written description in
 * ./model.ts: valid values (in the exact form `parse<T>` returns them), the other JSON inputs that
 * stand for the same value (defaults left out, serde's sequence and map forms, unknown fields),
 * hostile JavaScript values, and small mutations of valid inputs.
 */
import fc from "fast-check";
import {
  FIELD_NAMES,
  ROLES,
  TYPES,
  fieldsOf,
  put,
  sameValue,
  type Field,
  type StructName,
  type TypeName,
  type WireType,
} from "./model.js";

// ---------------------------------------------------------------------------------------------
// Scalars with their edge values.

/** Strings that tend to break things: empty, prototype keys, integer-like, astral, escapes. */
export const EDGE_STRINGS = [
  "",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "10",
  "2",
  "0",
  "-1",
  "01",
  "4294967295",
  "4294967296",
  "9007199254740993",
  "1.5",
  "\u00e9",
  "e\u0301",
  "\u{1F600}",
  "\u{10000}",
  "\u{10FFFF}",
  "\uFFFF",
  "\uE000",
  "\uD7FF",
  "\u0000",
  "a\u0000b",
  "\"\\/\b\f\n\r\t",
  "\u001f\u007f",
  "\u2028\u2029",
  "\u202e",
  "</script>",
  "${x}",
  "~0~1/",
] as const;

/** Any well-formed string (every code point, astral ones included), edge values often. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
);

/**
 * Map keys: integer-like keys (JavaScript lists them first, serde sorts them as strings), keys
 * whose UTF-16 and code point orders differ (U+E000..U+FFFF against astral ones), `__proto__`.
 */
export const mapKey: fc.Arbitrary<string> = fc.oneof(
  anyString,
  fc.nat({ max: 1000 }).map(String),
  fc.constantFrom("1", "10", "2", "9", "100", "4294967294", "4294967295", "\uFFFF", "\uFF61", "\u{10000}", "\u{1F600}", "\uE000"),
);

const bigUint = (max: bigint): fc.Arbitrary<number> => fc.bigInt({ min: 0n, max }).map(Number);

export const u8: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(0, 1, 127, 128, 254, 255), fc.integer({ min: 0, max: 255 }));
export const u32: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 255, 256, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1),
  bigUint(2n ** 32n - 1n),
);
/** u64 as the package holds it: 0 to 2^53 (inclusive). */
export const u64: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 15, 30, 60, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1, 2 ** 53),
  bigUint(2n ** 53n),
);

/** Ids that follow the upstream rule: 1-63 of [a-z0-9-], no leading or trailing '-'. */
export const validId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("a", "0", "acme", "t-1", "p-1", "a--b", "tenant42", "x".repeat(63), `a${"-".repeat(61)}b`, "9".repeat(63)),
  fc
    .tuple(
      fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"),
      fc.string({ unit: fc.constantFrom(..."abcz09-"), maxLength: 20 }),
      fc.constantFrom(..."az09"),
    )
    .map(([a, mid, z]) => (mid === "" && a === z ? a : `${a}${mid}${z}`)),
);

// ---------------------------------------------------------------------------------------------
// Valid values, in the form parse<T> returns: every field present (an absent Option as
// `capability: undefined`), plain objects and arrays only.

function mapOf<T>(keys: fc.Arbitrary<string>, values: fc.Arbitrary<T>, maxKeys = 6): fc.Arbitrary<Record<string, T>> {
  return fc.uniqueArray(fc.tuple(keys, values), { selector: ([k]) => k, maxLength: maxKeys }).map((entries) => {
    const out: Record<string, T> = {};
    for (const [k, v] of entries) put(out, k, v);
    return out;
  });
}

const memo = new Map<string, fc.Arbitrary<unknown>>();

export function valueOf(t: WireType): fc.Arbitrary<unknown> {
  switch (t.k) {
    case "string":
      return anyString;
    case "bool":
      return fc.boolean();
    case "int":
      return t.name === "u8" ? u8 : t.name === "u32" ? u32 : u64;
    case "enum":
      return fc.constantFrom(...t.values);
    case "open":
      return fc.oneof(fc.constantFrom(...t.known), anyString);
    case "id":
      return validId;
    case "optional":
      return fc.option(valueOf(t.inner), { nil: undefined });
    case "list":
      return fc.array(valueOf(t.element), { maxLength: 4 });
    case "map":
      return mapOf(mapKey, valueOf(t.value));
    case "struct": {
      const hit = memo.get(t.name);
      if (hit) return hit;
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of fieldsOf(t.name)) {
        // Defaulted fields take their default value often, so omitting them is exercised.
        shape[f.key] = f.default ? fc.oneof(valueOf(f.type), fc.constant(null).map(f.default)) : valueOf(f.type);
      }
      const arb = fc.record(shape, { noNullPrototype: true });
      memo.set(t.name, arb);
      return arb;
    }
  }
}

/** Valid values of a type, as parse<T> returns them. */
export function validValue(name: TypeName): fc.Arbitrary<unknown> {
  return valueOf(TYPES[name]);
}

// ---------------------------------------------------------------------------------------------
// JSON inputs that stand for a given value: what serde reads as the same value.

/** Unknown fields: ignored by serde (no deny_unknown_fields upstream), whatever they hold. */
const unknownFields: fc.Arbitrary<[string, unknown][]> = fc.uniqueArray(
  fc.tuple(
    fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "extra", "Pool_Id", "pool-id", ""), anyString),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  { selector: ([k]) => k, maxLength: 3 },
);

/** The unit variant's map form, `{"worker": null}`. */
function variantMap(name: string): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  put(o, name, null);
  return o;
}

/** An input that reads as `value`: serde's other forms, defaults left out, unknown fields added. */
export function inputFor(t: WireType, value: unknown): fc.Arbitrary<unknown> {
  switch (t.k) {
    case "string":
    case "bool":
    case "int":
    case "open":
    case "id":
      return fc.constant(value);
    case "enum":
      return fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fc.constant(null).map(() => variantMap(value as string)) });
    case "optional":
      return value === undefined ? fc.constant(null) : inputFor(t.inner, value);
    case "list":
      return (value as unknown[]).length === 0
        ? fc.constant([])
        : fc.tuple(...(value as unknown[]).map((v) => inputFor(t.element, v)));
    case "map": {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) return fc.constant({});
      return fc.tuple(...entries.map(([, v]) => inputFor(t.value, v))).map((vs) => {
        const out: Record<string, unknown> = {};
        entries.forEach(([k], i) => put(out, k, vs[i]));
        return out;
      });
    }
    case "struct":
      return structInput(t.name, value as Record<string, unknown>);
  }
}

/** May this field be left out of an object and still read as `v`? */
function omissible(f: Field, v: unknown): boolean {
  if (f.type.k === "optional" && v === undefined) return true;
  return f.default !== undefined && sameValue(f.type, v, f.default());
}

function structInput(name: StructName, value: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = fieldsOf(name);
  const parts = fc.tuple(...fields.map((f) => inputFor(f.type, value[f.key])));
  // Object form: each field written, or left out when that reads back the same.
  const objectForm = fc
    .tuple(parts, fc.array(fc.boolean(), { minLength: fields.length, maxLength: fields.length }), unknownFields, fc.boolean())
    .map(([inputs, drop, extra, extraFirst]) => {
      const out: Record<string, unknown> = {};
      const known = new Set(fields.map((f) => f.key));
      const addExtra = (): void => {
        for (const [k, v] of extra) if (!known.has(k)) put(out, k, v);
      };
      if (extraFirst) addExtra();
      fields.forEach((f, i) => {
        if (!(drop[i] && omissible(f, value[f.key]))) put(out, f.key, inputs[i]);
      });
      if (!extraFirst) addExtra();
      return out;
    });
  // serde's sequence form: the fields in order; trailing fields with a default may be left out.
  let minLength = fields.length;
  while (minLength > 0) {
    const f = fields[minLength - 1]!;
    if (f.default === undefined || !sameValue(f.type, value[f.key], f.default())) break;
    minLength--;
  }
  const seqForm = fc.tuple(parts, fc.integer({ min: minLength, max: fields.length })).map(([inputs, n]) => inputs.slice(0, n));
  return fc.oneof({ weight: 4, arbitrary: objectForm }, { weight: 1, arbitrary: seqForm });
}

/** A valid value together with an input that reads as it. */
export function validInput(name: TypeName): fc.Arbitrary<{ value: unknown; input: unknown }> {
  const t = TYPES[name];
  return validValue(name).chain((value) => inputFor(t, value).map((input) => ({ value, input })));
}

// ---------------------------------------------------------------------------------------------
// Hostile values: anything JavaScript can hold, shaped to look almost right.

class Opaque {
  constructor(readonly pool_id = "p") {}
  get tenant_id(): string {
    return "t";
  }
}

/** Leaves for hostile values: every primitive kind and a few objects that are not JSON. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    false,
    0,
    -0,
    1,
    -1,
    0.5,
    255,
    256,
    2 ** 32,
    2 ** 53,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    NaN,
    Infinity,
    -Infinity,
    60n,
    -1n,
    2n ** 64n,
    "60",
    "worker",
    "Worker",
    "",
    "\ud800",
    "a\udc00b",
    Symbol("s"),
    Symbol.iterator,
    Symbol.for("__proto__"),
  ),
  fc.constantFrom(
    () => 1,
    function named() {},
    class K {},
    Math.max,
  ),
  fc.constant(null).map(() => new Opaque()),
  fc.constant(null).map(() => new Date(0)),
  fc.constant(null).map(() => /re/g),
  fc.constant(null).map(() => new Error("e")),
  fc.constant(null).map(() => new Map<unknown, unknown>([["worker", null]])),
  fc.constant(null).map(() => new Set(["a"])),
  fc.constant(null).map(() => new Uint8Array([1, 2])),
  fc.constant(null).map(() => new ArrayBuffer(4)),
  fc.constant(null).map(() => Object("worker") as unknown),
  fc.constant(null).map(() => Object(5) as unknown),
  fc.constant(null).map(() => Object(true) as unknown),
  fc.constant(null).map(() => Object.create(null) as unknown),
  fc.constant(null).map(() => Promise.resolve(1)),
  fc.constant(null).map(() => new WeakMap()),
  anyString,
  fc.double(),
  fc.integer(),
  fc.bigInt(),
);

/** Keys of hostile objects: the model's field names, prototype keys, anything. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FIELD_NAMES),
  fc.constantFrom(...ROLES),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "__defineGetter__", "length", "0"),
  anyString,
);

/** Any JavaScript value (JSON-shaped or not), objects keyed like the model's. */
export const hostileValue: fc.Arbitrary<unknown> = fc.anything({
  key: hostileKey,
  values: [hostileLeaf],
  maxDepth: 4,
  maxKeys: 6,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: "binary",
});

/** Replaces the node at `path` of a (cloned) tree. */
function replaceAt(root: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = replaceAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(root as object)) put(copy, k, (root as Record<string, unknown>)[k]);
  put(copy, head as string, replaceAt(copy[head as string], rest, replacement));
  return copy;
}

/** Every path to an object or array of a JSON tree (the root included). */
export function containerPaths(root: unknown, limit = 200): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (out.length >= limit || typeof node !== "object" || node === null) return;
    out.push(path);
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else for (const k of Object.keys(node)) walk((node as Record<string, unknown>)[k], [...path, k]);
  };
  walk(root, []);
  return out;
}

/** Every path of a JSON tree (containers and leaves). */
export function allPaths(root: unknown, limit = 400): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (out.length >= limit) return;
    out.push(path);
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else for (const k of Object.keys(node)) walk((node as Record<string, unknown>)[k], [...path, k]);
  };
  walk(root, []);
  return out;
}

/** A valid input of the type with one place replaced by a hostile value. */
export function hostileNearValid(name: TypeName): fc.Arbitrary<unknown> {
  return fc
    .tuple(validInput(name), fc.nat(), hostileValue)
    .map(([{ input }, pick, replacement]) => {
      const paths = allPaths(input);
      return replaceAt(input, paths[pick % paths.length]!, replacement);
    });
}

/** Hostile inputs of a type: anything, or a valid input with a hostile part. */
export function hostileInput(name: TypeName): fc.Arbitrary<unknown> {
  return fc.oneof(hostileValue, hostileNearValid(name));
}

// ---------------------------------------------------------------------------------------------
// Small mutations of valid JSON inputs, for the differential test against the JSON Schema.

/** JSON values that break a field: wrong types, integers out of range or not integers. */
export const badJsonLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    "",
    "1",
    "worker",
    "Worker",
    "WORKER",
    "gateway ",
    -1,
    0.5,
    1.5,
    255,
    256,
    -0,
    2 ** 31,
    2 ** 32 - 1,
    2 ** 32,
    2 ** 53,
    2 ** 53 + 2,
    2 ** 64,
    1e300,
    -1e300,
    [],
    {},
    [null],
    ["a"],
    [1, 2, 3],
    { worker: null },
    { gateway: null },
    { Worker: null },
    { worker: 0 },
    { worker: null, builder: null },
    { "capability-imessage": null },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

export type Mutation =
  | { readonly op: "replace"; readonly at: number; readonly value: unknown }
  | { readonly op: "delete"; readonly at: number }
  | { readonly op: "add"; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: "to-seq"; readonly at: number }
  | { readonly op: "to-map"; readonly at: number }
  | { readonly op: "truncate"; readonly at: number; readonly length: number }
  | { readonly op: "append"; readonly at: number; readonly value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("replace" as const), at: fc.nat(), value: badJsonLeaf }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("add" as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...FIELD_NAMES, "__proto__", "worker"), anyString),
    value: badJsonLeaf,
  }),
  fc.record({ op: fc.constant("to-seq" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("to-map" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat(), length: fc.nat({ max: 20 }) }),
  fc.record({ op: fc.constant("append" as const), at: fc.nat(), value: badJsonLeaf }),
);

/** Applies one mutation to a JSON tree (returns a new tree; the input is left as it is). */
export function applyMutation(root: unknown, m: Mutation): unknown {
  if (m.op === "replace") {
    const paths = allPaths(root);
    return replaceAt(root, paths[m.at % paths.length]!, m.value);
  }
  const containers = containerPaths(root);
  if (containers.length === 0) return root;
  const path = containers[m.at % containers.length]!;
  let node: unknown = root;
  for (const seg of path) node = (node as Record<string, unknown>)[seg as string];
  const obj = node as Record<string, unknown> | unknown[];
  switch (m.op) {
    case "delete": {
      if (Array.isArray(obj)) return replaceAt(root, path, obj.slice(0, -1));
      const keys = Object.keys(obj);
      if (keys.length === 0) return root;
      const drop = keys[m.at % keys.length];
      const copy: Record<string, unknown> = {};
      for (const k of keys) if (k !== drop) put(copy, k, obj[k]);
      return replaceAt(root, path, copy);
    }
    case "add": {
      if (Array.isArray(obj)) return replaceAt(root, path, [...obj, m.value]);
      const copy: Record<string, unknown> = {};
      for (const k of Object.keys(obj)) put(copy, k, obj[k]);
      put(copy, m.key, m.value);
      return replaceAt(root, path, copy);
    }
    case "to-seq":
      // A struct written as an array of its values (in object order, which may be wrong).
      return Array.isArray(obj) ? root : replaceAt(root, path, Object.values(obj));
    case "to-map": {
      // An array written as an object of index keys.
      if (!Array.isArray(obj)) return root;
      const copy: Record<string, unknown> = {};
      obj.forEach((v, i) => put(copy, String(i), v));
      return replaceAt(root, path, copy);
    }
    case "truncate":
      return Array.isArray(obj) ? replaceAt(root, path, obj.slice(0, m.length % (obj.length + 1))) : root;
    case "append":
      return Array.isArray(obj) ? replaceAt(root, path, [...obj, m.value]) : root;
  }
}

/** JSON inputs of a type: valid ones and valid ones with up to three mutations. */
export function jsonInput(name: TypeName): fc.Arbitrary<unknown> {
  return fc
    .tuple(validInput(name), fc.array(mutation, { maxLength: 3 }))
    .map(([{ input }, ms]) => ms.reduce((tree, m) => applyMutation(tree, m), input));
}
