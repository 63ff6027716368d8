/**
 * Every kind of declaration and where its code lives: one folder per kind, `kinds/<kind>/`, with
 * its loader (`load.ts`, and `idl-schema.json` for the IDL's JSON Schema), its TypeScript emitter
 * (`ts.ts`), its JSON Schema (`json-schema.ts`), its diff rules (`diff.ts`) and its Rust (`rust.ts`). The phases look a
 * kind up here; adding a kind adds its folder, its IR node (model/ir.ts) and one entry below.
 */
import type { DiffContext } from "../diff/context.js";
import type { TypeDecl } from "../model/ir.js";
import type { KindLoader } from "../model/kind-loader.js";
import type { RawType } from "../model/raw.js";
import type { SchemaContext, SchemaObject } from "../targets/json-schema/context.js";
import type { RustContext } from "../targets/rust/context.js";
import type { Decl } from "../targets/ts/printer/ast.js";
import type { FileScope } from "../targets/ts/scope.js";
import { diffEnum } from "./enum/diff.js";
import { enumSchema } from "./enum/json-schema.js";
import { enumLoader } from "./enum/load.js";
import { enumTs } from "./enum/ts.js";
import { enumRust } from "./enum/rust.js";
import { diffNewtype } from "./newtype/diff.js";
import { newtypeSchema } from "./newtype/json-schema.js";
import { newtypeLoader } from "./newtype/load.js";
import { newtypeTs } from "./newtype/ts.js";
import { newtypeRust } from "./newtype/rust.js";
import { diffOpenEnum } from "./open-enum/diff.js";
import { openEnumSchema } from "./open-enum/json-schema.js";
import { openEnumLoader } from "./open-enum/load.js";
import { openEnumTs } from "./open-enum/ts.js";
import { openEnumRust } from "./open-enum/rust.js";
import { diffString } from "./string/diff.js";
import { stringSchema } from "./string/json-schema.js";
import { stringLoader } from "./string/load.js";
import { stringTs } from "./string/ts.js";
import { stringRust } from "./string/rust.js";
import { diffStruct } from "./struct/diff.js";
import { structSchema } from "./struct/json-schema.js";
import { structLoader } from "./struct/load.js";
import { structTs } from "./struct/ts.js";
import { structRust } from "./struct/rust.js";
import { diffTupleStruct } from "./tuple-struct/diff.js";
import { tupleStructSchema } from "./tuple-struct/json-schema.js";
import { tupleStructLoader } from "./tuple-struct/load.js";
import { tupleStructTs } from "./tuple-struct/ts.js";
import { tupleStructRust } from "./tuple-struct/rust.js";
import { diffUnitStruct } from "./unit-struct/diff.js";
import { unitStructSchema } from "./unit-struct/json-schema.js";
import { unitStructLoader } from "./unit-struct/load.js";
import { unitStructTs } from "./unit-struct/ts.js";
import { unitStructRust } from "./unit-struct/rust.js";

/** What one kind of declaration brings to each phase. */
export interface Kind<D extends TypeDecl, R extends RawType> {
  /** Builds the IR node from the IDL, and checks it against the whole model. */
  readonly load: KindLoader<R, D>;
  /** Its TypeScript: type, reader, writer, public functions. */
  readonly ts: (s: FileScope, decl: D) => Decl[];
  /** The JSON Schema of its wire form. */
  readonly jsonSchema: (cx: SchemaContext, decl: D) => SchemaObject;
  /** Findings between two versions of a declaration of this kind. */
  readonly diff: (cx: DiffContext, base: D, head: D) => void;
  /** Its Rust: the item with its serde attributes and impls, as blocks of lines (rustfmt's layout). */
  readonly rust: (cx: RustContext, decl: D) => string[][];
}

type KindName = TypeDecl["kind"];
type DeclOf<K extends KindName> = Extract<TypeDecl, { kind: K }>;
type RawOf<K extends KindName> = Extract<RawType, { kind: K }>;

/** The kinds, by name. */
export const KINDS: { readonly [K in KindName]: Kind<DeclOf<K>, RawOf<K>> } = {
  struct: { load: structLoader, ts: structTs, jsonSchema: structSchema, diff: diffStruct, rust: structRust },
  enum: { load: enumLoader, ts: enumTs, jsonSchema: enumSchema, diff: diffEnum, rust: enumRust },
  "open-enum": { load: openEnumLoader, ts: openEnumTs, jsonSchema: (_, d) => openEnumSchema(d), diff: diffOpenEnum, rust: openEnumRust },
  string: { load: stringLoader, ts: stringTs, jsonSchema: (_, d) => stringSchema(d), diff: diffString, rust: stringRust },
  newtype: { load: newtypeLoader, ts: newtypeTs, jsonSchema: newtypeSchema, diff: diffNewtype, rust: newtypeRust },
  "tuple-struct": { load: tupleStructLoader, ts: tupleStructTs, jsonSchema: tupleStructSchema, diff: diffTupleStruct, rust: tupleStructRust },
  "unit-struct": { load: unitStructLoader, ts: unitStructTs, jsonSchema: (_, d) => unitStructSchema(d), diff: diffUnitStruct, rust: unitStructRust },
};

/** The kind of a declaration, typed for any declaration (the table is keyed by kind, so this holds). */
export function kindOf(decl: TypeDecl): Kind<TypeDecl, RawType> {
  return KINDS[decl.kind] as unknown as Kind<TypeDecl, RawType>;
}

/** The kind of a raw declaration, by its `kind` key. */
export function kindNamed(kind: KindName): Kind<TypeDecl, RawType> {
  return KINDS[kind] as unknown as Kind<TypeDecl, RawType>;
}
