/**
 * fast-check arbitraries of any model, derived from its IR (not written by hand for one model):
 * wire data of valid values in every form serde reads (defaults left out, fields in any order,
 * unknown fields, serde's sequence form of a struct and map form of a unit variant), mutations
 * of that data and of its JSON text, and arguments of path helpers. One function per kind of
 * type expression and per kind of declaration: a new kind of the IDL adds a case here.
 */
import fc from "fast-check";
import { hasSequenceForm, isRead } from "../../generator/src/model/facts.js";
import {
  assertNever,
  indexModel,
  type EnumDecl,
  type EnumVariant,
  type Field,
  type IntegerName,
  type Model,
  type ModelIndex,
  type OpenEnumDecl,
  type PathHelper,
  type StringDecl,
  type StructDecl,
  type TypeDecl,
  type TypeRef,
} from "../../generator/src/model/ir.js";
import { anyString, applyMutation, badJsonLeaf, mapKey, type Mutation } from "./arbitraries.js";

/** Integers beyond this size are the documented difference (TypeScript refuses them); valid data stays within. */
const EXACT = 2 ** 53;

const INTEGER_BOUNDS: Readonly<Record<IntegerName, readonly [number, number]>> = {
  u8: [0, 255],
  u16: [0, 65535],
  u32: [0, 4294967295],
  u64: [0, EXACT],
  usize: [0, EXACT],
  i8: [-128, 127],
  i16: [-32768, 32767],
  i32: [-2147483648, 2147483647],
  i64: [-EXACT, EXACT],
  isize: [-EXACT, EXACT],
};

/** Edge values of a float: zeros, the extremes, values whose shortest form is long or uses an exponent. */
const EDGE_FLOATS = [
  0, -0, 1, -1, 0.1, 0.5, 1.5, 1e15, 1e16, 1e17, 1e21, 1e-7, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 123456789.123,
  9007199254740993, -2.5e-10,
];

/** Edge values of an f32: its extremes, subnormals, and doubles that round to it. */
const EDGE_FLOATS_32 = [0, -0, 1, -1, 0.1, 16777217, 3.4028234663852886e38, 1.401298464324817e-45, 1.1754943508222875e-38, 1e-7, 0.3];

/** Characters: ASCII, escapes, the edges of the planes and of the surrogates. */
const EDGE_CHARS = ["a", "\u0000", "\"", "\\", "\u001f", "\u007f", "\ud7ff", "\ue000", "\uffff", "\u{10000}", "\u{10ffff}", "\u{1f600}"];

export interface ModelArbitraryOptions {
  /** How deep recursive types go before their optional, list and map fields stay empty. */
  readonly maxDepth?: number;
}

type Entries = [string, unknown][];

export class ModelArbitraries {
  readonly index: ModelIndex;
  private readonly maxDepth: number;
  private readonly memo = new Map<string, fc.Arbitrary<unknown>>();

  constructor(
    readonly model: Model,
    options: ModelArbitraryOptions = {},
  ) {
    this.index = indexModel(model);
    this.maxDepth = options.maxDepth ?? 3;
  }

  /** Wire data of a valid value of a declared type, in any form serde accepts for it. */
  wire(typeName: string): fc.Arbitrary<unknown> {
    return this.named(typeName, 0);
  }

  /** Wire data of a valid value of a type expression at nesting `depth`. */
  typeRef(t: TypeRef, depth: number): fc.Arbitrary<unknown> {
    const deep = depth >= this.maxDepth;
    switch (t.kind) {
      case "primitive":
        switch (t.name) {
          case "string":
            return anyString;
          case "bool":
            return fc.boolean();
          case "unit":
            return fc.constant(null);
          case "char":
            return fc.oneof(fc.constantFrom(...EDGE_CHARS), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));
          case "f64":
            return fc.oneof(fc.constantFrom(...EDGE_FLOATS), fc.double({ noNaN: true, noDefaultInfinity: true }));
          case "f32":
            return fc.oneof(
              fc.constantFrom(...EDGE_FLOATS_32),
              fc.float({ noNaN: true, noDefaultInfinity: true }),
              fc.double({ noNaN: true, min: -3.4e38, max: 3.4e38 }),
            );
          default: {
            const [min, max] = INTEGER_BOUNDS[t.name];
            const edges = [min, max, 0, 1, min + 1, max - 1].filter((n) => n >= min && n <= max);
            return fc.oneof(
              fc.constantFrom(...edges),
              fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }),
              fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number),
            );
          }
        }
      case "json":
        return fc.jsonValue({ maxDepth: deep ? 0 : 2 });
      case "optional":
        return deep ? fc.constant(null) : fc.option(this.typeRef(t.inner, depth + 1), { nil: null, freq: 3 });
      case "list":
        return deep ? fc.constant([]) : fc.array(this.typeRef(t.element, depth + 1), { maxLength: 4 });
      case "set":
        return deep ? fc.constant([]) : fc.array(this.typeRef(t.element, depth + 1), { maxLength: 4 });
      case "map":
        return deep
          ? fc.constant({})
          : fc.uniqueArray(fc.tuple(this.key(t.key), this.typeRef(t.value, depth + 1)), { selector: ([k]) => k, maxLength: 4 }).map(objectOf);
      case "tuple":
        return fc.tuple(...t.items.map((item) => this.typeRef(item, depth + 1)));
      case "array":
        return fc.array(this.typeRef(t.element, depth + 1), { minLength: t.length, maxLength: t.length });
      case "box":
        return this.typeRef(t.inner, depth);
      case "named":
        return this.named(t.name, depth);
      default:
        return assertNever(t);
    }
  }

  /** A map key of type `t` as its JSON string. */
  private key(t: TypeRef): fc.Arbitrary<string> {
    if (t.kind === "primitive") {
      if (t.name === "string") return mapKey;
      if (t.name === "char") return this.typeRef(t, 0) as fc.Arbitrary<string>;
      if (t.name === "bool") return fc.constantFrom("true", "false");
      return fc.oneof(this.typeRef(t, 0).map(String), fc.constantFrom("01", "+1", "-0", " 1", "1.0", "x"));
    }
    const decl = t.kind === "named" ? this.index.types.get(t.name) : undefined;
    switch (decl?.kind) {
      case "newtype":
        return this.key(decl.type);
      case "enum":
        return fc.oneof(fc.constantFrom(...decl.variants.flatMap((v) => [v.wire, ...v.aliases])), anyString);
      case "open-enum":
        return openEnumWire(decl) as fc.Arbitrary<string>;
      case "string":
        return stringWire(decl);
      default:
        return mapKey;
    }
  }

  private named(name: string, depth: number): fc.Arbitrary<unknown> {
    const key = `${name}@${depth}`;
    let arb = this.memo.get(key);
    if (arb === undefined) {
      const decl = this.index.types.get(name);
      if (decl === undefined) throw new Error(`no type ${name}`);
      // Recursive types: built on first use, so a type reaching itself again at the same depth finds it.
      arb = fc.constant(null).chain(() => this.decl(decl, depth));
      this.memo.set(key, arb);
    }
    return arb;
  }

  /** Wire data of a declaration. */
  decl(decl: TypeDecl, depth: number): fc.Arbitrary<unknown> {
    switch (decl.kind) {
      case "enum":
        return this.enumWire(decl, depth);
      case "open-enum":
        return openEnumWire(decl);
      case "string":
        return stringWire(decl);
      case "struct":
        return this.structWire(decl, depth);
      case "newtype":
        return this.typeRef(decl.type, depth + 1);
      case "tuple-struct":
        return fc.tuple(...decl.items.map((t) => this.typeRef(t, depth + 1)));
      case "unit-struct":
        return fc.constant(null);
      default:
        return assertNever(decl);
    }
  }

  /** The entries an object of these fields has: each read field under its wire name or an alias, flattened ones inline. */
  private fieldEntries(fields: readonly Field[], depth: number, canLeaveOut: (f: Field) => boolean): fc.Arbitrary<Entries> {
    return fc
      .tuple(
        ...fields.map((f): fc.Arbitrary<Entries> => {
          if (!isRead(f)) return fc.constant<Entries>([]);
          const value = this.typeRef(f.type, depth + 1);
          if (f.flatten) return value.map((v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.entries(v) : []));
          const names = [f.wire, ...f.aliases];
          const entry = fc.tuple(fc.constantFrom(...names), value).map(([k, v]): Entries => [[k, v]]);
          return canLeaveOut(f) ? fc.oneof({ weight: 4, arbitrary: entry }, { weight: 1, arbitrary: fc.constant<Entries>([]) }) : entry;
        }),
      )
      .map((parts) => parts.flat());
  }

  private structWire(decl: StructDecl, depth: number): fc.Arbitrary<unknown> {
    if (decl.transparent) {
      const inner = decl.fields.find((f) => f.skip !== "both");
      return inner === undefined ? fc.constant(null) : this.typeRef(inner.type, depth + 1);
    }
    const leaveOut = (f: Field): boolean => decl.missingFromDefault || f.default !== undefined || f.type.kind === "optional";
    const objectForm = fc.tuple(this.fieldEntries(decl.fields, depth, leaveOut), unknownFields(decl), fc.nat()).map(([entries, extra, order]) => {
      const all = [...entries, ...extra];
      // Fields in any order: rotated by a random amount.
      const shift = all.length === 0 ? 0 : order % all.length;
      return objectOf([...all.slice(shift), ...all.slice(0, shift)]);
    });
    if (!hasSequenceForm(decl)) return objectForm;
    // serde's sequence form: the read fields in order; trailing fields with a default may be left out.
    const read = decl.fields.filter(isRead);
    const values = fc.tuple(...read.map((f) => this.typeRef(f.type, depth + 1)));
    let minLength = read.length;
    while (minLength > 0 && (read[minLength - 1]!.default !== undefined || decl.missingFromDefault)) minLength--;
    const seqForm = fc.tuple(values, fc.integer({ min: minLength, max: read.length })).map(([vs, n]) => vs.slice(0, n));
    return fc.oneof({ weight: 5, arbitrary: objectForm }, { weight: 1, arbitrary: seqForm });
  }

  /** A variant's data: `null` for a unit variant, the value, the tuple, or the fields' object. */
  private variantData(v: EnumVariant, depth: number): fc.Arbitrary<unknown> {
    switch (v.payload.kind) {
      case "unit":
        return fc.constant(null);
      case "newtype":
        return this.typeRef(v.payload.type, depth + 1);
      case "tuple":
        return fc.tuple(...v.payload.items.map((t) => this.typeRef(t, depth + 1)));
      case "struct": {
        const fields = v.payload.fields;
        return this.fieldEntries(fields, depth, (f) => f.default !== undefined || f.type.kind === "optional").map(objectOf);
      }
      default:
        return assertNever(v.payload);
    }
  }

  private enumWire(decl: EnumDecl, depth: number): fc.Arbitrary<unknown> {
    const repr = decl.repr;
    const variants = decl.variants.map((v): fc.Arbitrary<unknown> => {
      const tag = v.other ? fc.oneof(fc.constant(v.wire), anyString) : fc.constantFrom(v.wire, ...v.aliases);
      const data = this.variantData(v, depth);
      switch (repr.kind) {
        case "external":
          if (v.payload.kind === "unit") return fc.oneof({ weight: 4, arbitrary: tag }, { weight: 1, arbitrary: tag.map((w) => objectOf([[w, null]])) });
          return fc.tuple(tag, data).map(([w, d]) => objectOf([[w, d]]));
        case "internal":
          return fc.tuple(tag, data).map(([w, d]) => {
            const rest = d !== null && typeof d === "object" && !Array.isArray(d) ? Object.entries(d) : [];
            return objectOf([[repr.tag, w], ...rest]);
          });
        case "adjacent":
          if (v.payload.kind === "unit") return tag.map((w) => objectOf([[repr.tag, w]]));
          return fc.tuple(tag, data).map(([w, d]) => objectOf([[repr.tag, w], [repr.content, d]]));
        case "untagged":
          return data;
        default:
          return assertNever(repr);
      }
    });
    return fc.oneof(...variants);
  }

/** Arguments of a path helper: valid for its types most of the time, else edges and any string. */
  pathArgs(helper: PathHelper): fc.Arbitrary<string[]> {
    return fc.tuple(
      ...helper.params.map((p) => {
        const decl = p.type.kind === "named" ? this.index.types.get(p.type.name) : undefined;
        const valid =
          decl?.kind === "string" ? stringWire(decl) : fc.string({ unit: fc.constantFrom(..."abc-_.XYZ09"), minLength: 1, maxLength: 8 });
        return fc.oneof(
          { weight: 4, arbitrary: valid as fc.Arbitrary<string> },
          { weight: 1, arbitrary: PATH_EDGES },
          { weight: 1, arbitrary: anyString },
        );
      }),
    );
  }

  /** Field names, variant wire names and other keys of the model, for mutations. */
  keys(): string[] {
    const keys = new Set<string>();
    for (const t of this.index.types.values()) {
      if (t.kind === "struct") for (const f of t.fields) keys.add(f.wire);
      if (t.kind === "enum") for (const v of t.variants) keys.add(v.wire);
    }
    return [...keys];
  }

  /** Tree mutations whose added keys are the model's own names (and a few hostile ones). */
  mutation(): fc.Arbitrary<Mutation> {
    const keys = this.keys();
    const key = fc.oneof(fc.constantFrom(...keys, "__proto__", "constructor", ""), anyString);
    const known = keys.length === 0 ? badJsonLeaf : fc.oneof(badJsonLeaf, fc.constantFrom(...keys));
    return fc.oneof(
      fc.record({ op: fc.constant("replace" as const), at: fc.nat(), value: badJsonLeaf }),
      fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
      fc.record({ op: fc.constant("add" as const), at: fc.nat(), key, value: known }),
      fc.record({ op: fc.constant("to-seq" as const), at: fc.nat() }),
      fc.record({ op: fc.constant("to-map" as const), at: fc.nat() }),
      fc.record({ op: fc.constant("truncate" as const), at: fc.nat(), length: fc.nat({ max: 20 }) }),
      fc.record({ op: fc.constant("append" as const), at: fc.nat(), value: badJsonLeaf }),
    );
  }

  /** Wire data of a type with up to three tree mutations. */
  mutated(typeName: string): fc.Arbitrary<unknown> {
    return fc
      .tuple(this.wire(typeName), fc.array(this.mutation(), { maxLength: 3 }))
      .map(([w, ms]) => ms.reduce((tree, m) => applyMutation(tree, m), w));
  }
}

function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

function openEnumWire(decl: OpenEnumDecl): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constantFrom(...decl.values.map((v) => v.value)), anyString);
}

/**
 * Strings that follow a `kind: string` rule: from its pattern when it has one, checked by the rule.
 * A rule few candidates follow (a pattern and lengths that barely meet) gets the followers found
 * among a sample; a rule none follows (`^.{2,5}$` at most 1 long: valid IDL, no value) gets the
 * candidates themselves, which both sides must refuse.
 */
export function stringWire(decl: StringDecl): fc.Arbitrary<string> {
  const re = decl.pattern === undefined ? undefined : new RegExp(decl.pattern, "u");
  const length = (s: string): number => [...s].length;
  const follows = (s: string): boolean =>
    (decl.minLength === undefined || length(s) >= decl.minLength) &&
    (decl.maxLength === undefined || length(s) <= decl.maxLength) &&
    (re === undefined || re.test(s));
  const candidates =
    re === undefined
      ? fc.string({ unit: "binary", minLength: decl.minLength ?? 0, maxLength: Math.min(decl.maxLength ?? 12, 64) })
      : fc.stringMatching(re);
  const sample = fc.sample(candidates, { numRuns: 400, seed: 1 });
  const followers = [...new Set(sample.filter(follows))];
  if (followers.length === 0) return candidates;
  if (followers.length < sample.length / 10) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...followers) }, { weight: 1, arbitrary: candidates });
  return candidates.filter(follows);
}

/** Arguments that are not a single path segment, or are near it. */
const PATH_EDGES = fc.constantFrom(
  "",
  ".",
  "..",
  "...",
  "a/b",
  "/",
  "a\\b",
  "a\u0000b",
  "%2e%2e",
  "\u0430cme",
  "a\n",
  " a",
  "A",
  "-a",
  "a-",
  "a".repeat(64),
);

function unknownFields(decl: StructDecl): fc.Arbitrary<[string, unknown][]> {
  if (decl.unknownFields === "deny") return fc.constant([]);
  const known = new Set(decl.fields.map((f) => f.wire));
  return fc
    .uniqueArray(fc.tuple(fc.oneof(fc.constantFrom("extra", "__proto__", "x-y", ""), anyString), fc.jsonValue({ maxDepth: 2 })), {
      selector: ([k]) => k,
      maxLength: 2,
    })
    .map((entries) => entries.filter(([k]) => !known.has(k)));
}

// ---------------------------------------------------------------------------------------------
// JSON text with what only text shows: whitespace, escapes, repeated keys, number spellings.

/** Decisions for the text writer, drawn by fast-check (so cases replay and shrink). */
export interface TextTweaks {
  readonly choices: readonly number[];
}

export const textTweaks: fc.Arbitrary<TextTweaks> = fc.record({ choices: fc.array(fc.nat({ max: 999 }), { minLength: 8, maxLength: 64 }) });

const SPACES = ["", " ", "\n", "\t", "\r\n", "  \n  "];
const BIG_NUMBERS = [
  "9007199254740993",
  "18446744073709551615",
  "18446744073709551616",
  "-9223372036854775808",
  "-9223372036854775809",
  "1e400",
  "-1e400",
  "4294967296",
  "256",
];

/**
 * Writes wire data as JSON text, letting `tweaks` pick where text differs from `JSON.stringify`:
 * whitespace, escaped characters, a key written twice, integers as `1.0`, `1e0` or `-0`, big
 * integers, trailing garbage. Some of these serde reads, some it refuses: the two sides must agree.
 */
export function tweakedText(data: unknown, tweaks: TextTweaks): string {
  let i = 0;
  const next = (): number => tweaks.choices[i++ % tweaks.choices.length]!;
  const chance = (per1000: number): boolean => next() < per1000;
  const space = (): string => (chance(150) ? SPACES[next() % SPACES.length]! : "");
  const str = (s: string): string => {
    if (!chance(100)) return JSON.stringify(s);
    // Escape every character as \uXXXX (surrogate pairs as two escapes).
    let out = '"';
    for (let j = 0; j < s.length; j++) out += `\\u${s.charCodeAt(j).toString(16).padStart(4, "0")}`;
    return `${out}"`;
  };
  const num = (n: number): string => {
    if (Number.isInteger(n) && chance(60)) {
      const forms = [`${n}.0`, `${n}e0`, `${n}E+0`, n === 0 ? "-0" : `${n}.00`];
      return forms[next() % forms.length]!;
    }
    if (chance(30)) return BIG_NUMBERS[next() % BIG_NUMBERS.length]!;
    return JSON.stringify(n);
  };
  const write = (v: unknown): string => {
    if (v === null || typeof v === "boolean") return JSON.stringify(v);
    if (typeof v === "number") return num(v);
    if (typeof v === "string") return str(v);
    if (Array.isArray(v)) return `[${space()}${v.map((e) => `${write(e)}${space()}`).join(`,${space()}`)}]`;
    const entries = Object.keys(v as object).map((k) => [k, (v as Record<string, unknown>)[k]] as const);
    if (entries.length > 0 && chance(80)) {
      // A key written twice: serde refuses it for a struct, keeps the last for a map.
      const [k, val] = entries[next() % entries.length]!;
      entries.push([k, chance(500) ? val : null]);
    }
    return `{${space()}${entries.map(([k, val]) => `${str(k)}${space()}:${space()}${write(val)}`).join(`,${space()}`)}${space()}}`;
  };
  let text = `${space()}${write(data)}${space()}`;
  if (chance(40)) text += [",", "x", " 1", "}", "]", "\u00a0"][next() % 6]!;
  if (chance(30)) text = text.slice(0, next() % (text.length + 1));
  return text;
}
