/**
 * `kind: struct`: a Rust struct with `pub` fields and the serde attributes the IDL states
 * (`rename_all`, `rename`, `default`, `default = "fn"`, `skip_serializing_if`,
 * `deny_unknown_fields`), generated default functions, and `Default` when the IDL says so
 * (derived when every field's default is its Rust type's, written out otherwise).
 */
import type { Field, StructDecl } from "../../model/ir.js";
import { renameField } from "../../model/naming.js";
import type { RustContext } from "./context.js";
import {
  call,
  exprText,
  layoutAssignment,
  layoutAttribute,
  layoutFnSignature,
  layoutStatement,
  typeText,
  type Expr,
  type MetaNode,
} from "./layout.js";
import { docLines, ident, stringLiteral } from "./text.js";
import { literalExpr, rustDefaultIsTypeDefault, rustType, typeDefaultExpr } from "./type-expr.js";

/** Whether a field reads its default from a generated function (`default = "T::default_x"`). */
function hasDefaultFn(f: Field, ctx: RustContext): boolean {
  if (f.default === undefined) return false;
  return f.default.kind === "literal" || !rustDefaultIsTypeDefault(f.type, ctx);
}

/** The name of a field's default function. */
function defaultFnName(f: Field): string {
  return `default_${f.name}`;
}

/** The value a field's default function returns. */
function defaultValue(decl: StructDecl, f: Field, ctx: RustContext): Expr {
  const boxed = ctx.isBoxed(decl, f.name);
  return f.default?.kind === "literal" ? literalExpr(f.type, f.default.value, ctx, boxed) : typeDefaultExpr(f.type, ctx);
}

export function emitStruct(decl: StructDecl, ctx: RustContext): string[][] {
  ctx.uses.serde = true;
  const derivesDefault = decl.hasDefault && decl.fields.every((f) => !hasDefaultFn(f, ctx) && rustDefaultIsTypeDefault(f.type, ctx));
  const structAttrs: MetaNode[] = [
    ...(decl.renameAll === undefined ? [] : [{ k: "name-value", name: "rename_all", value: stringLiteral(decl.renameAll) } as const]),
    ...(decl.unknownFields === "deny" ? [{ k: "word", text: "deny_unknown_fields" } as const] : []),
  ];
  const head = [
    ...docLines(decl.doc, 0),
    `#[derive(Debug, Clone, ${derivesDefault ? "Default, " : ""}PartialEq, Serialize, Deserialize)]`,
    ...(structAttrs.length === 0 ? [] : [layoutAttribute("serde", structAttrs, 0)]),
  ];
  const fields = decl.fields.flatMap((f) => fieldLines(decl, f, ctx));
  const body = decl.fields.length === 0 ? [`pub struct ${decl.name} {}`] : [`pub struct ${decl.name} {`, ...fields, "}"];
  const blocks = [[...head, ...body]];

  const withFns = decl.fields.filter((f) => hasDefaultFn(f, ctx));
  if (withFns.length > 0) {
    const fns = withFns.map((f) => {
      const sig = layoutFnSignature(`fn ${defaultFnName(f)}`, [], typeText(rustType(f.type, ctx, ctx.isBoxed(decl, f.name))), 4);
      const value = defaultValue(decl, f, ctx);
      return [sig, layoutStatement(value, 8, false) ?? `        ${exprText(value)}`, "    }"].join("\n");
    });
    blocks.push([`impl ${decl.name} {`, fns.join("\n\n"), "}"]);
  }
  if (decl.hasDefault && !derivesDefault) {
    const value: Expr = {
      k: "struct",
      path: "Self",
      fields: decl.fields.map((f): readonly [string, Expr] => [
        ident(f.name),
        hasDefaultFn(f, ctx) ? call(`Self::${defaultFnName(f)}`) : typeDefaultExpr(f.type, ctx),
      ]),
    };
    blocks.push([
      `impl Default for ${decl.name} {`,
      "    fn default() -> Self {",
      layoutStatement(value, 8, false) ?? `        ${exprText(value)}`,
      "    }",
      "}",
    ]);
  }
  return blocks;
}

function fieldLines(decl: StructDecl, f: Field, ctx: RustContext): string[] {
  const attrs: MetaNode[] = [];
  if (f.wire !== renameField(decl.renameAll, f.name)) attrs.push({ k: "name-value", name: "rename", value: stringLiteral(f.wire) });
  if (f.default !== undefined) {
    attrs.push(
      hasDefaultFn(f, ctx)
        ? { k: "name-value", name: "default", value: stringLiteral(`${decl.name}::${defaultFnName(f)}`) }
        : { k: "word", text: "default" },
    );
  }
  const skip = skipFunction(f, ctx);
  if (skip !== undefined) attrs.push({ k: "name-value", name: "skip_serializing_if", value: stringLiteral(skip) });
  const type = rustType(f.type, ctx, ctx.isBoxed(decl, f.name));
  const prefix = `pub ${ident(f.name)}:`;
  return [
    ...docLines(f.doc, 4),
    ...(attrs.length === 0 ? [] : [layoutAttribute("serde", attrs, 4)]),
    layoutAssignment(prefix, { type }, 4, ",") ?? `    ${prefix} ${typeText(type)},`,
  ];
}

/** The predicate of an omit rule, as serde's `skip_serializing_if` names it. */
function skipFunction(f: Field, ctx: RustContext): string | undefined {
  switch (f.omit) {
    case "never":
      return undefined;
    case "if-none":
      return "Option::is_none";
    case "if-empty":
      if (f.type.kind === "list") return "Vec::is_empty";
      if (f.type.kind === "map") {
        ctx.uses.btreeMap = true;
        return "BTreeMap::is_empty";
      }
      return "String::is_empty";
  }
}
