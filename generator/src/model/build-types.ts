/**
 * Builds and checks a module's type declarations, each through the loader of its kind
 * (generator/src/kinds/<kind>/load.ts). Adding a kind of declaration adds an entry here.
 */
import { enumLoader } from "../kinds/enum/load.js";
import { newtypeLoader } from "../kinds/newtype/load.js";
import { openEnumLoader } from "../kinds/open-enum/load.js";
import { stringLoader } from "../kinds/string/load.js";
import { structLoader } from "../kinds/struct/load.js";
import { tupleStructLoader } from "../kinds/tuple-struct/load.js";
import { unitStructLoader } from "../kinds/unit-struct/load.js";
import type { TypeDecl } from "./ir.js";
import type { BuildContext, CheckContext, KindLoader } from "./kind-loader.js";
import type { RawType } from "./raw.js";

type Loaders = { readonly [K in TypeDecl["kind"]]: KindLoader<Extract<RawType, { kind: K }>, Extract<TypeDecl, { kind: K }>> };

/** The loader of every kind of declaration. */
export const KIND_LOADERS: Loaders = {
  enum: enumLoader,
  "open-enum": openEnumLoader,
  string: stringLoader,
  struct: structLoader,
  newtype: newtypeLoader,
  "tuple-struct": tupleStructLoader,
  "unit-struct": unitStructLoader,
};

function loaderOf<K extends TypeDecl["kind"]>(kind: K): KindLoader<Extract<RawType, { kind: K }>, Extract<TypeDecl, { kind: K }>> {
  return KIND_LOADERS[kind];
}

/** Builds the declarations of one module, in order; one that cannot be built is left out (after reporting). */
export function buildTypes(b: BuildContext, types: Readonly<Record<string, RawType>>): TypeDecl[] {
  const out: TypeDecl[] = [];
  for (const [name, raw] of Object.entries(types)) {
    const decl = (loaderOf(raw.kind) as KindLoader<RawType, TypeDecl>).build(b, name, raw, ["types", name]);
    if (decl !== undefined) out.push(decl);
  }
  return out;
}

/** Runs the checks of a declaration's kind that need the whole model. */
export function checkDecl(c: CheckContext, decl: TypeDecl): void {
  (loaderOf(decl.kind) as KindLoader<RawType, TypeDecl>).check?.(c, decl, ["types", decl.name]);
}
