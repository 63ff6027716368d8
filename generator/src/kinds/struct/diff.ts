/**
 * Struct changes for `idlc diff`: fields added, removed, renamed on the wire, retyped, made
 * optional or required, defaults, omit and skip rules, aliases, flatten; and the struct's own
 * policies (unknown fields, its default, `missing_fields: default`, `transparent`). The field
 * rules also serve struct variants (kinds/enum/diff.ts).
 */
import type { SourceRange } from "../../diagnostics/diagnostic.js";
import { isRead, isWritten, type FieldContainer } from "../../model/facts.js";
import { assertNever, typeText, type Field, type OmitRule, type RenameRule, type StructDecl, type TypeRef } from "../../model/ir.js";
import { renameField } from "../../model/naming.js";
import { listText, matchMembers, noteFindings, renameRuleChange, type DiffContext } from "../../diff/context.js";
import { isRequired, missingValue, sameValue, showValue, typeDefault } from "../../diff/defaults.js";
import { finding, type Finding } from "../../diff/rules.js";
import { diffTypeDefault } from "../../diff/type-default.js";
import { relateTypes } from "../../diff/wire-relation.js";

/** What holds a list of fields: a struct, or a struct variant (`Enum.Variant`). */
export interface FieldOwner {
  /** Prefix of the fields' paths, and the owner's name in messages: `PoolSpec`, `UpdateStrategy.Manual`. */
  readonly name: string;
  readonly fields: readonly Field[];
  readonly renameAll: RenameRule | undefined;
  readonly unknownFields: "ignore" | "deny";
  /** The struct, whose default fills missing fields with `missing_fields: default`. */
  readonly container?: FieldContainer;
  readonly range: SourceRange;
  /** Path of the owner's own findings (`type:PoolSpec`, `UpdateStrategy.Manual`). */
  readonly path: string;
}

/** Compares two declarations of the same struct. */
export function diffStruct(cx: DiffContext, b: StructDecl, h: StructDecl): void {
  const owner = (d: StructDecl): FieldOwner => ({ ...d, container: d, path: `type:${d.name}` });
  const byContainer = diffFields(cx, owner(b), owner(h));
  diffPolicies(cx, b, h, byContainer);
}

/**
 * Compares two lists of fields. Returns the fields whose presence changed only because the
 * struct's `missing_fields: default` did (reported once, at the struct).
 */
export function diffFields(cx: DiffContext, b: FieldOwner, h: FieldOwner): string[] {
  const m = matchMembers(b.fields, h.fields);
  const byContainer: string[] = [];
  for (const [bf, hf] of m.same) diffField(cx, b, h, bf, hf, byContainer);
  const byRule: string[] = [];
  for (const [bf, hf] of m.rewired) {
    const derived = bf.wire === renameField(b.renameAll, bf.name) && hf.wire === renameField(h.renameAll, hf.name);
    if (b.renameAll !== h.renameAll && derived && !hf.aliases.includes(bf.wire)) byRule.push(`'${bf.wire}' to '${hf.wire}'`);
    else cx.findings.push(rewired(cx, b, h, bf, hf));
    diffField(cx, b, h, bf, hf, byContainer);
  }
  renameRuleChange(cx, b, h, byRule, "field", h.path);
  for (const bf of m.removed) cx.findings.push(removed(cx, b, h, bf));
  for (const hf of m.added) cx.findings.push(added(cx, b, h, hf));
  diffFieldOrder(cx, b, h, [...m.same, ...m.rewired]);
  return byContainer;
}

/** Another wire name for the same field: refused both ways, or read through an alias one way or both. */
function rewired(cx: DiffContext, bo: FieldOwner, ho: FieldOwner, bf: Field, hf: Field): Finding {
  const at = `${ho.name}.${hf.name}`;
  const where = { base: bf.range, head: hf.range };
  const args = { what: "Field", name: at, from: bf.wire, to: hf.wire };
  const newReadsOld = hf.aliases.includes(bf.wire);
  const oldReadsNew = bf.aliases.includes(hf.wire);
  if (newReadsOld && oldReadsNew) return finding("WIRE_NAME_SWAPPED", at, args, where);
  const oldReaders = isRequired(cx.ix.base, bf, bo.container)
    ? `old readers refuse new files without '${bf.wire}'`
    : bo.unknownFields === "deny"
      ? `old readers refuse new files with '${hf.wire}' (${bo.name} denies unknown fields)`
      : `old readers ignore '${hf.wire}' and read ${showValue(missingValue(cx.ix.base, bf, bo.container))} instead`;
  if (newReadsOld) return finding("WIRE_NAME_ALIASED", at, { ...args, consequence: oldReaders }, where);
  const consequence = [
    isRequired(cx.ix.head, hf, ho.container)
      ? `existing files lack '${hf.wire}' and no longer read`
      : `values under '${bf.wire}' in existing files are ignored and lost`,
    ...(oldReadsNew ? [] : isRequired(cx.ix.base, bf, bo.container) ? [`old readers refuse new files without '${bf.wire}'`] : []),
  ].join("; ");
  return finding("WIRE_NAME_CHANGED", at, { ...args, consequence }, where);
}

function removed(cx: DiffContext, bo: FieldOwner, ho: FieldOwner, bf: Field): Finding {
  const at = `${bo.name}.${bf.name}`;
  if (bf.skip === "both") {
    return finding("IDL_ONLY_CHANGE", at, { detail: `field '${bf.name}' of ${bo.name}, skipped both ways, was removed` }, { base: bf.range });
  }
  const consequence: string[] = [];
  if (isRequired(cx.ix.base, bf, bo.container)) consequence.push("old readers require it and refuse new files");
  consequence.push(
    ho.unknownFields === "deny"
      ? `existing files that hold it no longer read (${ho.name} denies unknown fields)`
      : "its values in existing files are dropped on read and lost on the next write",
  );
  const args = { wire: bf.wire, type: typeText(bf.type), consequence: consequence.join("; ") };
  return finding("FIELD_REMOVED", at, args, { base: bf.range });
}

function added(cx: DiffContext, bo: FieldOwner, ho: FieldOwner, hf: Field): Finding {
  const at = `${ho.name}.${hf.name}`;
  const args = { wire: hf.wire, type: typeText(hf.type), struct: ho.name };
  if (hf.skip === "both") {
    return finding("IDL_ONLY_CHANGE", at, { detail: `field '${hf.name}' of ${ho.name} was added, skipped both ways (never on the wire)` }, { head: hf.range });
  }
  if (isRequired(cx.ix.head, hf, ho.container) || (hf.flatten && flattenedRequires(cx, hf.type))) {
    return finding("FIELD_ADDED_REQUIRED", at, args, { head: hf.range });
  }
  if (bo.unknownFields === "deny" && isWritten(hf)) return finding("FIELD_ADDED_STRICT", at, args, { head: hf.range });
  const how = !isRead(hf)
    ? "written only (skip: deserializing)"
    : hf.default === undefined
      ? hf.flatten
        ? "flattened"
        : "as optional"
      : `with default ${showValue(missingValue(cx.ix.head, hf, ho.container))}`;
  return finding("FIELD_ADDED_OPTIONAL", at, { ...args, how }, { head: hf.range });
}

/** Whether a flattened value needs entries of its own to read: a struct with a required field, an enum. */
function flattenedRequires(cx: DiffContext, t: TypeRef): boolean {
  if (t.kind === "box") return flattenedRequires(cx, t.inner);
  if (t.kind !== "named") return false;
  const decl = cx.ix.head.types.get(t.name);
  if (decl?.kind === "enum") return true;
  if (decl?.kind === "newtype") return flattenedRequires(cx, decl.type);
  if (decl?.kind !== "struct") return false;
  return decl.fields.some((f) => isRequired(cx.ix.head, f, decl) || (f.flatten && flattenedRequires(cx, f.type)));
}

/** The unknown-field policy, the struct's default, `missing_fields: default`, `transparent`. */
function diffPolicies(cx: DiffContext, b: StructDecl, h: StructDecl, byContainer: readonly string[]): void {
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  if (b.unknownFields !== h.unknownFields) {
    cx.findings.push(
      finding(h.unknownFields === "deny" ? "UNKNOWN_FIELDS_DENIED" : "UNKNOWN_FIELDS_ALLOWED", path, { name: h.name }, where),
    );
  }
  if (b.transparent !== h.transparent) {
    const how = h.transparent ? "now transparent: written as its one field alone, not as an object" : "no longer transparent: written as an object of its fields";
    cx.findings.push(finding("TRANSPARENT_CHANGED", path, { name: h.name, how }, where));
  }
  if (b.missingFromDefault !== h.missingFromDefault) {
    const fields = byContainer.length > 0 ? listText(byContainer.map((f) => `'${f}'`)) : "a field without its own default";
    cx.findings.push(finding(h.missingFromDefault ? "MISSING_FIELDS_DEFAULT_ADDED" : "MISSING_FIELDS_DEFAULT_REMOVED", path, { name: h.name, fields }, where));
  }
  const self = (d: StructDecl): TypeRef => ({ kind: "named", name: d.name, range: d.range });
  const from = b.hasDefault ? showValue(typeDefault(cx.ix.base, self(b))) : undefined;
  const to = h.hasDefault ? showValue(typeDefault(cx.ix.head, self(h))) : undefined;
  // A default derived from the fields' defaults changes with them (reported at each field); an explicit `default:` is reported here.
  const explicit = b.defaultValue !== undefined || h.defaultValue !== undefined;
  diffTypeDefault(cx, b, h, from, to, !explicit || from === to);
}

function diffField(cx: DiffContext, bo: FieldOwner, ho: FieldOwner, bf: Field, hf: Field, byContainer: string[]): void {
  const path = `${ho.name}.${hf.name}`;
  const where = { base: bf.range, head: hf.range };
  const out = cx.findings;
  if (bf.name !== hf.name && bf.wire === hf.wire) {
    const detail = `field '${hf.wire}' of ${ho.name} is named ${hf.name} in the IDL, was ${bf.name}`;
    out.push(finding("IDL_ONLY_CHANGE", path, { detail }, where));
  }
  out.push(...aliasChanges(cx, ho, bf, hf, path));
  if (bf.flatten !== hf.flatten) {
    const how = hf.flatten ? `now flattened: its entries sit in ${ho.name}'s object, not under '${hf.wire}'` : `no longer flattened: its entries sit under '${hf.wire}', not in ${ho.name}'s object`;
    out.push(finding("FLATTEN_CHANGED", path, { wire: hf.wire, how }, where));
  }
  const skip = skipChanges(cx, bo, ho, bf, hf, path);
  out.push(...skip);
  const onWire = bf.skip !== "both" || hf.skip !== "both";
  out.push(...typeChange(cx, ho, path, bf, hf, onWire));
  const readChanged = isRead(bf) !== isRead(hf);
  if (!readChanged && bf.flatten === hf.flatten) {
    const presence = presenceChange(cx, bo, ho, path, bf, hf);
    if (presence === "container") byContainer.push(hf.wire);
    else if (presence !== undefined) out.push(presence);
  }
  if (isWritten(bf) && isWritten(hf)) {
    const omit = omitChange(cx, bo, path, bf, hf);
    if (omit !== undefined) out.push(omit);
  }
  if (bf.doc !== hf.doc) out.push(finding("DOC_CHANGED", path, { what: "field", name: path }, where));
}

/** Aliases added or removed (a name that became or stopped being the wire name is a rewiring, not an alias change). */
function aliasChanges(cx: DiffContext, ho: FieldOwner, bf: Field, hf: Field, path: string): Finding[] {
  const out: Finding[] = [];
  const where = { base: bf.range, head: hf.range };
  for (const alias of hf.aliases) {
    if (bf.aliases.includes(alias) || alias === bf.wire) continue;
    out.push(finding("ALIAS_ADDED", path, { what: "Field", name: path, alias, wire: hf.wire }, where));
  }
  for (const alias of bf.aliases) {
    if (hf.aliases.includes(alias) || alias === hf.wire) continue;
    const consequence = isRequired(cx.ix.head, hf, ho.container)
      ? "no longer read (the field is missing)"
      : ho.unknownFields === "deny"
        ? `no longer read (${ho.name} denies unknown fields)`
        : `read it as ${showValue(missingValue(cx.ix.head, hf, ho.container))}: the value under '${alias}' is lost`;
    out.push(finding("ALIAS_REMOVED", path, { what: "Field", name: path, alias, consequence }, where));
  }
  return out;
}

/** `skip` changes, as what is read and what is written. */
function skipChanges(cx: DiffContext, bo: FieldOwner, ho: FieldOwner, bf: Field, hf: Field, path: string): Finding[] {
  const out: Finding[] = [];
  const where = { base: bf.range, head: hf.range };
  const args = { wire: hf.wire, from: bf.skip, to: hf.skip };
  const readBefore = isRead(bf);
  const readNow = isRead(hf);
  if (readBefore && !readNow) {
    const consequence =
      ho.unknownFields === "deny"
        ? `existing files that hold it no longer read (${ho.name} denies unknown fields)`
        : `its values in existing files are ignored; it reads as ${showValue(missingValue(cx.ix.head, { ...hf, skip: "none" }, ho.container))}`;
    out.push(finding("FIELD_NO_LONGER_READ", path, { ...args, consequence }, where));
  } else if (!readBefore && readNow) {
    if (isRequired(cx.ix.head, hf, ho.container) && !isWritten(bf)) {
      const how = `is read now (skip: ${hf.skip}, was ${bf.skip}) and has no default`;
      out.push(finding("FIELD_MADE_REQUIRED", path, { wire: hf.wire, how, which: "written while it was skipped (they lack it)" }, where));
    } else {
      const consequence = isWritten(bf)
        ? "existing files hold the value written then, which is now read instead of the default"
        : `existing files lack it and read it as ${showValue(missingValue(cx.ix.head, hf, ho.container))}`;
      out.push(finding("FIELD_NOW_READ", path, { ...args, consequence }, where));
    }
  }
  const writtenBefore = isWritten(bf);
  const writtenNow = isWritten(hf);
  if (writtenBefore && !writtenNow) {
    const consequence = !readBefore
      ? "no version reads it"
      : isRequired(cx.ix.base, bf, bo.container)
        ? "old readers require it and refuse new files"
        : `old readers read it as ${showValue(missingValue(cx.ix.base, bf, bo.container))}, not the value`;
    out.push(finding("FIELD_NO_LONGER_WRITTEN", path, { ...args, consequence }, where));
  } else if (!writtenBefore && writtenNow) {
    if (!readBefore && bo.unknownFields === "deny") {
      out.push(finding("FIELD_ADDED_STRICT", path, { wire: hf.wire, type: typeText(hf.type), struct: ho.name }, where));
    } else {
      const consequence = readBefore ? "old readers read it from new files" : "old readers skip it";
      out.push(finding("FIELD_NOW_WRITTEN", path, { ...args, consequence }, where));
    }
  }
  return out;
}

/** The values the field accepts, `optional<>` aside (that is presence), and what else changed in its type. */
function typeChange(cx: DiffContext, ho: FieldOwner, path: string, bf: Field, hf: Field, onWire: boolean): Finding[] {
  const bInner = bf.type.kind === "optional" ? bf.type.inner : bf.type;
  const hInner = hf.type.kind === "optional" ? hf.type.inner : hf.type;
  const rel = relateTypes(bInner, hInner, cx.ix);
  const where = { base: bf.type.range, head: hf.type.range };
  const args = { wire: hf.wire, from: typeText(bf.type), to: typeText(hf.type) };
  const notes = noteFindings(path, `Field '${hf.wire}'`, rel.notes ?? [], where);
  const idlOnly = (): Finding[] => {
    if (notes.length > 0 || typeText(bInner) === typeText(hInner)) return notes;
    const what = onWire ? "which read the same" : "skipped both ways";
    return [finding("IDL_ONLY_CHANGE", path, { detail: `field '${hf.wire}' of ${ho.name} has type ${typeText(hInner)}, was ${typeText(bInner)}, ${what}` }, where)];
  };
  if (!onWire) return typeText(bInner) === typeText(hInner) ? [] : idlOnly();
  switch (rel.kind) {
    case "narrower":
      return [finding("FIELD_TYPE_NARROWED", path, { ...args, detail: rel.detail }, where), ...notes];
    case "wider":
      return [finding("FIELD_TYPE_WIDENED", path, { ...args, detail: rel.detail }, where), ...notes];
    case "different":
      return [finding("FIELD_TYPE_CHANGED", path, { ...args, detail: rel.detail }, where), ...notes];
    case "same":
      return idlOnly();
    default:
      return rel satisfies never;
  }
}

/**
 * Whether the field may be missing or null, and what a missing field reads as. `"container"`
 * when only the struct's `missing_fields: default` made the difference (reported at the struct).
 */
function presenceChange(cx: DiffContext, bo: FieldOwner, ho: FieldOwner, path: string, bf: Field, hf: Field): Finding | "container" | undefined {
  const bOpt = bf.type.kind === "optional";
  const hOpt = hf.type.kind === "optional";
  const missing = { base: missingValue(cx.ix.base, bf, bo.container), head: missingValue(cx.ix.head, hf, ho.container) };
  const typeWhere = { base: bf.type.range, head: hf.type.range };
  const defaultWhere = { base: bf.default?.range ?? bf.range, head: hf.default?.range ?? hf.range };
  const types = { wire: hf.wire, from: typeText(bf.type), to: typeText(hf.type) };
  if (bOpt && !hOpt) {
    const how = `changed from ${types.from} to ${types.to}${missing.head !== undefined ? ` (missing, it reads as ${showValue(missing.head)})` : ""}`;
    return finding(
      "FIELD_MADE_REQUIRED",
      path,
      { wire: hf.wire, how, which: missing.head !== undefined ? "that hold null" : "that lack it or hold null" },
      typeWhere,
    );
  }
  if (!bOpt && hOpt)
    return finding("FIELD_MADE_OPTIONAL", path, { ...types, omitted: hf.omit === "if-none" ? " or leave it out" : "" }, typeWhere);
  const bReq = isRequired(cx.ix.base, bf, bo.container);
  const hReq = isRequired(cx.ix.head, hf, ho.container);
  const containerFlip = (bo.container?.missingFromDefault ?? false) !== (ho.container?.missingFromDefault ?? false);
  if (bReq !== hReq && containerFlip && bf.default === undefined && hf.default === undefined) return "container";
  if (!bReq && hReq) {
    const how = `lost its default (missing, it read as ${showValue(missing.base)})`;
    return finding("FIELD_MADE_REQUIRED", path, { wire: hf.wire, how, which: "that leave it out" }, { ...defaultWhere, head: hf.range });
  }
  if (bReq && !hReq) {
    return finding("DEFAULT_ADDED", path, { wire: hf.wire, value: showValue(missing.head) }, { ...defaultWhere, base: bf.range });
  }
  if (sameValue(missing.base, missing.head)) return undefined;
  // Both take their type's default, or the struct's: a change of that default is reported at the type.
  if (bf.default?.kind === "type" && hf.default?.kind === "type") return undefined;
  if (bf.default === undefined && hf.default === undefined) return undefined;
  return finding("DEFAULT_CHANGED", path, { wire: hf.wire, from: showValue(missing.base), to: showValue(missing.head) }, defaultWhere);
}

function omitChange(cx: DiffContext, bo: FieldOwner, path: string, bf: Field, hf: Field): Finding | undefined {
  if (bf.omit === hf.omit) return undefined;
  const where = { base: bf.range, head: hf.range };
  const args = { wire: hf.wire, from: omitText(bf.omit), to: omitText(hf.omit) };
  if (hf.omit === "never") return finding("OMIT_REMOVED", path, args, where);
  const consequence = isRequired(cx.ix.base, bf, bo.container)
    ? "old readers require the field and refuse new files that leave it out"
    : `old readers read a left-out field as ${showValue(missingValue(cx.ix.base, bf, bo.container))}`;
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
    case "if-default":
      return "left out when equal to its default";
    default:
      return assertNever(rule);
  }
}

function diffFieldOrder(cx: DiffContext, b: FieldOwner, h: FieldOwner, pairs: readonly (readonly [Field, Field])[]): void {
  const byBase = [...pairs].sort((x, y) => b.fields.indexOf(x[0]) - b.fields.indexOf(y[0])).map(([, hf]) => hf.wire);
  const byHead = [...pairs].sort((x, y) => h.fields.indexOf(x[1]) - h.fields.indexOf(y[1])).map(([, hf]) => hf.wire);
  if (byBase.join("\0") === byHead.join("\0")) return;
  cx.findings.push(
    finding("FIELD_ORDER_CHANGED", h.path, { name: h.name, order: listText(byHead, 8) }, { base: b.range, head: h.range }),
  );
}
