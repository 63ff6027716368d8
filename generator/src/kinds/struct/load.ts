/**
 * Structs in the loader: fields (wire names, aliases, defaults, omit, flatten, skip), the
 * struct's own default, `missing_fields: default` and `transparent`, with serde's rules for
 * each. Struct variants of enums build and check their fields here too.
 */
import type { DataPath } from "../../parse/locate.js";
import type { ModuleContext } from "../../model/context.js";
import { claimedKeys, declOf, flattenProblem, typeHasDefault } from "../../model/facts.js";
import { typeText, type Field, type FieldDefault, type OmitRule, type RenameRule, type SkipRule, type StructDecl, type TypeRef, type WireValue } from "../../model/ir.js";
import { checkWireName, WireNames, type BuildContext, type CheckContext, type KindLoader } from "../../model/kind-loader.js";
import { renameField } from "../../model/naming.js";
import { docText, type RawField, type RawFields, type RawStruct } from "../../model/raw.js";
import { resolveTypeExpr } from "../../model/resolve-type.js";

export const structLoader: KindLoader<RawStruct, StructDecl> = {
  build: buildStruct,
  check: (c, decl, path) => {
    checkFields(c, decl.name, decl.fields, [...path, "fields"], decl.unknownFields);
    if (decl.hasDefault && decl.defaultValue === undefined) {
      for (const f of decl.fields) {
        if (f.default === undefined && !typeHasDefault(c.index, f.type)) {
          c.ctx.report("invalid-type-use", f.range, {
            detail: `${decl.name} has a default, so field '${f.name}' needs one: its type ${typeText(f.type)} has none`,
          });
        }
      }
    }
  },
};

function buildStruct(b: BuildContext, name: string, raw: RawStruct, path: DataPath): StructDecl {
  const { ctx } = b;
  const renameAll = raw.rename_all as RenameRule | undefined;
  const fields = buildFields(b, name, raw.fields, [...path, "fields"], renameAll);
  if (raw.default !== undefined && raw.has_default !== undefined) {
    ctx.report("conflicting-defaults", ctx.keyAt([...path, "has_default"]), { what: "A struct", first: "default", second: "has_default" });
  }
  const hasDefault = raw.has_default === true || raw.default !== undefined;
  const missingFromDefault = raw.missing_fields === "default";
  if (missingFromDefault && !hasDefault) ctx.report("no-struct-default", ctx.valueAt([...path, "missing_fields"]), { type: name });
  if (raw.transparent === true) checkTransparent(ctx, name, raw, path);
  if (raw.default !== undefined) {
    b.pending.push({ ctx, path: [...path, "default"], type: { kind: "named", name, range: ctx.keyAt(path) }, value: raw.default, ownDefault: true });
  }
  return {
    kind: "struct",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    renameAll,
    fields,
    hasDefault,
    defaultValue: raw.default as WireValue | undefined,
    missingFromDefault,
    transparent: raw.transparent ?? false,
    unknownFields: raw.unknown_fields ?? "ignore",
    range: ctx.keyAt(path),
  };
}

/**
 * serde's `transparent`: the one field that is neither skipped nor defaulted is the whole wire
 * value; every other field is skipped both ways. Checked on the raw fields, so that a field
 * whose type is wrong still counts.
 */
function checkTransparent(ctx: ModuleContext, name: string, raw: RawStruct, path: DataPath): void {
  const bad = (at: DataPath, detail: string, value = false): void =>
    ctx.report("invalid-transparent", value ? ctx.valueAt(at) : ctx.keyAt(at), { type: name, detail });
  const entries = Object.entries(raw.fields).map(([n, f]) => [n, typeof f === "string" ? ({ type: f } as RawField) : f] as const);
  const shown = entries.filter(([, f]) => f.skip === undefined);
  if (shown.length !== 1) {
    bad([...path, "transparent"], `it needs exactly one field that is not skipped, and has ${shown.length}`, true);
  }
  for (const [n, f] of entries) {
    const fpath = [...path, "fields", n];
    if (f.skip !== undefined && f.skip !== true) {
      bad([...fpath, "skip"], `field '${n}' is read or written on its own; every field but the wire value is 'skip: true'`, true);
    }
    if (f.skip === undefined && shown.length === 1 && (f.default !== undefined || f.type_default !== undefined)) {
      bad([...fpath, f.default !== undefined ? "default" : "type_default"], `field '${n}' is the whole wire value, so it cannot have a default`);
    }
    if (f.flatten === true) bad([...fpath, "flatten"], `field '${n}' cannot be flattened into a value that is not an object`);
  }
  if (raw.missing_fields !== undefined) bad([...path, "missing_fields"], "its one field is always present, so 'missing_fields' does not apply");
  if (raw.unknown_fields === "deny") bad([...path, "unknown_fields"], "it has no fields on the wire to deny others beside", true);
}

/**
 * Builds the fields of a struct or struct variant at `path` (the `fields` mapping). `owner`
 * names them in messages (`Instance`, `UpdateStrategy::Manual`). A field whose type does not
 * resolve is reported and left out.
 */
export function buildFields(b: BuildContext, owner: string, raw: RawFields, path: DataPath, renameAll: RenameRule | undefined): Field[] {
  const { ctx } = b;
  const fields: Field[] = [];
  const names = new WireNames(ctx, owner);
  for (const [fieldName, rawField] of Object.entries(raw)) {
    const fpath = [...path, fieldName];
    const f: RawField = typeof rawField === "string" ? { type: rawField } : rawField;
    const typePath = typeof rawField === "string" ? fpath : [...fpath, "type"];
    const omit: OmitRule = f.omit ?? "never";
    const type = resolveTypeExpr(ctx, typePath, f.type, { optionalOptional: omit === "if-none" });
    const wire = f.wire ?? renameField(renameAll, fieldName);
    const wireRange = f.wire !== undefined ? ctx.valueAt([...fpath, "wire"]) : ctx.keyAt(fpath);
    checkWireName(ctx, wire, wireRange);
    names.claim(wire, fieldName, wireRange);
    const aliases = f.aliases ?? [];
    aliases.forEach((alias, i) => {
      const range = ctx.valueAt([...fpath, "aliases", i]);
      checkWireName(ctx, alias, range, "an alias");
      names.claim(alias, fieldName, range);
    });
    if (type === undefined) continue;
    const flatten = f.flatten ?? false;
    if (flatten) checkFlattenKeys(ctx, fpath, f);
    const fieldDefault = buildDefault(b, fpath, f, type);
    checkOmit(ctx, fpath, omit, type, fieldDefault);
    fields.push({
      name: fieldName,
      wire,
      aliases,
      type,
      default: fieldDefault,
      omit,
      flatten,
      skip: skipRule(f.skip),
      doc: docText(f.doc),
      range: ctx.keyAt(fpath),
    });
  }
  return fields;
}

function skipRule(skip: RawField["skip"]): SkipRule {
  return skip === undefined ? "none" : skip === true ? "both" : skip;
}

/** A flattened field has no key of its own: a wire name, an alias or a default would be silently ignored by serde. */
function checkFlattenKeys(ctx: ModuleContext, fpath: DataPath, f: RawField): void {
  for (const key of ["wire", "aliases", "default", "type_default"] as const) {
    if (f[key] === undefined) continue;
    const what = key === "wire" || key === "aliases" ? "its fields sit in the enclosing object under their own names" : "serde reads it from the enclosing object's keys, never as missing";
    ctx.report("invalid-flatten", ctx.keyAt([...fpath, key]), { detail: `a flattened field takes no '${key}': ${what}` });
  }
}

function buildDefault(b: BuildContext, fpath: DataPath, f: RawField, type: TypeRef): FieldDefault | undefined {
  const { ctx } = b;
  const hasLiteral = f.default !== undefined;
  if (hasLiteral && f.type_default) {
    ctx.report("conflicting-defaults", ctx.keyAt([...fpath, "type_default"]), { what: "A field", first: "default", second: "type_default" });
    return undefined;
  }
  if (f.type_default) return { kind: "type", range: ctx.valueAt([...fpath, "type_default"]) };
  if (!hasLiteral) return undefined;
  const dpath = [...fpath, "default"];
  b.pending.push({ ctx, path: dpath, type, value: f.default });
  return { kind: "literal", value: f.default as WireValue, range: ctx.valueAt(dpath) };
}

function checkOmit(ctx: ModuleContext, fpath: DataPath, omit: OmitRule, type: TypeRef, fieldDefault: FieldDefault | undefined): void {
  const bad = (needs: string): void => ctx.report("invalid-omit", ctx.valueAt([...fpath, "omit"]), { omit, needs, type: typeText(type) });
  if (omit === "if-none" && type.kind !== "optional") bad("an optional<T> field");
  if (omit === "if-empty") {
    const ok = type.kind === "list" || type.kind === "set" || type.kind === "map" || (type.kind === "primitive" && type.name === "string");
    if (!ok) bad("a list<T>, set<T>, hash_set<T>, map<K, V>, hash_map<K, V> or string field");
  }
  if (omit === "if-default" && fieldDefault === undefined) bad("a field with a default ('default' or 'type_default') to compare with");
}

/**
 * Checks of fields that need every type: type defaults that exist, skipped fields that can
 * take a default, flattened types that serde can flatten. `path` is the `fields` mapping.
 */
export function checkFields(c: CheckContext, owner: string, fields: readonly Field[], path: DataPath, unknownFields: "ignore" | "deny"): void {
  const { ctx, index } = c;
  // A flattened struct's keys sit beside the enclosing object's own: one key twice would be written twice.
  const keys = new WireNames(ctx, owner);
  for (const f of fields) if (!f.flatten) keys.claim(f.wire, f.name, f.range, { quiet: true });
  for (const f of fields) {
    const fpath = [...path, f.name];
    if (f.default?.kind === "type" && !typeHasDefault(index, f.type)) {
      ctx.report("no-type-default", f.default.range, { type: typeText(f.type) });
    }
    if ((f.skip === "both" || f.skip === "deserializing") && f.default === undefined && !typeHasDefault(index, f.type)) {
      ctx.report("skip-without-default", ctx.valueAt([...fpath, "skip"]), { field: f.name, type: typeText(f.type) });
    }
    if (f.flatten) {
      const problem = flattenProblem(index, f.type);
      const inner = declOf(index, f.type.kind === "optional" ? f.type.inner : f.type);
      if (problem === undefined && inner?.kind === "struct") {
        for (const key of claimedKeys(index, inner, new Set())) keys.claim(key, f.name, f.type.range);
      }
      const later = fields.slice(fields.indexOf(f) + 1).find((g) => g.flatten);
      if (problem !== undefined) ctx.report("invalid-flatten", f.type.range, { detail: problem });
      else if (f.type.kind === "map" && unknownFields === "deny") {
        ctx.report("invalid-flatten", f.type.range, {
          detail: "with 'unknown_fields: deny' serde refuses every key a flattened map would hold, so it would stay empty",
        });
      } else if (f.type.kind === "map" && later !== undefined) {
        ctx.report("invalid-flatten", f.type.range, {
          detail: `a flattened map holds every key not taken before it, so it comes after every other flattened field; here '${later.name}' follows, whose keys serde would write twice`,
        });
      }
    }
  }
}
