/**
 * `kind: enum`: a Rust enum of unit variants with serde's wire names (`rename_all`, `rename`),
 * `#[default]` on the default variant, and `fmt::Display` giving each variant's display string.
 */
import type { EnumDecl } from "../../model/ir.js";
import { renameVariant } from "../../model/naming.js";
import type { RustContext } from "./context.js";
import { layoutAttribute, MAX_WIDTH } from "./layout.js";
import { docLines, stringLiteral } from "./text.js";

export function emitEnum(decl: EnumDecl, ctx: RustContext): string[][] {
  ctx.uses.serde = true;
  ctx.uses.fmt = true;
  const hasDefault = decl.defaultVariant !== undefined;
  const head = [
    ...docLines(decl.doc, 0),
    `#[derive(Debug, Clone, ${hasDefault ? "Default, " : ""}PartialEq, Eq, Serialize, Deserialize)]`,
    ...(decl.renameAll === undefined ? [] : [`#[serde(rename_all = ${stringLiteral(decl.renameAll)})]`]),
    `pub enum ${decl.name} {`,
  ];
  const variants = decl.variants.flatMap((v) => [
    ...docLines(v.doc, 4),
    ...(v.name === decl.defaultVariant ? ["    #[default]"] : []),
    ...(v.wire === renameVariant(decl.renameAll, v.name)
      ? []
      : [layoutAttribute("serde", [{ k: "name-value", name: "rename", value: stringLiteral(v.wire) }], 4)]),
    `    ${v.name},`,
  ]);
  const display = [
    `impl fmt::Display for ${decl.name} {`,
    "    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {",
    "        let text = match self {",
    ...decl.variants.flatMap((v) => matchArm(`Self::${v.name}`, stringLiteral(v.display), 12)),
    "        };",
    "        f.write_str(text)",
    "    }",
    "}",
  ];
  return [[...head, ...variants, "}"], display];
}

/**
 * A match arm whose body is a literal, as rustfmt's `rewrite_match_body` lays it out: on the
 * arm's line when it fits, else on the next line inside a block.
 */
export function matchArm(pattern: string, literal: string, column: number): string[] {
  const pad = " ".repeat(column);
  if (column + pattern.length + 4 + literal.length + 1 <= MAX_WIDTH) return [`${pad}${pattern} => ${literal},`];
  return [`${pad}${pattern} => {`, `${pad}    ${literal}`, `${pad}}`];
}
