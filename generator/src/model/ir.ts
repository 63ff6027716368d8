/**
 * The intermediate model: what the loader hands to the emitters and to diff. Kind-tagged nodes,
 * each with the source range it came from. Emitters switch on `kind` exhaustively.
 */
import type { SourceRange } from "../diagnostics/diagnostic.js";

export type IntegerName = "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize";
export type FloatName = "f32" | "f64";
/** Scalars: serde's primitive types (`unit` is `()`). */
export type PrimitiveName = "string" | "char" | "bool" | "unit" | FloatName | IntegerName;

export const INTEGER_NAMES: readonly IntegerName[] = ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"];
export const PRIMITIVE_NAMES: readonly PrimitiveName[] = ["string", "char", "bool", "unit", "f32", "f64", ...INTEGER_NAMES];

export function isIntegerName(name: string): name is IntegerName {
  return (INTEGER_NAMES as readonly string[]).includes(name);
}

export function isPrimitiveName(name: string): name is PrimitiveName {
  return (PRIMITIVE_NAMES as readonly string[]).includes(name);
}

/** A use of a type, as written in a field, element or parameter. */
export type TypeRef =
  | { readonly kind: "primitive"; readonly name: PrimitiveName; readonly range: SourceRange }
  /** `json`: any JSON value (serde_json::Value). */
  | { readonly kind: "json"; readonly range: SourceRange }
  | { readonly kind: "optional"; readonly inner: TypeRef; readonly range: SourceRange }
  | { readonly kind: "list"; readonly element: TypeRef; readonly range: SourceRange }
  /** `set<T>` (BTreeSet) or `hash_set<T>` (HashSet): a JSON array, duplicates collapse, written sorted. */
  | { readonly kind: "set"; readonly element: TypeRef; readonly hashed: boolean; readonly range: SourceRange }
  /** `map<K, V>` (BTreeMap) or `hash_map<K, V>` (HashMap): a JSON object, keys as strings. */
  | { readonly kind: "map"; readonly key: TypeRef; readonly value: TypeRef; readonly hashed: boolean; readonly range: SourceRange }
  /** `tuple<A, B>`: a JSON array of that length. */
  | { readonly kind: "tuple"; readonly items: readonly TypeRef[]; readonly range: SourceRange }
  /** `array<T, N>` ([T; N]): a JSON array of length N. */
  | { readonly kind: "array"; readonly element: TypeRef; readonly length: number; readonly range: SourceRange }
  /** `box<T>`: as T on the wire. */
  | { readonly kind: "box"; readonly inner: TypeRef; readonly range: SourceRange }
  | { readonly kind: "named"; readonly name: string; readonly range: SourceRange };

/** JSON-shaped data as written in the IDL (defaults). */
export type WireValue = null | boolean | number | string | readonly WireValue[] | { readonly [key: string]: WireValue };

export interface Doc {
  /** Documentation text, trimmed; "" when the IDL gives none. */
  readonly doc: string;
}

/** What a variant carries. */
export type VariantPayload =
  | { readonly kind: "unit" }
  /** `Variant(T)`. */
  | { readonly kind: "newtype"; readonly type: TypeRef }
  /** `Variant(A, B)`. */
  | { readonly kind: "tuple"; readonly items: readonly TypeRef[] }
  /** `Variant { a: A }`: fields as a struct's. */
  | { readonly kind: "struct"; readonly fields: readonly Field[]; readonly renameAll: RenameRule | undefined };

export interface EnumVariant extends Doc {
  readonly name: string;
  readonly wire: string;
  /** Other wire names read as this variant (serde `alias`). */
  readonly aliases: readonly string[];
  readonly display: string;
  readonly payload: VariantPayload;
  /** serde `other`: a unit variant read for any unknown tag. */
  readonly other: boolean;
  readonly range: SourceRange;
}

/** serde's enum representations. */
export type EnumRepr =
  | { readonly kind: "external" }
  | { readonly kind: "internal"; readonly tag: string }
  | { readonly kind: "adjacent"; readonly tag: string; readonly content: string }
  | { readonly kind: "untagged" };

export interface EnumDecl extends Doc {
  readonly kind: "enum";
  readonly name: string;
  readonly module: string;
  readonly renameAll: RenameRule | undefined;
  readonly repr: EnumRepr;
  readonly variants: readonly EnumVariant[];
  /** Name of the default variant, if the enum has one. */
  readonly defaultVariant: string | undefined;
  /** serde `deny_unknown_fields` (struct variants, and the tag object of tagged forms). */
  readonly unknownFields: "ignore" | "deny";
  readonly range: SourceRange;
}

/** Whether every variant of the enum is a unit variant (wire names as JSON strings, or tags alone). */
export function isUnitOnly(decl: EnumDecl): boolean {
  return decl.variants.every((v) => v.payload.kind === "unit");
}

export interface KnownValue extends Doc {
  readonly value: string;
  /** PascalCase name of the value in the generated constant object. */
  readonly name: string;
  readonly range: SourceRange;
}

export interface OpenEnumDecl extends Doc {
  readonly kind: "open-enum";
  readonly name: string;
  readonly module: string;
  readonly values: readonly KnownValue[];
  readonly defaultValue: string | undefined;
  readonly range: SourceRange;
}

export interface StringDecl extends Doc {
  readonly kind: "string";
  readonly name: string;
  readonly module: string;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly pattern: string | undefined;
  readonly patternDoc: string | undefined;
  readonly range: SourceRange;
}

export type FieldDefault =
  | { readonly kind: "literal"; readonly value: WireValue; readonly range: SourceRange }
  | { readonly kind: "type"; readonly range: SourceRange };

export type OmitRule = "never" | "if-none" | "if-empty" | "if-default";

/** serde `skip`: never read nor written (`both`), or only one way. */
export type SkipRule = "none" | "both" | "serializing" | "deserializing";

export interface Field extends Doc {
  /** Name in the IDL (the Rust field name). */
  readonly name: string;
  /** Name on the wire and of the TypeScript property. */
  readonly wire: string;
  /** Other wire names read as this field (serde `alias`). */
  readonly aliases: readonly string[];
  readonly type: TypeRef;
  readonly default: FieldDefault | undefined;
  readonly omit: OmitRule;
  /** serde `flatten`: the value's fields (or, for a map, every remaining field) sit in the enclosing object. */
  readonly flatten: boolean;
  readonly skip: SkipRule;
  readonly range: SourceRange;
}

export interface StructDecl extends Doc {
  readonly kind: "struct";
  readonly name: string;
  readonly module: string;
  readonly renameAll: RenameRule | undefined;
  readonly fields: readonly Field[];
  /** The struct has a Default: derived from its fields' defaults, or `defaultValue`. */
  readonly hasDefault: boolean;
  /** The struct's own Default value, as wire JSON, when the IDL gives one (`default:`). */
  readonly defaultValue: WireValue | undefined;
  /** serde `default` on the struct: a missing field takes its value from the struct's Default. */
  readonly missingFromDefault: boolean;
  /** serde `transparent`: the wire form is the one field that is not skipped. */
  readonly transparent: boolean;
  readonly unknownFields: "ignore" | "deny";
  readonly range: SourceRange;
}

/** `struct Meters(pub u64);`: the inner value on the wire. */
export interface NewtypeDecl extends Doc {
  readonly kind: "newtype";
  readonly name: string;
  readonly module: string;
  readonly type: TypeRef;
  readonly hasDefault: boolean;
  readonly range: SourceRange;
}

/** `struct Pair(pub A, pub B);`: a JSON array. */
export interface TupleStructDecl extends Doc {
  readonly kind: "tuple-struct";
  readonly name: string;
  readonly module: string;
  readonly items: readonly TypeRef[];
  readonly hasDefault: boolean;
  readonly range: SourceRange;
}

/** `struct Marker;`: JSON null. */
export interface UnitStructDecl extends Doc {
  readonly kind: "unit-struct";
  readonly name: string;
  readonly module: string;
  readonly hasDefault: boolean;
  readonly range: SourceRange;
}

export type TypeDecl = EnumDecl | OpenEnumDecl | StructDecl | StringDecl | NewtypeDecl | TupleStructDecl | UnitStructDecl;

/** serde's `rename_all` rules, in serde's order. */
export const RENAME_RULES = [
  "lowercase",
  "UPPERCASE",
  "PascalCase",
  "camelCase",
  "snake_case",
  "SCREAMING_SNAKE_CASE",
  "kebab-case",
  "SCREAMING-KEBAB-CASE",
] as const;

export type RenameRule = (typeof RENAME_RULES)[number];

export interface PathRoot extends Doc {
  readonly name: string;
  readonly module: string;
  readonly value: string;
  readonly range: SourceRange;
}

export interface PathParam {
  readonly name: string;
  /** A string type: `string` or a `kind: string` declaration. */
  readonly type: TypeRef;
  /** The helper that declares the parameter. */
  readonly declaredBy: string;
  readonly range: SourceRange;
}

export type TemplatePart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "root"; readonly name: string; readonly range: SourceRange }
  | { readonly kind: "helper"; readonly name: string; readonly range: SourceRange }
  | { readonly kind: "param"; readonly name: string; readonly range: SourceRange };

export interface PathHelper extends Doc {
  readonly name: string;
  readonly module: string;
  /** Every parameter of the helper, in call order: those of the helper it builds on first. */
  readonly params: readonly PathParam[];
  readonly template: readonly TemplatePart[];
  /** Template text as written. */
  readonly source: string;
  /** The root the path starts from, through the helpers it builds on. */
  readonly root: string;
  readonly range: SourceRange;
}

export interface Module extends Doc {
  readonly name: string;
  /** Display path of the file, such as `idl/pool.yaml`. */
  readonly file: string;
  readonly imports: readonly string[];
  readonly types: readonly TypeDecl[];
  readonly roots: readonly PathRoot[];
  readonly paths: readonly PathHelper[];
  readonly range: SourceRange;
}

export interface Model {
  /** Modules in dependency order (imported modules first), ties by name. */
  readonly modules: readonly Module[];
}

/** Lookup tables over a model; built once per use. */
export interface ModelIndex {
  readonly types: ReadonlyMap<string, TypeDecl>;
  readonly roots: ReadonlyMap<string, PathRoot>;
  readonly paths: ReadonlyMap<string, PathHelper>;
  /**
   * Structs whose fields are also written into an enclosing object: flattened by some field
   * (directly or through `optional`), or held by an internally tagged newtype variant.
   */
  readonly inlined: ReadonlySet<string>;
}

export function indexModel(model: Model): ModelIndex {
  const types = new Map<string, TypeDecl>();
  const roots = new Map<string, PathRoot>();
  const paths = new Map<string, PathHelper>();
  for (const m of model.modules) {
    for (const t of m.types) types.set(t.name, t);
    for (const r of m.roots) roots.set(r.name, r);
    for (const p of m.paths) paths.set(p.name, p);
  }
  const inlined = new Set<string>();
  const add = (t: TypeRef): void => {
    const inner = t.kind === "optional" || t.kind === "box" ? t.inner : t;
    if (inner.kind === "named" && types.get(inner.name)?.kind === "struct") inlined.add(inner.name);
  };
  const visit = (fields: readonly Field[]): void => {
    for (const f of fields) if (f.flatten) add(f.type);
  };
  for (const t of types.values()) {
    if (t.kind === "struct") visit(t.fields);
    if (t.kind !== "enum") continue;
    for (const v of t.variants) {
      if (v.payload.kind === "struct") visit(v.payload.fields);
      if (v.payload.kind === "newtype" && t.repr.kind === "internal") add(v.payload.type);
    }
  }
  return { types, roots, paths, inlined };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

/** The type expression as the IDL writes it: `optional<list<SecretScope>>`. */
export function typeText(t: TypeRef): string {
  switch (t.kind) {
    case "primitive":
      return t.name;
    case "json":
      return "json";
    case "named":
      return t.name;
    case "optional":
      return `optional<${typeText(t.inner)}>`;
    case "list":
      return `list<${typeText(t.element)}>`;
    case "set":
      return `${t.hashed ? "hash_set" : "set"}<${typeText(t.element)}>`;
    case "map":
      return `${t.hashed ? "hash_map" : "map"}<${typeText(t.key)}, ${typeText(t.value)}>`;
    case "tuple":
      return `tuple<${t.items.map(typeText).join(", ")}>`;
    case "array":
      return `array<${typeText(t.element)}, ${t.length}>`;
    case "box":
      return `box<${typeText(t.inner)}>`;
    default:
      return assertNever(t);
  }
}
