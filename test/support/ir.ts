/**
 * IR values built directly, for tests of the emitters and of `idlc diff` that must not depend on
 * the loader: every node carries a source range at a line the test chooses, so findings can be
 * asserted by line as the fixture tests do.
 */
import type { SourceRange } from "../../generator/src/diagnostics/diagnostic.js";
import {
  isPrimitiveName,
  type EnumDecl,
  type EnumRepr,
  type EnumVariant,
  type Field,
  type FieldDefault,
  type KnownValue,
  type Model,
  type Module,
  type NewtypeDecl,
  type OpenEnumDecl,
  type RenameRule,
  type StringDecl,
  type StructDecl,
  type TupleStructDecl,
  type TypeDecl,
  type TypeRef,
  type UnitStructDecl,
  type VariantPayload,
  type WireValue,
} from "../../generator/src/model/ir.js";

/** The file every built node says it comes from. */
export const FILE = "idl/m.yaml";

/** A range at `line` (column 3, where a declaration's key sits in the IDL). */
export function at(line: number, col = 3): SourceRange {
  return { file: FILE, start: { line, col, offset: line * 100 + col }, end: { line, col: col + 1, offset: line * 100 + col + 1 } };
}

/**
 * A type expression from its IDL text: `map<u32, list<Id>>`, `tuple<string, u8>`, `array<u8, 3>`,
 * `hash_set<string>`, `box<Node>`. Every node gets the range of `line`.
 */
export function ty(text: string, line = 1): TypeRef {
  let pos = 0;
  const range = at(line, 9);
  const name = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9]+/.exec(text.slice(pos));
    if (!m) throw new Error(`bad type text at ${pos}: ${text}`);
    pos += m[0].length;
    return m[0];
  };
  const skip = (): void => {
    while (text[pos] === " ") pos++;
  };
  const parse = (): TypeRef => {
    skip();
    const n = name();
    skip();
    const args: string[] = [];
    const types: TypeRef[] = [];
    if (text[pos] === "<") {
      pos++;
      for (;;) {
        skip();
        if (/[0-9]/.test(text[pos] ?? "")) args.push(name());
        else types.push(parse());
        skip();
        if (text[pos] === ",") pos++;
        else if (text[pos] === ">") {
          pos++;
          break;
        } else throw new Error(`bad type text at ${pos}: ${text}`);
      }
    }
    switch (n) {
      case "json":
        return { kind: "json", range };
      case "optional":
        return { kind: "optional", inner: types[0]!, range };
      case "list":
        return { kind: "list", element: types[0]!, range };
      case "set":
      case "hash_set":
        return { kind: "set", element: types[0]!, hashed: n === "hash_set", range };
      case "map":
      case "hash_map":
        return { kind: "map", key: types[0]!, value: types[1]!, hashed: n === "hash_map", range };
      case "tuple":
        return { kind: "tuple", items: types, range };
      case "array":
        return { kind: "array", element: types[0]!, length: Number(args[0]), range };
      case "box":
        return { kind: "box", inner: types[0]!, range };
      default:
        return isPrimitiveName(n) ? { kind: "primitive", name: n, range } : { kind: "named", name: n, range };
    }
  };
  const t = parse();
  if (pos !== text.length) throw new Error(`trailing text in ${text}`);
  return t;
}

type FieldOptions = Partial<Omit<Field, "type" | "default" | "range">> & {
  readonly line?: number;
  /** A literal default (wire JSON), or `"type"` for `type_default: true`. */
  readonly default?: WireValue | { readonly type: true };
};

/** A struct (or struct variant) field; its wire name is its name unless given. */
export function field(name: string, type: string | TypeRef, options: FieldOptions = {}): Field {
  const line = options.line ?? 1;
  const { line: _line, default: d, ...rest } = options;
  let fieldDefault: FieldDefault | undefined;
  if (d !== undefined) {
    fieldDefault =
      typeof d === "object" && d !== null && !Array.isArray(d) && (d as { type?: unknown }).type === true
        ? { kind: "type", range: at(line, 7) }
        : { kind: "literal", value: d as WireValue, range: at(line, 7) };
  }
  return {
    name,
    wire: name,
    aliases: [],
    type: typeof type === "string" ? ty(type, line) : type,
    default: fieldDefault,
    omit: "never",
    flatten: false,
    skip: "none",
    doc: "",
    range: at(line, 5),
    ...rest,
  };
}

type DeclOptions<T> = Partial<Omit<T, "kind" | "name" | "range">> & { readonly line?: number };

export function struct(name: string, fields: readonly Field[], options: DeclOptions<StructDecl> = {}): StructDecl {
  const { line, ...rest } = options;
  return {
    kind: "struct",
    name,
    module: "m",
    doc: "",
    renameAll: undefined,
    fields,
    hasDefault: false,
    defaultValue: undefined,
    missingFromDefault: false,
    transparent: false,
    unknownFields: "ignore",
    range: at(line ?? 1),
    ...rest,
  };
}

/** A variant's payload: unit (nothing), a newtype's type text, a tuple's, or struct fields. */
export type PayloadSpec =
  | undefined
  | { readonly newtype: string | TypeRef }
  | { readonly tuple: readonly (string | TypeRef)[] }
  | { readonly fields: readonly Field[]; readonly renameAll?: RenameRule };

type VariantOptions = Partial<Omit<EnumVariant, "name" | "payload" | "range">> & { readonly line?: number };

export function variant(name: string, payload?: PayloadSpec, options: VariantOptions = {}): EnumVariant {
  const { line, ...rest } = options;
  const asType = (t: string | TypeRef): TypeRef => (typeof t === "string" ? ty(t, line ?? 1) : t);
  let p: VariantPayload = { kind: "unit" };
  if (payload !== undefined && "newtype" in payload) p = { kind: "newtype", type: asType(payload.newtype) };
  else if (payload !== undefined && "tuple" in payload) p = { kind: "tuple", items: payload.tuple.map(asType) };
  else if (payload !== undefined) p = { kind: "struct", fields: payload.fields, renameAll: payload.renameAll };
  const wire = rest.wire ?? name;
  return { name, wire, aliases: [], display: wire, payload: p, other: false, doc: "", range: at(line ?? 1, 5), ...rest };
}

export function enumDecl(name: string, variants: readonly EnumVariant[], options: DeclOptions<EnumDecl> = {}): EnumDecl {
  const { line, ...rest } = options;
  return {
    kind: "enum",
    name,
    module: "m",
    doc: "",
    renameAll: undefined,
    repr: { kind: "external" } satisfies EnumRepr,
    variants,
    defaultVariant: undefined,
    unknownFields: "ignore",
    range: at(line ?? 1),
    ...rest,
  };
}

export function openEnum(name: string, values: readonly string[], options: DeclOptions<OpenEnumDecl> = {}): OpenEnumDecl {
  const { line, ...rest } = options;
  const known = values.map((value): KnownValue => ({ value, name: value.charAt(0).toUpperCase() + value.slice(1), doc: "", range: at(line ?? 1, 5) }));
  return { kind: "open-enum", name, module: "m", doc: "", values: known, defaultValue: undefined, range: at(line ?? 1), ...rest };
}

export function stringType(name: string, options: DeclOptions<StringDecl> = {}): StringDecl {
  const { line, ...rest } = options;
  return {
    kind: "string",
    name,
    module: "m",
    doc: "",
    minLength: undefined,
    maxLength: undefined,
    pattern: undefined,
    patternDoc: undefined,
    range: at(line ?? 1),
    ...rest,
  };
}

export function newtype(name: string, type: string | TypeRef, options: DeclOptions<NewtypeDecl> = {}): NewtypeDecl {
  const { line, ...rest } = options;
  const inner = typeof type === "string" ? ty(type, line ?? 1) : type;
  return { kind: "newtype", name, module: "m", doc: "", type: inner, hasDefault: false, range: at(line ?? 1), ...rest };
}

export function tupleStruct(name: string, items: readonly (string | TypeRef)[], options: DeclOptions<TupleStructDecl> = {}): TupleStructDecl {
  const { line, ...rest } = options;
  const types = items.map((t) => (typeof t === "string" ? ty(t, line ?? 1) : t));
  return { kind: "tuple-struct", name, module: "m", doc: "", items: types, hasDefault: false, range: at(line ?? 1), ...rest };
}

export function unitStruct(name: string, options: DeclOptions<UnitStructDecl> = {}): UnitStructDecl {
  const { line, ...rest } = options;
  return { kind: "unit-struct", name, module: "m", doc: "", hasDefault: false, range: at(line ?? 1), ...rest };
}

/** A model of one module `m` (file idl/m.yaml) holding these declarations. */
export function model(...types: readonly TypeDecl[]): Model {
  const m: Module = { name: "m", file: FILE, doc: "", imports: [], types, roots: [], paths: [], range: at(1, 1) };
  return { modules: [m] };
}
