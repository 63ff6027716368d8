/** Builds the type declarations of one module (enums, open enums, strings, structs) from its data. */
import { didYouMean } from "../diagnostics/suggest.js";
import type { DataPath } from "../parse/locate.js";
import type { ModuleContext } from "./context.js";
import type {
  EnumDecl,
  EnumVariant,
  Field,
  FieldDefault,
  KnownValue,
  OmitRule,
  OpenEnumDecl,
  RenameRule,
  StringDecl,
  StructDecl,
  TypeDecl,
  TypeRef,
  WireValue,
} from "./ir.js";
import { typeText } from "./ir.js";
import { pascalCase, renameField, renameVariant } from "./naming.js";
import { docText, type RawEnum, type RawField, type RawOpenEnum, type RawString, type RawStruct, type RawType } from "./raw.js";
import { resolveTypeExpr } from "./resolve-type.js";

/** A literal default waiting for every type to be built before it is checked. */
export interface PendingDefault {
  readonly ctx: ModuleContext;
  readonly path: DataPath;
  readonly type: TypeRef;
  readonly value: unknown;
}

export function buildTypes(
  ctx: ModuleContext,
  types: Readonly<Record<string, RawType>>,
  pending: PendingDefault[],
): TypeDecl[] {
  const out: TypeDecl[] = [];
  for (const [name, raw] of Object.entries(types)) {
    const path = ["types", name];
    switch (raw.kind) {
      case "enum":
        out.push(buildEnum(ctx, name, raw, path));
        break;
      case "open-enum":
        out.push(buildOpenEnum(ctx, name, raw, path));
        break;
      case "string":
        out.push(buildString(ctx, name, raw, path));
        break;
      case "struct":
        out.push(buildStruct(ctx, name, raw, path, pending));
        break;
    }
  }
  return out;
}

function buildEnum(ctx: ModuleContext, name: string, raw: RawEnum, path: DataPath): EnumDecl {
  const renameAll = raw.rename_all as RenameRule | undefined;
  const variants: EnumVariant[] = [];
  const byWire = new Map<string, string>();
  for (const [variantName, v] of Object.entries(raw.variants)) {
    const vpath = [...path, "variants", variantName];
    const wire = v?.wire ?? renameVariant(renameAll, variantName);
    const other = byWire.get(wire);
    if (other !== undefined) {
      ctx.report("duplicate-wire-name", v?.wire !== undefined ? ctx.valueAt([...vpath, "wire"]) : ctx.keyAt(vpath), {
        wire,
        other,
        type: name,
      });
    }
    byWire.set(wire, variantName);
    variants.push({
      name: variantName,
      wire,
      aliases: [],
      display: v?.display ?? wire,
      payload: { kind: "unit" },
      other: false,
      doc: docText(v?.doc),
      range: ctx.keyAt(vpath),
    });
  }
  if (raw.default !== undefined && !variants.some((v) => v.name === raw.default)) {
    ctx.report("unknown-variant", ctx.valueAt([...path, "default"]), {
      name: raw.default,
      type: name,
      hint: didYouMean(raw.default, variants.map((v) => v.name)),
    });
  }
  return {
    kind: "enum",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    renameAll,
    repr: { kind: "external" },
    variants,
    defaultVariant: raw.default,
    unknownFields: "ignore",
    range: ctx.keyAt(path),
  };
}

function buildOpenEnum(ctx: ModuleContext, name: string, raw: RawOpenEnum, path: DataPath): OpenEnumDecl {
  const values: KnownValue[] = [];
  const byName = new Map<string, string>();
  for (const [value, v] of Object.entries(raw.values)) {
    const vpath = [...path, "values", value];
    let constName = pascalCase(value);
    if (!/^[A-Za-z]/.test(constName)) constName = `V${constName}`;
    const other = byName.get(constName);
    if (other !== undefined) {
      ctx.report("name-collision", ctx.keyAt(vpath), {
        what: "Known value",
        name: value,
        other: `'${other}' (both are named ${name}.${constName})`,
      });
    }
    byName.set(constName, value);
    values.push({ value, name: constName, doc: docText(v?.doc), range: ctx.keyAt(vpath) });
  }
  return {
    kind: "open-enum",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    values,
    defaultValue: raw.default,
    range: ctx.keyAt(path),
  };
}

function buildString(ctx: ModuleContext, name: string, raw: RawString, path: DataPath): StringDecl {
  if (raw.min_length !== undefined && raw.max_length !== undefined && raw.min_length > raw.max_length) {
    ctx.report("invalid-length-range", ctx.valueAt([...path, "min_length"]), { min: raw.min_length, max: raw.max_length });
  }
  if (raw.pattern !== undefined) {
    try {
      new RegExp(raw.pattern, "u");
    } catch (error) {
      // "Invalid regular expression: /.../u: Unterminated group" -> "unterminated group".
      const detail = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
      ctx.report("invalid-pattern", ctx.valueAt([...path, "pattern"]), { detail: detail.charAt(0).toLowerCase() + detail.slice(1) });
    }
  }
  return {
    kind: "string",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    minLength: raw.min_length,
    maxLength: raw.max_length,
    pattern: raw.pattern,
    patternDoc: raw.pattern_doc,
    range: ctx.keyAt(path),
  };
}

function buildStruct(
  ctx: ModuleContext,
  name: string,
  raw: RawStruct,
  path: DataPath,
  pending: PendingDefault[],
): StructDecl {
  const renameAll = raw.rename_all as RenameRule | undefined;
  const fields: Field[] = [];
  const byWire = new Map<string, string>();
  for (const [fieldName, rawField] of Object.entries(raw.fields)) {
    const fpath = [...path, "fields", fieldName];
    const f: RawField = typeof rawField === "string" ? { type: rawField } : rawField;
    const typePath = typeof rawField === "string" ? fpath : [...fpath, "type"];
    const type = resolveTypeExpr(ctx, typePath, f.type);
    const wire = f.wire ?? renameField(renameAll, fieldName);
    const wireRange = f.wire !== undefined ? ctx.valueAt([...fpath, "wire"]) : ctx.keyAt(fpath);
    if (wire === "__proto__") {
      ctx.report("reserved-name", wireRange, {
        name: wire,
        what: "a wire name",
        reason: "JavaScript object literals treat it as the prototype",
      });
    }
    const other = byWire.get(wire);
    if (other !== undefined) ctx.report("duplicate-wire-name", wireRange, { wire, other, type: name });
    byWire.set(wire, fieldName);
    if (type === undefined) continue;
    const fieldDefault = buildDefault(ctx, fpath, f, type, pending);
    const omit: OmitRule = f.omit ?? "never";
    checkOmit(ctx, fpath, omit, type);
    fields.push({
      name: fieldName,
      wire,
      aliases: [],
      type,
      default: fieldDefault,
      omit,
      flatten: false,
      skip: "none",
      doc: docText(f.doc),
      range: ctx.keyAt(fpath),
    });
  }
  return {
    kind: "struct",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    renameAll,
    fields,
    hasDefault: raw.has_default ?? false,
    defaultValue: undefined,
    missingFromDefault: false,
    transparent: false,
    unknownFields: raw.unknown_fields ?? "ignore",
    range: ctx.keyAt(path),
  };
}

function buildDefault(
  ctx: ModuleContext,
  fpath: DataPath,
  f: RawField,
  type: TypeRef,
  pending: PendingDefault[],
): FieldDefault | undefined {
  const hasLiteral = f.default !== undefined;
  if (hasLiteral && f.type_default) {
    ctx.report("conflicting-defaults", ctx.keyAt([...fpath, "type_default"]));
    return undefined;
  }
  if (f.type_default) return { kind: "type", range: ctx.valueAt([...fpath, "type_default"]) };
  if (!hasLiteral) return undefined;
  const dpath = [...fpath, "default"];
  pending.push({ ctx, path: dpath, type, value: f.default });
  return { kind: "literal", value: f.default as WireValue, range: ctx.valueAt(dpath) };
}

function checkOmit(ctx: ModuleContext, fpath: DataPath, omit: OmitRule, type: TypeRef): void {
  if (omit === "if-none" && type.kind !== "optional") {
    ctx.report("invalid-omit", ctx.valueAt([...fpath, "omit"]), {
      omit,
      needs: "an optional<T> field",
      type: typeText(type),
    });
  }
  if (omit === "if-empty") {
    const ok = type.kind === "list" || type.kind === "map" || (type.kind === "primitive" && type.name === "string");
    if (!ok) {
      ctx.report("invalid-omit", ctx.valueAt([...fpath, "omit"]), {
        omit,
        needs: "a list<T>, map<string, T> or string field",
        type: typeText(type),
      });
    }
  }
}
