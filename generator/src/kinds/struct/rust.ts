/**
 * `kind: struct` in Rust: a struct with `pub` fields and the serde attributes the IDL states
 * (container `transparent`, `rename_all`, `default`, `deny_unknown_fields`; per field those of
 * targets/rust/fields.ts), the helper functions they name, and `Default` when the IDL gives the
 * struct one (derived when every field's default is its Rust type's, written out otherwise,
 * from the struct's own `default:` literal when it has one).
 */
import type { StructDecl } from "../../model/ir.js";
import type { RustContext } from "../../targets/rust/context.js";
import { defaultIsDerivable, fieldItemLines, fieldItems, Helpers, type FieldOwner } from "../../targets/rust/fields.js";
import { call, exprText, layoutAttribute, layoutStatement, type Expr, type MetaNode } from "../../targets/rust/layout.js";
import { docLines, ident, stringLiteral } from "../../targets/rust/text.js";
import { structLiteral, typeDefaultExpr } from "../../targets/rust/type-expr.js";
import { deriveLine } from "../../targets/rust/derives.js";

export function structRust(ctx: RustContext, decl: StructDecl): string[][] {
  ctx.uses.serde = true;
  const owner: FieldOwner = {
    typeName: decl.name,
    renameAll: decl.renameAll,
    missingFromDefault: decl.missingFromDefault,
    visibility: "pub ",
  };
  const derivesDefault = decl.hasDefault && decl.defaultValue === undefined && decl.fields.every((f) => defaultIsDerivable(f, owner, ctx));
  const attrs: MetaNode[] = [
    ...(decl.transparent ? [{ k: "word", text: "transparent" } as const] : []),
    ...(decl.renameAll === undefined ? [] : [{ k: "name-value", name: "rename_all", value: stringLiteral(decl.renameAll) } as const]),
    ...(decl.missingFromDefault ? [{ k: "word", text: "default" } as const] : []),
    ...(decl.unknownFields === "deny" ? [{ k: "word", text: "deny_unknown_fields" } as const] : []),
  ];
  const helpers = new Helpers();
  const fnOf = new Map<string, string>();
  const fields = fieldItems(decl.fields, owner, ctx, helpers, 4, fnOf).flatMap(fieldItemLines);
  const head = [
    ...docLines(decl.doc, 0),
    deriveLine(ctx, decl, { default: derivesDefault }),
    ...(attrs.length === 0 ? [] : [layoutAttribute("serde", attrs, 0)]),
  ];
  const body = decl.fields.length === 0 ? [`pub struct ${decl.name} {}`] : [`pub struct ${decl.name} {`, ...fields, "}"];
  const blocks = [[...head, ...body], ...helpers.block(decl.name)];
  if (decl.hasDefault && !derivesDefault) blocks.push(defaultImpl(ctx, decl, fnOf));
  return blocks;
}

/** `impl Default`: the struct's `default:` literal completed with its fields' defaults, or each field's default. */
function defaultImpl(ctx: RustContext, decl: StructDecl, fnOf: ReadonlyMap<string, string>): string[] {
  const viaFn = (name: string): Expr | undefined => {
    const fn = fnOf.get(name);
    return fn === undefined ? undefined : call(`Self::${fn}`);
  };
  const value: Expr =
    decl.defaultValue !== undefined
      ? structLiteral(decl, decl.defaultValue, ctx, { path: "Self", own: true, fallback: (f) => viaFn(f.name) })!
      : {
          k: "struct",
          path: "Self",
          fields: decl.fields.map((f): readonly [string, Expr] => [ident(f.name), viaFn(f.name) ?? typeDefaultExpr(f.type, ctx, decl.name)]),
        };
  return [
    `impl Default for ${decl.name} {`,
    "    fn default() -> Self {",
    layoutStatement(value, 8, false) ?? `        ${exprText(value)}`,
    "    }",
    "}",
  ];
}
