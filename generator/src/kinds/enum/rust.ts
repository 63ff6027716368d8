/**
 * `kind: enum` in Rust: an enum whose variants are unit, newtype, tuple or struct variants, in
 * serde's representation (`tag`, `tag` + `content`, `untagged`, or the default external one),
 * with serde's wire names (`rename_all`, `rename`, `alias`, a struct variant's own
 * `rename_all`), `#[serde(other)]`, `deny_unknown_fields`, `#[default]` on the default variant,
 * and `fmt::Display` giving each variant's display string.
 */
import type { EnumDecl, EnumVariant } from "../../model/ir.js";
import { renameVariant } from "../../model/naming.js";
import type { RustContext } from "../../targets/rust/context.js";
import { deriveLine } from "../../targets/rust/derives.js";
import { fieldItemLines, fieldItems, Helpers, type FieldItem } from "../../targets/rust/fields.js";
import { layoutAttribute, MAX_WIDTH, typeText, type MetaNode } from "../../targets/rust/layout.js";
import { docLines, stringLiteral } from "../../targets/rust/text.js";
import { rustType } from "../../targets/rust/type-expr.js";

export function enumRust(ctx: RustContext, decl: EnumDecl): string[][] {
  ctx.uses.serde = true;
  ctx.uses.fmt = true;
  const nv = (name: string, value: string): MetaNode => ({ k: "name-value", name, value: stringLiteral(value) });
  const repr = decl.repr;
  const attrs: MetaNode[] = [
    ...(repr.kind === "internal" || repr.kind === "adjacent" ? [nv("tag", repr.tag)] : []),
    ...(repr.kind === "adjacent" ? [nv("content", repr.content)] : []),
    ...(repr.kind === "untagged" ? [{ k: "word", text: "untagged" } as const] : []),
    ...(decl.renameAll === undefined ? [] : [nv("rename_all", decl.renameAll)]),
    ...(decl.unknownFields === "deny" ? [{ k: "word", text: "deny_unknown_fields" } as const] : []),
  ];
  const helpers = new Helpers();
  const head = [
    ...docLines(decl.doc, 0),
    deriveLine(ctx, decl, { default: decl.defaultVariant !== undefined }),
    ...(attrs.length === 0 ? [] : [layoutAttribute("serde", attrs, 0)]),
    `pub enum ${decl.name} {`,
  ];
  // rustfmt (`format_variant_list`): when some variants take several lines (with their docs and
  // attributes) and some one, struct variants are written with one field per line.
  const laid = decl.variants.map((v) => variantLines(ctx, decl, v, helpers));
  const mixed = laid.some((l) => l.lines.length > 1) && laid.some((l) => l.lines.length === 1);
  const variants = laid.flatMap((l) => (mixed ? (l.expanded ?? l.lines) : l.lines));
  const display = [
    `impl fmt::Display for ${decl.name} {`,
    "    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {",
    "        let text = match self {",
    ...decl.variants.flatMap((v) => matchArm(`Self::${v.name}${patternRest(v)}`, stringLiteral(v.display), 12)),
    "        };",
    "        f.write_str(text)",
    "    }",
    "}",
  ];
  return [[...head, ...variants, "}"], ...helpers.block(decl.name), display];
}

/** What a match pattern of the variant needs after its name: `(..)` or ` { .. }`. */
function patternRest(v: EnumVariant): string {
  switch (v.payload.kind) {
    case "unit":
      return "";
    case "newtype":
    case "tuple":
      return "(..)";
    case "struct":
      return " { .. }";
  }
}

/** A variant's lines; for a struct variant on one line, also its lines with one field per line. */
interface VariantLines {
  readonly lines: readonly string[];
  readonly expanded?: readonly string[];
}

function variantLines(ctx: RustContext, decl: EnumDecl, v: EnumVariant, helpers: Helpers): VariantLines {
  const attrs: MetaNode[] = [];
  const nv = (name: string, value: string): MetaNode => ({ k: "name-value", name, value: stringLiteral(value) });
  if (v.wire !== renameVariant(decl.renameAll, v.name)) attrs.push(nv("rename", v.wire));
  for (const alias of v.aliases) attrs.push(nv("alias", alias));
  if (v.payload.kind === "struct" && v.payload.renameAll !== undefined) attrs.push(nv("rename_all", v.payload.renameAll));
  if (v.other) attrs.push({ k: "word", text: "other" });
  const head = [
    ...docLines(v.doc, 4),
    ...(v.name === decl.defaultVariant ? ["    #[default]"] : []),
    ...(attrs.length === 0 ? [] : [layoutAttribute("serde", attrs, 4)]),
  ];
  switch (v.payload.kind) {
    case "unit":
      return { lines: [...head, `    ${v.name},`] };
    case "newtype":
    case "tuple": {
      const items = (v.payload.kind === "newtype" ? [v.payload.type] : v.payload.items).map((t) => typeText(rustType(t, ctx, decl.name)));
      const line = `    ${v.name}(${items.join(", ")}),`;
      if (line.length <= MAX_WIDTH) return { lines: [...head, line] };
      return { lines: [...head, `    ${v.name}(`, ...items.map((i) => `        ${i},`), "    ),"] };
    }
    case "struct": {
      const owner = { typeName: decl.name, variant: v.name, renameAll: v.payload.renameAll, missingFromDefault: false, visibility: "" };
      if (v.payload.fields.length === 0) return { lines: [...head, `    ${v.name} {},`] };
      const items = fieldItems(v.payload.fields, owner, ctx, helpers, 8);
      const expanded = [...head, `    ${v.name} {`, ...items.flatMap(fieldItemLines), "    },"];
      const oneLine = oneLineFields(v.name, items);
      return oneLine === undefined ? { lines: expanded } : { lines: [...head, oneLine], expanded };
    }
  }
}

/**
 * A struct variant on one line, `    Named { name: String, value: u32 },`, as rustfmt's
 * `format_struct_struct` writes it: when no field has docs or attributes and the fields fit
 * `struct_variant_width` (35) and the line.
 */
function oneLineFields(name: string, fields: readonly FieldItem[]): string | undefined {
  if (fields.some((f) => f.above.length > 0)) return undefined;
  const items = fields.map((f) => f.flat).join(", ");
  const header = `${name} {`;
  const budget = Math.min(STRUCT_VARIANT_WIDTH, MAX_WIDTH - (header.length + 3 + 4));
  return items.length <= budget ? `    ${header} ${items} },` : undefined;
}

/** rustfmt's `struct_variant_width` with the default `max_width`. */
const STRUCT_VARIANT_WIDTH = 35;

/**
 * A match arm whose body is a literal, as rustfmt's `rewrite_match_body` lays it out: on the
 * arm's line when it fits, else on the next line inside a block.
 */
export function matchArm(pattern: string, literal: string, column: number): string[] {
  const pad = " ".repeat(column);
  if (column + pattern.length + 4 + literal.length + 1 <= MAX_WIDTH) return [`${pad}${pattern} => ${literal},`];
  return [`${pad}${pattern} => {`, `${pad}    ${literal}`, `${pad}}`];
}
