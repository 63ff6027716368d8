/** Struct changes: fields added, removed, retyped, made optional or required, defaults, omit rules, policies. */
import { assertNever, typeText, type Field, type OmitRule, type StructDecl, type TypeRef } from "../model/ir.js";
import { renameField } from "../model/naming.js";
import { listText, matchMembers, renameRuleChange, type DiffContext } from "./context.js";
import { isRequired, missingValue, sameValue, showValue, typeDefault } from "./defaults.js";
import { finding, type Finding } from "./rules.js";
import { relateTypes } from "./wire-relation.js";

/** Compares two declarations of the same struct. */
export function diffStruct(cx: DiffContext, b: StructDecl, h: StructDecl): void {
  const m = matchMembers(b.fields, h.fields);
  for (const [bf, hf] of m.same) diffField(cx, h, bf, hf);
  const byRule: string[] = [];
  for (const [bf, hf] of m.rewired) {
    const derived = bf.wire === renameField(b.renameAll, bf.name) && hf.wire === renameField(h.renameAll, hf.name);
    if (b.renameAll !== h.renameAll && derived) byRule.push(`'${bf.wire}' to '${hf.wire}'`);
    else cx.findings.push(rewired(h, bf, hf));
    diffField(cx, h, bf, hf);
  }
  renameRuleChange(cx, b, h, byRule, "field");
  for (const bf of m.removed) cx.findings.push(removed(b, h, bf));
  for (const hf of m.added) cx.findings.push(added(cx, b, h, hf));
  diffFieldOrder(cx, b, h, [...m.same, ...m.rewired]);
  diffPolicies(cx, b, h);
}

function rewired(h: StructDecl, bf: Field, hf: Field): Finding {
  const consequence = [
    isRequired(hf)
      ? `existing files lack '${hf.wire}' and no longer read`
      : `values under '${bf.wire}' in existing files are ignored and lost`,
    ...(isRequired(bf) ? [`old readers refuse new files without '${bf.wire}'`] : []),
  ].join("; ");
  const args = { what: "Field", name: `${h.name}.${hf.name}`, from: bf.wire, to: hf.wire, consequence };
  return finding("WIRE_NAME_CHANGED", `${h.name}.${hf.name}`, args, { base: bf.range, head: hf.range });
}

function removed(b: StructDecl, h: StructDecl, bf: Field): Finding {
  const consequence: string[] = [];
  if (isRequired(bf)) consequence.push("old readers require it and refuse new files");
  consequence.push(
    h.unknownFields === "deny"
      ? `existing files that hold it no longer read (${h.name} denies unknown fields)`
      : "its values in existing files are dropped on read and lost on the next write",
  );
  const args = { wire: bf.wire, type: typeText(bf.type), consequence: consequence.join("; ") };
  return finding("FIELD_REMOVED", `${b.name}.${bf.name}`, args, { base: bf.range });
}

function added(cx: DiffContext, b: StructDecl, h: StructDecl, hf: Field): Finding {
  const at = `${h.name}.${hf.name}`;
  const args = { wire: hf.wire, type: typeText(hf.type), struct: h.name };
  if (isRequired(hf)) return finding("FIELD_ADDED_REQUIRED", at, args, { head: hf.range });
  if (b.unknownFields === "deny") return finding("FIELD_ADDED_STRICT", at, args, { head: hf.range });
  const how = hf.default === undefined ? "as optional" : `with default ${showValue(missingValue(cx.ix.head, hf))}`;
  return finding("FIELD_ADDED_OPTIONAL", at, { ...args, how }, { head: hf.range });
}

/** The unknown-field policy and the type's own default. */
function diffPolicies(cx: DiffContext, b: StructDecl, h: StructDecl): void {
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  if (b.unknownFields !== h.unknownFields) {
    cx.findings.push(
      finding(h.unknownFields === "deny" ? "UNKNOWN_FIELDS_DENIED" : "UNKNOWN_FIELDS_ALLOWED", path, { name: h.name }, where),
    );
  }
  if (b.hasDefault === h.hasDefault) return;
  const self = (d: StructDecl): TypeRef => ({ kind: "named", name: d.name, range: d.range });
  cx.findings.push(
    h.hasDefault
      ? finding("TYPE_DEFAULT_ADDED", path, { name: h.name, value: showValue(typeDefault(cx.ix.head, self(h))) }, where)
      : finding("TYPE_DEFAULT_REMOVED", path, { name: h.name, value: showValue(typeDefault(cx.ix.base, self(b))) }, where),
  );
}

function diffField(cx: DiffContext, hs: StructDecl, bf: Field, hf: Field): void {
  const path = `${hs.name}.${hf.name}`;
  const where = { base: bf.range, head: hf.range };
  if (bf.name !== hf.name && bf.wire === hf.wire) {
    const detail = `field '${hf.wire}' of ${hs.name} is named ${hf.name} in the IDL, was ${bf.name}`;
    cx.findings.push(finding("IDL_ONLY_CHANGE", path, { detail }, where));
  }
  for (const change of [typeChange(cx, hs, path, bf, hf), presenceChange(cx, path, bf, hf), omitChange(cx, path, bf, hf)]) {
    if (change !== undefined) cx.findings.push(change);
  }
  if (bf.doc !== hf.doc) cx.findings.push(finding("DOC_CHANGED", path, { what: "field", name: path }, where));
}

/** The values the field accepts, `optional<>` aside (that is presence). */
function typeChange(cx: DiffContext, hs: StructDecl, path: string, bf: Field, hf: Field): Finding | undefined {
  const bInner = bf.type.kind === "optional" ? bf.type.inner : bf.type;
  const hInner = hf.type.kind === "optional" ? hf.type.inner : hf.type;
  const rel = relateTypes(bInner, hInner, cx.ix);
  const where = { base: bf.type.range, head: hf.type.range };
  const args = { wire: hf.wire, from: typeText(bf.type), to: typeText(hf.type) };
  switch (rel.kind) {
    case "narrower":
      return finding("FIELD_TYPE_NARROWED", path, { ...args, detail: rel.detail }, where);
    case "wider":
      return finding("FIELD_TYPE_WIDENED", path, { ...args, detail: rel.detail }, where);
    case "different":
      return finding("FIELD_TYPE_CHANGED", path, { ...args, detail: rel.detail }, where);
    case "same": {
      if (typeText(bInner) === typeText(hInner)) return undefined;
      const detail = `field '${hf.wire}' of ${hs.name} has type ${typeText(hInner)}, was ${typeText(bInner)}, which read the same`;
      return finding("IDL_ONLY_CHANGE", path, { detail }, where);
    }
    default:
      return assertNever(rel);
  }
}

/** Whether the field may be missing or null, and what a missing field reads as. */
function presenceChange(cx: DiffContext, path: string, bf: Field, hf: Field): Finding | undefined {
  const bOpt = bf.type.kind === "optional";
  const hOpt = hf.type.kind === "optional";
  const missing = { base: missingValue(cx.ix.base, bf), head: missingValue(cx.ix.head, hf) };
  const typeWhere = { base: bf.type.range, head: hf.type.range };
  const defaultWhere = { base: bf.default?.range ?? bf.range, head: hf.default?.range ?? hf.range };
  const types = { wire: hf.wire, from: typeText(bf.type), to: typeText(hf.type) };
  if (bOpt && !hOpt) {
    const how = `changed from ${types.from} to ${types.to}${hf.default ? ` (missing, it reads as ${showValue(missing.head)})` : ""}`;
    return finding(
      "FIELD_MADE_REQUIRED",
      path,
      { wire: hf.wire, how, which: hf.default ? "that hold null" : "that lack it or hold null" },
      typeWhere,
    );
  }
  if (!bOpt && hOpt)
    return finding("FIELD_MADE_OPTIONAL", path, { ...types, omitted: hf.omit === "if-none" ? " or leave it out" : "" }, typeWhere);
  if (!isRequired(bf) && isRequired(hf)) {
    const how = `lost its default (missing, it read as ${showValue(missing.base)})`;
    return finding("FIELD_MADE_REQUIRED", path, { wire: hf.wire, how, which: "that leave it out" }, { ...defaultWhere, head: hf.range });
  }
  if (isRequired(bf) && !isRequired(hf)) {
    return finding("DEFAULT_ADDED", path, { wire: hf.wire, value: showValue(missing.head) }, { ...defaultWhere, base: bf.range });
  }
  // Both take their type's default: a change of that default is reported at the type.
  if (sameValue(missing.base, missing.head) || (bf.default?.kind === "type" && hf.default?.kind === "type")) return undefined;
  return finding("DEFAULT_CHANGED", path, { wire: hf.wire, from: showValue(missing.base), to: showValue(missing.head) }, defaultWhere);
}

function omitChange(cx: DiffContext, path: string, bf: Field, hf: Field): Finding | undefined {
  if (bf.omit === hf.omit) return undefined;
  const where = { base: bf.range, head: hf.range };
  const args = { wire: hf.wire, from: omitText(bf.omit), to: omitText(hf.omit) };
  if (hf.omit === "never") return finding("OMIT_REMOVED", path, args, where);
  const consequence = isRequired(bf)
    ? "old readers require the field and refuse new files that leave it out"
    : `old readers read a left-out field as ${showValue(missingValue(cx.ix.base, bf))}`;
  return finding("OMIT_CHANGED", path, { ...args, consequence }, where);
}

function omitText(rule: OmitRule): string {
  switch (rule) {
    case "never":
      return "always written";
    case "if-none":
      return "left out when none";
    case "if-empty":
      return "left out when empty";
    default:
      return assertNever(rule);
  }
}

function diffFieldOrder(cx: DiffContext, b: StructDecl, h: StructDecl, pairs: readonly (readonly [Field, Field])[]): void {
  const byBase = [...pairs].sort((x, y) => b.fields.indexOf(x[0]) - b.fields.indexOf(y[0])).map(([, hf]) => hf.wire);
  const byHead = [...pairs].sort((x, y) => h.fields.indexOf(x[1]) - h.fields.indexOf(y[1])).map(([, hf]) => hf.wire);
  if (byBase.join("\0") === byHead.join("\0")) return;
  cx.findings.push(
    finding("FIELD_ORDER_CHANGED", `type:${h.name}`, { name: h.name, order: listText(byHead, 8) }, { base: b.range, head: h.range }),
  );
}
