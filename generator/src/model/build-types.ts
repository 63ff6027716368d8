/**
 * Builds and checks a module's type declarations, each through the loader of its kind
 * (generator/src/kinds/<kind>/load.ts, found in kinds/index.ts).
 */
import { kindNamed, kindOf } from "../kinds/index.js";
import type { TypeDecl } from "./ir.js";
import type { BuildContext, CheckContext } from "./kind-loader.js";
import type { RawType } from "./raw.js";

/** Builds the declarations of one module, in order; one that cannot be built is left out (after reporting). */
export function buildTypes(b: BuildContext, types: Readonly<Record<string, RawType>>): TypeDecl[] {
  const out: TypeDecl[] = [];
  for (const [name, raw] of Object.entries(types)) {
    const decl = kindNamed(raw.kind).load.build(b, name, raw, ["types", name]);
    if (decl !== undefined) out.push(decl);
  }
  return out;
}

/** Runs the checks of a declaration's kind that need the whole model. */
export function checkDecl(c: CheckContext, decl: TypeDecl): void {
  kindOf(decl).load.check?.(c, decl, ["types", decl.name]);
}
