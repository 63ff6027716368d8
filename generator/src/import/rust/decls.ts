/**
 * The IDL declarations the importer builds from Rust types, before they are written as YAML:
 * structs (and newtype, tuple and unit structs) and enums, with their wire names, defaults,
 * Display strings and the notes left for the user (`TODO(idlc import)`).
 */
import type { RenameRule } from "../../model/ir.js";
import type { IdlType, JsonValue } from "./idl-type.js";
import type { Node } from "./parser.js";
import type { TypeItem } from "./collect.js";
import type { FileItems } from "./collect.js";

/** A field of a struct or of a struct variant. */
export interface FieldDecl {
  /** The IDL field name: the Rust field name (`r#type` is `type`). */
  readonly name: string;
  readonly node: Node;
  readonly doc: string | undefined;
  type: IdlType;
  /** The wire name: from `rename`, else `rename_all`, else the name. */
  wire: string;
  /** `rename` given explicitly (written as `wire:`). */
  rename?: string;
  aliases: string[];
  typeDefault?: boolean;
  default?: JsonValue;
  /**
   * The value `default = "path"` gives, complete (every field of a struct value written out):
   * what other defaults are compared with, while `default` is written with what the IDL fills in
   * left out. Both are set once every declaration's defaults are evaluated.
   */
  fullDefault?: JsonValue;
  /** `default = "path"`, evaluated after every declaration is known. */
  defaultFn?: { path: string; node: Node };
  omit?: "if-none" | "if-empty" | "if-default";
  /** `skip_serializing_if = "path"` naming a function, checked once defaults are known. */
  skipIfFn?: { path: string; node: Node };
  skip?: true | "serializing" | "deserializing";
  flatten?: true;
  todos: string[];
}

/** An enum variant: unit, newtype, tuple or struct. */
export interface VariantDecl {
  readonly name: string;
  readonly node: Node;
  readonly doc: string | undefined;
  wire: string;
  rename?: string;
  aliases: string[];
  display?: string;
  other?: true;
  shape: "unit" | "newtype" | "tuple" | "struct";
  type?: IdlType;
  tuple?: IdlType[];
  fields?: FieldDecl[];
  renameAll?: RenameRule;
  todos: string[];
}

interface DeclBase {
  readonly name: string;
  readonly item: TypeItem;
  readonly file: FileItems;
  readonly doc: string | undefined;
  todos: string[];
  /** The Rust type implements Default (derived or by hand). */
  rustDefault?: "derive" | { fn: Node };
  hasDefault?: boolean;
  default?: JsonValue;
}

/** `kind: struct`. */
export interface StructDecl extends DeclBase {
  readonly kind: "struct";
  renameAll?: RenameRule;
  unknownFields?: "deny";
  transparent?: true;
  missingFields?: "default";
  /** `#[serde(default = "path")]` on the struct. */
  containerDefaultFn?: { path: string; node: Node };
  fields: FieldDecl[];
}

/** `kind: newtype`: `struct S(T);`; `kind: string` when it is a checked string (`rule`). */
export interface NewtypeDecl extends DeclBase {
  readonly kind: "newtype";
  type: IdlType;
  /**
   * A checked string as the Rust target writes `kind: string`: `struct S(String)` with
   * `#[serde(try_from = "String", into = "String")]` and its rule in `const RULE: StringRule`.
   */
  rule?: StringRule;
}

/** A `kind: string` rule, read from a `StringRule` constant. */
export interface StringRule {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  patternDoc?: string;
}

/** `kind: tuple-struct`: `struct S(A, B);`. */
export interface TupleStructDecl extends DeclBase {
  readonly kind: "tuple-struct";
  items: IdlType[];
}

/** `kind: unit-struct`: `struct S;`. */
export interface UnitStructDecl extends DeclBase {
  readonly kind: "unit-struct";
}

/** `kind: enum`, in any of serde's four representations. */
export interface EnumDecl extends DeclBase {
  readonly kind: "enum";
  tag?: string;
  content?: string;
  untagged?: true;
  renameAll?: RenameRule;
  unknownFields?: "deny";
  /** The default variant's name. */
  defaultVariant?: string;
  variants: VariantDecl[];
}

/** A declaration the import writes under `types:`. */
export type Decl = StructDecl | NewtypeDecl | TupleStructDecl | UnitStructDecl | EnumDecl;
