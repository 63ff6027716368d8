/**
 * Enums in the loader: variants (unit, newtype, tuple, struct) with wire names, aliases and
 * `other`, the representation (external, `tag`, `tag` + `content`, `untagged`) and the default
 * variant, with serde_derive's compile-time refusals and the run-time failures the IDL refuses
 * ahead (an internally tagged newtype variant must hold something written as an object).
 */
import { didYouMean } from "../../diagnostics/suggest.js";
import type { DataPath } from "../../parse/locate.js";
import type { ModuleContext } from "../../model/context.js";
import { declOf, isRead, isWritten, structLikeProblem, transparentField, type TypeIndex } from "../../model/facts.js";
import type { EnumDecl, EnumRepr, EnumVariant, Field, RenameRule, StructDecl, TypeRef, VariantPayload } from "../../model/ir.js";
import { checkWireName, WireNames, type BuildContext, type CheckContext, type KindLoader } from "../../model/kind-loader.js";
import { renameVariant } from "../../model/naming.js";
import { docText, type RawEnum, type RawVariant } from "../../model/raw.js";
import { resolveTypeExpr } from "../../model/resolve-type.js";
import { buildFields, checkFields } from "../struct/load.js";

export const enumLoader: KindLoader<RawEnum, EnumDecl> = {
  build: buildEnum,
  check: (c, decl, path) => {
    for (const v of decl.variants) {
      const vpath = [...path, "variants", v.name];
      if (v.payload.kind === "struct") checkFields(c, `${decl.name}::${v.name}`, v.payload.fields, [...vpath, "fields"], decl.unknownFields);
      if (v.payload.kind === "newtype" && decl.repr.kind === "internal") checkInternalNewtype(c, decl, v, decl.repr.tag, v.payload.type);
    }
  },
};

function buildEnum(b: BuildContext, name: string, raw: RawEnum, path: DataPath): EnumDecl {
  const { ctx } = b;
  const renameAll = raw.rename_all as RenameRule | undefined;
  const repr = buildRepr(ctx, raw, path);
  const variants: EnumVariant[] = [];
  const names = new WireNames(ctx, name);
  for (const [variantName, v] of Object.entries(raw.variants)) {
    const vpath = [...path, "variants", variantName];
    const wire = v?.wire ?? renameVariant(renameAll, variantName);
    names.claim(wire, variantName, v?.wire !== undefined ? ctx.valueAt([...vpath, "wire"]) : ctx.keyAt(vpath));
    const aliases = v?.aliases ?? [];
    aliases.forEach((alias, i) => names.claim(alias, variantName, ctx.valueAt([...vpath, "aliases", i])));
    const payload = buildPayload(b, `${name}::${variantName}`, v, vpath);
    if (payload === undefined) continue;
    variants.push({
      name: variantName,
      wire,
      aliases,
      display: v?.display ?? wire,
      payload,
      other: v?.other ?? false,
      doc: docText(v?.doc),
      range: ctx.keyAt(vpath),
    });
  }
  const decl: EnumDecl = {
    kind: "enum",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    renameAll,
    repr,
    variants,
    defaultVariant: raw.default,
    unknownFields: raw.unknown_fields ?? "ignore",
    range: ctx.keyAt(path),
  };
  checkVariants(ctx, decl, raw, path);
  return decl;
}

/** The representation, with serde_derive's refusals of the combinations that make no sense. */
function buildRepr(ctx: ModuleContext, raw: RawEnum, path: DataPath): EnumRepr {
  if (raw.untagged === true) {
    for (const key of ["tag", "content"] as const) {
      if (raw[key] !== undefined) {
        ctx.report("invalid-repr", ctx.keyAt([...path, key]), { detail: `an untagged enum has no '${key}'; remove 'untagged' or '${key}'` });
      }
    }
    return { kind: "untagged" };
  }
  if (raw.tag === undefined) {
    if (raw.content !== undefined) {
      ctx.report("invalid-repr", ctx.keyAt([...path, "content"]), { detail: "'content' goes with 'tag' (adjacent tagging: the variant's name under 'tag', its data under 'content')" });
    }
    return { kind: "external" };
  }
  checkWireName(ctx, raw.tag, ctx.valueAt([...path, "tag"]), "a tag name");
  if (raw.content === undefined) return { kind: "internal", tag: raw.tag };
  checkWireName(ctx, raw.content, ctx.valueAt([...path, "content"]), "a content name");
  if (raw.content === raw.tag) {
    ctx.report("invalid-repr", ctx.valueAt([...path, "content"]), { detail: `'tag' and 'content' are both '${raw.tag}'; the variant's name and its data need two keys` });
  }
  return { kind: "adjacent", tag: raw.tag, content: raw.content };
}

/** A variant's payload: `type` (newtype), `tuple`, `fields` (struct), or none (unit). Undefined after an error. */
function buildPayload(b: BuildContext, owner: string, v: RawVariant | null, vpath: DataPath): VariantPayload | undefined {
  const { ctx } = b;
  if (v === null) return { kind: "unit" };
  const given = (["type", "tuple", "fields"] as const).filter((k) => v[k] !== undefined);
  if (given.length > 1) {
    ctx.report("conflicting-payload", ctx.keyAt([...vpath, given[1]!]), { variant: owner, first: given[0]!, second: given[1]! });
    return undefined;
  }
  if (v.rename_all !== undefined && v.fields === undefined) {
    ctx.report("invalid-value", ctx.valueAt([...vpath, "rename_all"]), {
      where: `'rename_all' of variant ${owner}`,
      detail: "it renames a struct variant's fields, and this variant has no 'fields'",
    });
  }
  if (v.type !== undefined) {
    const type = resolveTypeExpr(ctx, [...vpath, "type"], v.type);
    return type === undefined ? undefined : { kind: "newtype", type };
  }
  if (v.tuple !== undefined) {
    const items = v.tuple.map((t, i) => resolveTypeExpr(ctx, [...vpath, "tuple", i], t));
    return items.every((t): t is TypeRef => t !== undefined) ? { kind: "tuple", items } : undefined;
  }
  if (v.fields !== undefined) {
    const renameAll = v.rename_all as RenameRule | undefined;
    return { kind: "struct", fields: buildFields(b, owner, v.fields, [...vpath, "fields"], renameAll), renameAll };
  }
  return { kind: "unit" };
}

/** serde_derive's refusals about variants: tuple variants and field names under an internal tag, `other`, and the default variant. */
function checkVariants(ctx: ModuleContext, decl: EnumDecl, raw: RawEnum, path: DataPath): void {
  const vpathOf = (v: EnumVariant): DataPath => [...path, "variants", v.name];
  const { repr } = decl;
  for (const v of decl.variants) {
    if (repr.kind === "internal" && v.payload.kind === "tuple") {
      ctx.report("tag-tuple-variant", ctx.keyAt([...vpathOf(v), "tuple"]), { variant: `${decl.name}::${v.name}`, tag: repr.tag });
    }
    if (repr.kind === "internal" && v.payload.kind === "struct") {
      for (const f of v.payload.fields) {
        const how = tagClash(f, repr.tag);
        if (how !== undefined) ctx.report("tag-field-conflict", f.range, { field: f.name, owner: `variant ${decl.name}::${v.name}`, how, tag: repr.tag });
      }
    }
  }
  const others = decl.variants.filter((v) => v.other);
  for (const v of others) {
    const at = ctx.keyAt([...vpathOf(v), "other"]);
    const detail =
      repr.kind === "untagged"
        ? "an untagged enum has no tag for an unknown variant name to be read from"
        : v !== decl.variants.at(-1)
          ? "it must be on the last variant (and on one variant only)"
          : v.payload.kind !== "unit"
            ? `it must be on a unit variant; ${v.name} is a ${v.payload.kind} variant`
            : undefined;
    if (detail !== undefined) ctx.report("invalid-other", at, { variant: `${decl.name}::${v.name}`, detail });
  }
  if (raw.default !== undefined) {
    const found = decl.variants.find((v) => v.name === raw.default);
    if (found === undefined && Object.hasOwn(raw.variants, raw.default)) return; // the variant itself is broken and reported
    if (found === undefined) {
      ctx.report("unknown-variant", ctx.valueAt([...path, "default"]), {
        name: raw.default,
        type: decl.name,
        hint: didYouMean(raw.default, Object.keys(raw.variants)),
      });
    } else if (found.payload.kind !== "unit") {
      ctx.report("default-variant-not-unit", ctx.valueAt([...path, "default"]), { variant: `${decl.name}::${found.name}`, payload: found.payload.kind });
    }
  }
}

/**
 * An internally tagged newtype variant is written as its value's own keys with the tag among
 * them: the value must be written as an object (serde fails at run time otherwise), and a
 * struct's field must not be named like the tag (the tag would be written twice).
 */
function checkInternalNewtype(c: CheckContext, decl: EnumDecl, v: EnumVariant, tag: string, type: TypeRef): void {
  const problem = structLikeProblem(c.index, type);
  if (problem !== undefined) {
    c.ctx.report("internal-tag-newtype", type.range, { variant: `${decl.name}::${v.name}`, got: problem });
    return;
  }
  const held = heldStruct(c.index, type, new Set());
  const clash = held?.fields.find((f) => tagClash(f, tag) !== undefined);
  if (held !== undefined && clash !== undefined) {
    const owner = `struct ${held.name}, held by variant ${decl.name}::${v.name},`;
    c.ctx.report("tag-field-conflict", type.range, { field: clash.name, owner, how: tagClash(clash, tag)!, tag });
  }
}

/** How a field's wire name or alias takes the tag's place ("named", "also read as"), if it does: serde_derive checks both. */
function tagClash(f: Field, tag: string): string | undefined {
  if (isWritten(f) && f.wire === tag) return "named";
  if (isRead(f) && f.aliases.includes(tag)) return "also read as";
  return undefined;
}

/** The struct whose fields an internally tagged newtype variant holding `t` writes beside the tag. */
function heldStruct(index: TypeIndex, t: TypeRef, visiting: Set<string>): StructDecl | undefined {
  if (t.kind === "box") return heldStruct(index, t.inner, visiting);
  const decl = declOf(index, t);
  if (decl === undefined || visiting.has(decl.name)) return undefined;
  visiting.add(decl.name);
  if (decl.kind === "newtype") return heldStruct(index, decl.type, visiting);
  if (decl.kind !== "struct") return undefined;
  const main = transparentField(decl);
  return main === undefined ? decl : heldStruct(index, main.type, visiting);
}
