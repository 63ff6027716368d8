/**
 * The intermediate model: what the loader hands to the emitters and to diff. Kind-tagged nodes,
 * each with the source range it came from. Emitters switch on `kind` exhaustively.
 */
import type { SourceRange } from "../diagnostics/diagnostic.js";

export type IntegerName = "u8" | "u16" | "u32" | "u64" | "i32" | "i64";
export type PrimitiveName = "string" | "bool" | "f64" | IntegerName;

export const INTEGER_NAMES: readonly IntegerName[] = ["u8", "u16", "u32", "u64", "i32", "i64"];
export const PRIMITIVE_NAMES: readonly PrimitiveName[] = ["string", "bool", "f64", ...INTEGER_NAMES];

export function isIntegerName(name: string): name is IntegerName {
  return (INTEGER_NAMES as readonly string[]).includes(name);
}

export function isPrimitiveName(name: string): name is PrimitiveName {
  return (PRIMITIVE_NAMES as readonly string[]).includes(name);
}

/** A use of a type, as written in a field or parameter. */
export type TypeRef =
  | { readonly kind: "primitive"; readonly name: PrimitiveName; readonly range: SourceRange }
  | { readonly kind: "optional"; readonly inner: TypeRef; readonly range: SourceRange }
  | { readonly kind: "list"; readonly element: TypeRef; readonly range: SourceRange }
  | { readonly kind: "map"; readonly value: TypeRef; readonly range: SourceRange }
  | { readonly kind: "named"; readonly name: string; readonly range: SourceRange };

/** JSON-shaped data as written in the IDL (defaults). */
export type WireValue = null | boolean | number | string | readonly WireValue[] | { readonly [key: string]: WireValue };

export interface Doc {
  /** Documentation text, trimmed; "" when the IDL gives none. */
  readonly doc: string;
}

export interface EnumVariant extends Doc {
  readonly name: string;
  readonly wire: string;
  readonly display: string;
  readonly range: SourceRange;
}

export interface EnumDecl extends Doc {
  readonly kind: "enum";
  readonly name: string;
  readonly module: string;
  readonly renameAll: RenameRule | undefined;
  readonly variants: readonly EnumVariant[];
  /** Name of the default variant, if the enum has one. */
  readonly defaultVariant: string | undefined;
  readonly range: SourceRange;
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

export type OmitRule = "never" | "if-none" | "if-empty";

export interface Field extends Doc {
  /** Name in the IDL (the Rust field name). */
  readonly name: string;
  /** Name on the wire and of the TypeScript property. */
  readonly wire: string;
  readonly type: TypeRef;
  readonly default: FieldDefault | undefined;
  readonly omit: OmitRule;
  readonly range: SourceRange;
}

export interface StructDecl extends Doc {
  readonly kind: "struct";
  readonly name: string;
  readonly module: string;
  readonly renameAll: RenameRule | undefined;
  readonly fields: readonly Field[];
  readonly hasDefault: boolean;
  readonly unknownFields: "ignore" | "deny";
  readonly range: SourceRange;
}

export type TypeDecl = EnumDecl | OpenEnumDecl | StructDecl | StringDecl;

export type RenameRule =
  | "lowercase"
  | "UPPERCASE"
  | "PascalCase"
  | "camelCase"
  | "snake_case"
  | "SCREAMING_SNAKE_CASE"
  | "kebab-case"
  | "SCREAMING-KEBAB-CASE";

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
  return { types, roots, paths };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

/** The type expression as the IDL writes it: `optional<list<SecretScope>>`. */
export function typeText(t: TypeRef): string {
  switch (t.kind) {
    case "primitive":
      return t.name;
    case "named":
      return t.name;
    case "optional":
      return `optional<${typeText(t.inner)}>`;
    case "list":
      return `list<${typeText(t.element)}>`;
    case "map":
      return `map<string, ${typeText(t.value)}>`;
    default:
      return assertNever(t);
  }
}
