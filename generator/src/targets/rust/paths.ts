/**
 * Roots and path helpers: `pub const TENANT_BASE: &str`, and for every helper the plain
 * function of hand-written Rust (`pool_dir(tenant_id: &str, pool_id: &str) -> String`, the same
 * string for every input) plus a `try_` variant that first checks each argument as the
 * TypeScript helpers do: one path segment, then the rule of the parameter's string type.
 */
import type { PathHelper, PathRoot } from "../../model/ir.js";
import type { RustContext } from "./context.js";
import { atom, call, exprText, layoutAssignment, layoutFnSignature, layoutStatement, type Expr } from "./layout.js";
import { docLines, docParagraphs, formatLiteral, ident, isRaw, stringLiteral } from "./text.js";

export function emitRoot(root: PathRoot): string[] {
  const line =
    layoutAssignment(`pub const ${root.name}: &str =`, { expr: atom(stringLiteral(root.value)) }, 0, ";") ??
    `pub const ${root.name}: &str = ${stringLiteral(root.value)};`;
  return [...docLines(root.doc, 0), line];
}

/** The name of a helper's checking variant. */
export function tryName(helper: Pick<PathHelper, "name">): string {
  return `try_${helper.name}`;
}

export function emitPath(helper: PathHelper, ctx: RustContext): string[][] {
  const params = helper.params.map((p) => `${ident(p.name)}: &str`);
  const plain = [
    ...docParagraphs([helper.doc, `Path: \`${helper.source}\`.`], 0),
    layoutFnSignature(`pub fn ${ident(helper.name)}`, params, "String", 0),
    bodyLine(pathExpr(helper, ctx)),
    "}",
  ];
  const checks: Expr[] = helper.params.map((p) => {
    const args = [atom(stringLiteral(helper.name)), atom(stringLiteral(p.name)), atom(ident(p.name))];
    if (p.type.kind === "named") return { k: "try", expr: call("crate::check_param", ...args, atom(`&${ctx.use(p.type.name)}::RULE`)) };
    return { k: "try", expr: call("crate::check_segment", ...args) };
  });
  const checked = [
    ...(helper.params.length === 0
      ? [`/// Like [\`${helper.name}\`]: it has no arguments to check.`]
      : [
          `/// Like [\`${helper.name}\`], but checks each argument first: a single path segment (not empty,`,
          "/// `.` or `..`, without `/`, `\\` or NUL) that follows the rule of its type.",
        ]),
    "///",
    "/// # Errors",
    "///",
    "/// A [`crate::PathError`] naming the first argument that is not valid.",
    layoutFnSignature(`pub fn ${tryName(helper)}`, params, "Result<String, crate::PathError>", 0),
    ...checks.map((c) => layoutStatement(c, 4, true) ?? `    ${exprText(c)};`),
    bodyLine(call("Ok", call(ident(helper.name), ...helper.params.map((p) => atom(ident(p.name)))))),
    "}",
  ];
  return [plain, checked];
}

function bodyLine(e: Expr): string {
  return layoutStatement(e, 4, false) ?? `    ${exprText(e)}`;
}

/**
 * The expression building the path: `format!` with named arguments inline (roots and
 * parameters) and helper calls as positional arguments, as clippy's `uninlined_format_args`
 * wants. A template that is only its root or base helper returns that.
 */
function pathExpr(helper: PathHelper, ctx: RustContext): Expr {
  const parts = helper.template;
  let text = "";
  const args: Expr[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case "text":
        // Escaped for a string literal, with `{` and `}` doubled for format!.
        text += formatLiteral(part.text).slice(1, -1);
        break;
      case "root":
        text += `{${ctx.use(part.name)}}`;
        break;
      case "helper": {
        const base = ctx.index.paths.get(part.name)!;
        text += "{}";
        args.push(call(ident(ctx.use(part.name)), ...base.params.map((p) => atom(ident(p.name)))));
        break;
      }
      case "param":
        if (isRaw(part.name)) {
          text += "{}";
          args.push(atom(ident(part.name)));
        } else {
          text += `{${part.name}}`;
        }
        break;
    }
  }
  if (parts.length === 1) {
    const only = parts[0]!;
    if (only.kind === "root") return call(`${only.name}.to_string`);
    if (only.kind === "helper") return args[0]!;
  }
  return { k: "macro", name: "format!", args: [atom(`"${text}"`), ...args] };
}
