/**
 * Enum changes for `idlc diff`: the representation and its tag and content keys, variants
 * added, removed or renamed on the wire, their aliases, payloads (kind and type, struct variants'
 * fields through the struct rules), `other`, the order untagged variants are tried in, the
 * unknown-field policy, the default variant and Display strings.
 */
import { assertNever, typeText, type EnumDecl, type EnumRepr, type EnumVariant, type VariantPayload } from "../../model/ir.js";
import { renameVariant } from "../../model/naming.js";
import { innerTypeFindings, listText, matchMembers, renameRuleChange, type DiffContext } from "../../diff/context.js";
import { finding } from "../../diff/rules.js";
import { diffTypeDefault } from "../../diff/type-default.js";
import { relateTypes } from "../../diff/wire-relation.js";
import { diffFields, type FieldOwner } from "../struct/diff.js";

/** Compares two declarations of the same enum. */
export function diffEnum(cx: DiffContext, b: EnumDecl, h: EnumDecl): void {
  const out = cx.findings;
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  diffRepr(cx, b, h);
  // Untagged variants are not named on the wire: they pair by IDL name.
  const untagged = b.repr.kind === "untagged" && h.repr.kind === "untagged";
  const m = matchMembers(b.variants, h.variants, untagged);
  const byRule: string[] = [];
  const pairs = [...m.same, ...m.rewired];
  for (const [bv, hv] of m.rewired) {
    const derived = bv.wire === renameVariant(b.renameAll, bv.name) && hv.wire === renameVariant(h.renameAll, hv.name);
    if (b.renameAll !== h.renameAll && derived && !hv.aliases.includes(bv.wire)) byRule.push(`'${bv.wire}' to '${hv.wire}'`);
    else out.push(rewired(h, bv, hv));
  }
  for (const [bv, hv] of pairs) diffVariant(cx, b, h, bv, hv, untagged);
  if (!untagged) renameRuleChange(cx, b, h, byRule, "variant");
  const bOther = b.variants.find((v) => v.other);
  const hOther = h.variants.find((v) => v.other);
  for (const bv of m.removed) {
    const consequence =
      hOther !== undefined && bv.payload.kind === "unit"
        ? `existing files that hold it read as ${hOther.name} ('${hOther.wire}'), and its meaning is lost`
        : "existing files that hold it no longer read";
    out.push(finding("VARIANT_REMOVED", `${b.name}.${bv.name}`, { type: b.name, wire: bv.wire, consequence }, { base: bv.range }));
    if (bv.other) out.push(otherFinding(b, bv, "OTHER_REMOVED", { base: bv.range }));
  }
  for (const hv of m.added) {
    const consequence =
      bOther !== undefined && hv.payload.kind === "unit"
        ? `old readers read it as ${bOther.name} ('${bOther.wire}'), and its meaning is lost`
        : "old readers refuse new files that hold it";
    out.push(finding("VARIANT_ADDED", `${h.name}.${hv.name}`, { type: h.name, wire: hv.wire, consequence }, { head: hv.range }));
    if (hv.other) out.push(otherFinding(h, hv, "OTHER_ADDED", { head: hv.range }));
  }
  if (untagged) diffOrder(cx, b, h, pairs);
  if (b.unknownFields !== h.unknownFields) {
    out.push(finding(h.unknownFields === "deny" ? "UNKNOWN_FIELDS_DENIED" : "UNKNOWN_FIELDS_ALLOWED", path, { name: h.name }, where));
  }
  const bDef = b.variants.find((v) => v.name === b.defaultVariant);
  const hDef = h.variants.find((v) => v.name === h.defaultVariant);
  const stillDefault = pairs.some(([bv, hv]) => bv === bDef && hv === hDef);
  diffTypeDefault(cx, b, h, bDef?.wire, hDef?.wire, stillDefault);
}

function reprText(r: EnumRepr): string {
  switch (r.kind) {
    case "external":
      return "externally tagged";
    case "internal":
      return `internally tagged (tag '${r.tag}')`;
    case "adjacent":
      return `adjacently tagged (tag '${r.tag}', content '${r.content}')`;
    case "untagged":
      return "untagged";
    default:
      return assertNever(r);
  }
}

/** Another representation, or the same one with its tag or content key renamed. */
function diffRepr(cx: DiffContext, b: EnumDecl, h: EnumDecl): void {
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  if (b.repr.kind !== h.repr.kind) {
    cx.findings.push(finding("ENUM_REPRESENTATION_CHANGED", path, { name: h.name, from: reprText(b.repr), to: reprText(h.repr) }, where));
    return;
  }
  const keys = (r: EnumRepr): [string, string][] =>
    r.kind === "internal" ? [["tag", r.tag]] : r.kind === "adjacent" ? [["tag", r.tag], ["content", r.content]] : [];
  const before = keys(b.repr);
  for (const [i, [which, to]] of keys(h.repr).entries()) {
    const from = before[i]![1];
    if (from !== to) cx.findings.push(finding("ENUM_TAG_RENAMED", path, { which, name: h.name, from, to }, where));
  }
}

function rewired(h: EnumDecl, bv: EnumVariant, hv: EnumVariant): ReturnType<typeof finding> {
  const at = `${h.name}.${hv.name}`;
  const where = { base: bv.range, head: hv.range };
  const args = { what: "Variant", name: at, from: bv.wire, to: hv.wire };
  const newReadsOld = hv.aliases.includes(bv.wire);
  const oldReadsNew = bv.aliases.includes(hv.wire);
  if (newReadsOld && oldReadsNew) return finding("WIRE_NAME_SWAPPED", at, args, where);
  if (newReadsOld) return finding("WIRE_NAME_ALIASED", at, { ...args, consequence: `old readers refuse new files that hold '${hv.wire}'` }, where);
  const consequence = `existing files holding '${bv.wire}' no longer read${oldReadsNew ? "" : ` and old readers refuse '${hv.wire}'`}`;
  return finding("WIRE_NAME_CHANGED", at, { ...args, consequence }, where);
}

function otherFinding(e: EnumDecl, v: EnumVariant, rule: "OTHER_ADDED" | "OTHER_REMOVED", where: { base?: EnumVariant["range"]; head?: EnumVariant["range"] }) {
  return finding(rule, `${e.name}.${v.name}`, { type: e.name, name: v.name, wire: v.wire }, where);
}

function diffVariant(cx: DiffContext, b: EnumDecl, h: EnumDecl, bv: EnumVariant, hv: EnumVariant, untagged: boolean): void {
  const out = cx.findings;
  const path = `${h.name}.${hv.name}`;
  const where = { base: bv.range, head: hv.range };
  if (bv.name !== hv.name && bv.wire === hv.wire) {
    const detail = `variant '${hv.wire}' of ${h.name} is named ${hv.name} in the IDL, was ${bv.name} (the constant ${h.name}.${bv.name} is renamed)`;
    out.push(finding("IDL_ONLY_CHANGE", path, { detail }, where));
  }
  if (untagged && bv.wire !== hv.wire) {
    const detail = `variant ${hv.name} of untagged ${h.name} has the wire name '${hv.wire}', was '${bv.wire}', which no value carries`;
    out.push(finding("IDL_ONLY_CHANGE", path, { detail }, where));
  }
  if (!untagged) {
    for (const alias of hv.aliases) {
      if (!bv.aliases.includes(alias) && alias !== bv.wire) out.push(finding("ALIAS_ADDED", path, { what: "Variant", name: path, alias, wire: hv.wire }, where));
    }
    for (const alias of bv.aliases) {
      if (hv.aliases.includes(alias) || alias === hv.wire) continue;
      out.push(finding("ALIAS_REMOVED", path, { what: "Variant", name: path, alias, consequence: "no longer read" }, where));
    }
  }
  if (bv.other !== hv.other) out.push(otherFinding(h, hv, hv.other ? "OTHER_ADDED" : "OTHER_REMOVED", where));
  diffPayload(cx, b, h, bv, hv);
  const explicit = bv.display !== bv.wire || hv.display !== hv.wire;
  if (bv.display !== hv.display && (bv.wire === hv.wire || explicit)) {
    out.push(finding("DISPLAY_CHANGED", path, { type: h.name, name: hv.name, from: bv.display, to: hv.display }, where));
  }
  if (bv.doc !== hv.doc) out.push(finding("DOC_CHANGED", path, { what: "variant", name: path }, where));
}

function payloadText(p: VariantPayload): string {
  switch (p.kind) {
    case "unit":
      return "nothing (a unit variant)";
    case "newtype":
      return typeText(p.type);
    case "tuple":
      return `tuple<${p.items.map(typeText).join(", ")}>`;
    case "struct":
      return `fields (${p.fields.map((f) => f.wire).join(", ")})`;
    default:
      return assertNever(p);
  }
}

/** What the variant carries: another kind of payload, another type, or changed fields. */
function diffPayload(cx: DiffContext, b: EnumDecl, h: EnumDecl, bv: EnumVariant, hv: EnumVariant): void {
  const path = `${h.name}.${hv.name}`;
  const where = { base: bv.range, head: hv.range };
  const bp = bv.payload;
  const hp = hv.payload;
  const what = `Variant ${path}`;
  if (bp.kind === "newtype" && hp.kind === "newtype") {
    cx.findings.push(...innerTypeFindings(path, what, relateTypes(bp.type, hp.type, cx.ix), typeText(bp.type), typeText(hp.type), where));
  } else if (bp.kind === "tuple" && hp.kind === "tuple") {
    const tuple = (items: typeof bp.items) => ({ kind: "tuple" as const, items, range: hv.range });
    const rel = relateTypes(tuple(bp.items), tuple(hp.items), cx.ix);
    cx.findings.push(...innerTypeFindings(path, what, rel, payloadText(bp), payloadText(hp), where));
  } else if (bp.kind === "struct" && hp.kind === "struct") {
    const owner = (e: EnumDecl, v: EnumVariant, p: typeof bp): FieldOwner => ({
      name: `${e.name}.${v.name}`,
      fields: p.fields,
      renameAll: p.renameAll,
      unknownFields: e.unknownFields,
      range: v.range,
      path,
    });
    diffFields(cx, owner(b, bv, bp), owner(h, hv, hp));
  } else if (bp.kind !== hp.kind) {
    cx.findings.push(finding("VARIANT_PAYLOAD_CHANGED", path, { name: path, from: payloadText(bp), to: payloadText(hp) }, where));
  }
}

/** Untagged variants are tried in declaration order: a new order can read a value as another variant. */
function diffOrder(cx: DiffContext, b: EnumDecl, h: EnumDecl, pairs: readonly (readonly [EnumVariant, EnumVariant])[]): void {
  const byBase = [...pairs].sort((x, y) => b.variants.indexOf(x[0]) - b.variants.indexOf(y[0])).map(([, hv]) => hv.name);
  const byHead = [...pairs].sort((x, y) => h.variants.indexOf(x[1]) - h.variants.indexOf(y[1])).map(([, hv]) => hv.name);
  if (byBase.join("\0") === byHead.join("\0")) return;
  cx.findings.push(finding("VARIANT_ORDER_CHANGED", `type:${h.name}`, { type: h.name, order: listText(byHead, 8) }, { base: b.range, head: h.range }));
}
