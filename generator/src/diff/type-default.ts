/** A type's own default (Rust `Default`), compared across versions: added, removed, another value. */
import { compareStrings } from "../diagnostics/diagnostic.js";
import type { Field, Model, NewtypeDecl, TupleStructDecl, TypeDecl, UnitStructDecl } from "../model/ir.js";
import { listText, type DiffContext } from "./context.js";
import { showValue, typeDefault } from "./defaults.js";
import { finding } from "./rules.js";

/**
 * The type's own default: added, removed, or another value (what fields with `type_default`
 * read when missing). For enums and open enums `from`/`to` are wire names (DEFAULT_VARIANT_CHANGED);
 * for other kinds, JSON text (TYPE_DEFAULT_CHANGED). `same` says whether the default is still the
 * same (for an enum, the same variant).
 */
export function diffTypeDefault(cx: DiffContext, b: TypeDecl, h: TypeDecl, from: string | undefined, to: string | undefined, same: boolean): void {
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  const named = h.kind === "enum" || h.kind === "open-enum";
  const show = (v: string): string => (named ? `'${v}'` : v);
  if (from === undefined && to === undefined) return;
  if (from === undefined) cx.findings.push(finding("TYPE_DEFAULT_ADDED", path, { name: h.name, value: show(to!) }, where));
  else if (to === undefined) cx.findings.push(finding("TYPE_DEFAULT_REMOVED", path, { name: h.name, value: show(from) }, where));
  else if (!same) {
    const affected = affectedBy(cx, h.name, show(to));
    cx.findings.push(finding(named ? "DEFAULT_VARIANT_CHANGED" : "TYPE_DEFAULT_CHANGED", path, { type: h.name, name: h.name, from, to, affected }, where));
  }
}

/** Who reads the type's default: the fields that take it when missing, else only `defaultT()`. */
function affectedBy(cx: DiffContext, name: string, to: string): string {
  const users = takersOf(cx.head, name);
  return users.length
    ? `existing files without ${listText(users)} now read ${to} there`
    : `no field takes the type's default; default${name}() returns ${to}`;
}

/** Fields (of structs and struct variants) of `model` whose missing value is the default of type `name`. */
export function takersOf(model: Model, name: string): string[] {
  const out: string[] = [];
  const scan = (owner: string, fields: readonly Field[]): void => {
    for (const f of fields) if (f.default?.kind === "type" && f.type.kind === "named" && f.type.name === name) out.push(`${owner}.${f.name}`);
  };
  for (const m of model.modules) {
    for (const t of m.types) {
      if (t.kind === "struct") scan(t.name, t.fields);
      if (t.kind === "enum") for (const v of t.variants) if (v.payload.kind === "struct") scan(`${t.name}.${v.name}`, v.payload.fields);
    }
  }
  return out.sort(compareStrings);
}

/** `has_default` of a newtype, tuple struct or unit struct: added or removed (its value follows its contents, reported with them). */
export function diffOwnDefault<T extends NewtypeDecl | TupleStructDecl | UnitStructDecl>(cx: DiffContext, b: T, h: T): void {
  const from = b.hasDefault ? showValue(typeDefault(cx.ix.base, { kind: "named", name: b.name, range: b.range })) : undefined;
  const to = h.hasDefault ? showValue(typeDefault(cx.ix.head, { kind: "named", name: h.name, range: h.range })) : undefined;
  diffTypeDefault(cx, b, h, from, to, true);
}
