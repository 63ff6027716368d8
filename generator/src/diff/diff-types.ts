/**
 * Declaration changes: types added, removed or of another kind, and module docs. Each kind's own
 * changes are compared in kinds/<kind>/diff.ts.
 */
import { compareStrings } from "../diagnostics/diagnostic.js";
import { assertNever, type TypeDecl } from "../model/ir.js";
import type { DiffContext } from "./context.js";
import { kindOf } from "../kinds/index.js";
import { finding } from "./rules.js";
import { relateDecls } from "./wire-relation.js";

/** Compares every declared type and module of both models. */
export function diffTypes(cx: DiffContext): void {
  const out = cx.findings;
  for (const bm of cx.base.modules) {
    const hm = cx.head.modules.find((m) => m.name === bm.name);
    if (hm !== undefined && hm.doc !== bm.doc) {
      out.push(finding("DOC_CHANGED", `module:${hm.name}`, { what: "module", name: hm.name }, { base: bm.range, head: hm.range }));
    }
  }
  const names = new Set([...cx.ix.base.types.keys(), ...cx.ix.head.types.keys()]);
  for (const name of [...names].sort(compareStrings)) {
    const b = cx.ix.base.types.get(name);
    const h = cx.ix.head.types.get(name);
    const path = `type:${name}`;
    if (b !== undefined && h !== undefined) diffDecl(cx, b, h);
    else if (h !== undefined) out.push(finding("TYPE_ADDED", path, { name, kind: h.kind }, { head: h.range }));
    else if (b !== undefined) out.push(finding("TYPE_REMOVED", path, { name, kind: b.kind }, { base: b.range }));
  }
}

function diffDecl(cx: DiffContext, b: TypeDecl, h: TypeDecl): void {
  const out = cx.findings;
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  if (b.module !== h.module) out.push(finding("MODULE_CHANGED", path, { what: "Type", name: h.name, from: b.module, to: h.module }, where));
  if (b.doc !== h.doc) out.push(finding("DOC_CHANGED", path, { what: "type", name: h.name }, where));
  if (b.kind === h.kind) kindOf(h).diff(cx, b, h);
  else diffKind(cx, b, h);
}

/** A declaration of another kind, judged by the JSON both kinds read (a newtype of u64 reads as a u64 field). */
function diffKind(cx: DiffContext, b: TypeDecl, h: TypeDecl): void {
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  const args = { name: h.name, from: b.kind, to: h.kind };
  const rel = relateDecls(b, h, cx.ix);
  switch (rel.kind) {
    case "same":
      cx.findings.push(finding("IDL_ONLY_CHANGE", path, { detail: `${h.name} changed from ${b.kind} to ${h.kind} but reads the same JSON` }, where));
      return;
    case "wider":
      cx.findings.push(finding("TYPE_KIND_RELAXED", path, { ...args, detail: rel.detail }, where));
      return;
    case "narrower":
      cx.findings.push(finding("TYPE_KIND_CHANGED", path, { ...args, detail: `existing files with ${rel.detail} no longer read` }, where));
      return;
    case "different":
      cx.findings.push(finding("TYPE_KIND_CHANGED", path, { ...args, detail: rel.detail }, where));
      return;
    default:
      return assertNever(rel);
  }
}
