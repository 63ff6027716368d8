/** Declaration changes: types added, removed or re-kinded, enums, open enums, string rules, module docs. */
import { compareStrings } from "../diagnostics/diagnostic.js";
import { assertNever, type EnumDecl, type EnumVariant, type OpenEnumDecl, type StringDecl, type TypeDecl } from "../model/ir.js";
import { renameVariant } from "../model/naming.js";
import { listText, matchMembers, renameRuleChange, type DiffContext } from "./context.js";
import { diffStruct } from "./diff-structs.js";
import { finding } from "./rules.js";
import { relateStringRules, relateStrings, stringDomainOf } from "./string-relation.js";

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
  if (b.kind !== h.kind) {
    diffKind(cx, b, h);
    return;
  }
  switch (h.kind) {
    case "struct":
      if (b.kind === "struct") diffStruct(cx, b, h);
      return;
    case "enum":
      if (b.kind === "enum") diffEnum(cx, b, h);
      return;
    case "open-enum":
      if (b.kind === "open-enum") diffOpenEnum(cx, b, h);
      return;
    case "string":
      if (b.kind === "string") diffString(cx, b, h);
      return;
    default:
      assertNever(h);
  }
}

function diffKind(cx: DiffContext, b: TypeDecl, h: TypeDecl): void {
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  const args = { name: h.name, from: b.kind, to: h.kind };
  if (b.kind === "struct" || h.kind === "struct") {
    cx.findings.push(finding("TYPE_KIND_CHANGED", path, { ...args, detail: "an object is not a string" }, where));
    return;
  }
  const rel = relateStrings(stringDomainOf(b), stringDomainOf(h));
  const detail = `${h.name} changed from ${b.kind} to ${h.kind} but accepts the same strings`;
  cx.findings.push(
    rel.kind === "same"
      ? finding("IDL_ONLY_CHANGE", path, { detail }, where)
      : rel.kind === "wider"
        ? finding("TYPE_KIND_RELAXED", path, { ...args, detail: rel.detail }, where)
        : finding("TYPE_KIND_CHANGED", path, { ...args, detail: `existing files with ${rel.detail} no longer read` }, where),
  );
}

function diffEnum(cx: DiffContext, b: EnumDecl, h: EnumDecl): void {
  const out = cx.findings;
  const m = matchMembers(b.variants, h.variants);
  const byRule: string[] = [];
  const pairs = [...m.same, ...m.rewired];
  for (const [bv, hv] of m.rewired) {
    const derived = bv.wire === renameVariant(b.renameAll, bv.name) && hv.wire === renameVariant(h.renameAll, hv.name);
    if (b.renameAll !== h.renameAll && derived) byRule.push(`'${bv.wire}' to '${hv.wire}'`);
    else {
      const consequence = `existing files holding '${bv.wire}' no longer read and old readers refuse '${hv.wire}'`;
      const args = { what: "Variant", name: `${h.name}.${hv.name}`, from: bv.wire, to: hv.wire, consequence };
      out.push(finding("WIRE_NAME_CHANGED", `${h.name}.${hv.name}`, args, { base: bv.range, head: hv.range }));
    }
  }
  for (const [bv, hv] of pairs) diffVariant(cx, h, bv, hv);
  renameRuleChange(cx, b, h, byRule, "variant");
  for (const bv of m.removed) {
    out.push(finding("VARIANT_REMOVED", `${b.name}.${bv.name}`, { type: b.name, wire: bv.wire }, { base: bv.range }));
  }
  for (const hv of m.added) {
    out.push(finding("VARIANT_ADDED", `${h.name}.${hv.name}`, { type: h.name, wire: hv.wire }, { head: hv.range }));
  }
  const bDef = b.variants.find((v) => v.name === b.defaultVariant);
  const hDef = h.variants.find((v) => v.name === h.defaultVariant);
  const stillDefault = pairs.some(([bv, hv]) => bv === bDef && hv === hDef);
  diffTypeDefault(cx, b, h, bDef?.wire, hDef?.wire, stillDefault);
}

function diffVariant(cx: DiffContext, h: EnumDecl, bv: EnumVariant, hv: EnumVariant): void {
  const path = `${h.name}.${hv.name}`;
  const where = { base: bv.range, head: hv.range };
  if (bv.name !== hv.name && bv.wire === hv.wire) {
    const detail = `variant '${hv.wire}' of ${h.name} is named ${hv.name} in the IDL, was ${bv.name} (the constant ${h.name}.${bv.name} is renamed)`;
    cx.findings.push(finding("IDL_ONLY_CHANGE", path, { detail }, where));
  }
  const explicit = bv.display !== bv.wire || hv.display !== hv.wire;
  if (bv.display !== hv.display && (bv.wire === hv.wire || explicit)) {
    cx.findings.push(finding("DISPLAY_CHANGED", path, { type: h.name, name: hv.name, from: bv.display, to: hv.display }, where));
  }
  if (bv.doc !== hv.doc) cx.findings.push(finding("DOC_CHANGED", path, { what: "variant", name: path }, where));
}

function diffOpenEnum(cx: DiffContext, b: OpenEnumDecl, h: OpenEnumDecl): void {
  const out = cx.findings;
  for (const bv of b.values) {
    const hv = h.values.find((v) => v.value === bv.value);
    const path = `${h.name}.${bv.value}`;
    if (hv === undefined) {
      out.push(finding("KNOWN_VALUE_REMOVED", path, { type: h.name, value: bv.value, constant: bv.name }, { base: bv.range }));
    } else if (hv.doc !== bv.doc) {
      out.push(finding("DOC_CHANGED", path, { what: "known value", name: path }, { base: bv.range, head: hv.range }));
    }
  }
  for (const hv of h.values) {
    if (b.values.some((v) => v.value === hv.value)) continue;
    out.push(finding("KNOWN_VALUE_ADDED", `${h.name}.${hv.value}`, { type: h.name, value: hv.value }, { head: hv.range }));
  }
  diffTypeDefault(cx, b, h, b.defaultValue, h.defaultValue, b.defaultValue === h.defaultValue);
}

/** The type's own default: added, removed, or another value (what fields with `type_default` read when missing). */
function diffTypeDefault(cx: DiffContext, b: TypeDecl, h: TypeDecl, from: string | undefined, to: string | undefined, same: boolean): void {
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  if (from === undefined && to === undefined) return;
  if (from === undefined) cx.findings.push(finding("TYPE_DEFAULT_ADDED", path, { name: h.name, value: `'${to}'` }, where));
  else if (to === undefined) cx.findings.push(finding("TYPE_DEFAULT_REMOVED", path, { name: h.name, value: `'${from}'` }, where));
  else if (!same) {
    const users = takersOf(cx, h.name);
    const affected = users.length
      ? `existing files without ${listText(users)} now read '${to}' there`
      : `no field takes the type's default; default${h.name}() returns '${to}'`;
    cx.findings.push(finding("DEFAULT_VARIANT_CHANGED", path, { type: h.name, from, to, affected }, where));
  }
}

/** Fields of the head whose missing value is the default of type `name`. */
function takersOf(cx: DiffContext, name: string): string[] {
  const out: string[] = [];
  for (const m of cx.head.modules) {
    for (const t of m.types) {
      if (t.kind !== "struct") continue;
      for (const f of t.fields)
        if (f.default?.kind === "type" && f.type.kind === "named" && f.type.name === name) out.push(`${t.name}.${f.name}`);
    }
  }
  return out.sort(compareStrings);
}

function diffString(cx: DiffContext, b: StringDecl, h: StringDecl): void {
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  const rel = relateStringRules(b, h);
  if (rel.kind !== "same") {
    const rule =
      rel.kind === "narrower"
        ? "STRING_CONSTRAINT_TIGHTENED"
        : rel.kind === "wider"
          ? "STRING_CONSTRAINT_RELAXED"
          : "STRING_CONSTRAINT_CHANGED";
    cx.findings.push(finding(rule, path, { type: h.name, detail: rel.detail }, where));
  }
  if (b.patternDoc !== h.patternDoc) {
    cx.findings.push(finding("DOC_CHANGED", path, { what: "type", name: `${h.name} (pattern_doc)` }, where));
  }
}
