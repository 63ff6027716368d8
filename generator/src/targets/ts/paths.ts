/**
 * Roots and path helpers in TypeScript. Each helper is expanded to its whole template (its own
 * parameters and those of the helpers it builds on), checks every parameter once, and names
 * itself in errors.
 */
import { localName } from "./locals.js";
import { pathFunctionName, rootConstName } from "../../model/api-names.js";
import { assertNever, type ModelIndex, type PathHelper, type PathRoot, type TemplatePart } from "../../model/ir.js";
import { camelCase } from "../../model/naming.js";
import { tsType } from "./expr.js";
import type { Decl, Expr } from "./printer/ast.js";
import { call, docText, id, ret, str, UNDEFINED, type FileScope } from "./scope.js";

export function rootDecl(root: PathRoot): Decl {
  return {
    t: "const",
    name: rootConstName(root),
    exported: true,
    init: str(root.value),
    doc: docText(root.doc, "Path helpers start here unless given `{ root }` in their options."),
  };
}

/** The template with every helper placeholder replaced by that helper's own template, recursively. */
export function expandTemplate(index: ModelIndex, helper: PathHelper): TemplatePart[] {
  const out: TemplatePart[] = [];
  for (const part of helper.template) {
    if (part.kind === "helper") out.push(...expandTemplate(index, index.paths.get(part.name)!));
    else out.push(part);
  }
  return out;
}

/** `{TENANT_BASE}/{tenant_id}/pools/{pool_id}`, for docs. */
export function expandedText(parts: readonly TemplatePart[]): string {
  return parts.map((p) => (p.kind === "text" ? p.text : `{${p.name}}`)).join("");
}

export function pathHelperDecl(s: FileScope, helper: PathHelper): Decl {
  const parts = expandTemplate(s.index, helper);
  const quasis: string[] = [""];
  const exprs: Expr[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case "text":
        quasis[quasis.length - 1] += part.text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
        break;
      case "root": {
        const root = s.index.roots.get(part.name)!;
        s.use(root.module, rootConstName(root), false);
        exprs.push(call(s.rt("pathRoot"), id(rootConstName(root)), id("options"), str(helper.name)));
        quasis.push("");
        break;
      }
      case "param": {
        const param = helper.params.find((p) => p.name === part.name)!;
        const rule = param.type.kind === "named" ? s.value(param.type.name, `${param.type.name}$rule`) : UNDEFINED;
        exprs.push(call(s.rt("pathSegment"), id(paramName(param.name)), str(param.name), str(helper.name), rule));
        quasis.push("");
        break;
      }
      case "helper":
        throw new Error("helpers are expanded before emission");
      default:
        return assertNever(part);
    }
  }
  return {
    t: "function",
    name: pathFunctionName(helper),
    exported: true,
    params: [
      ...helper.params.map((p) => ({ name: paramName(p.name), type: tsType(s, p.type) })),
      { name: "options", type: s.rtType("PathOptions"), optional: true },
    ],
    returns: { t: "ref", name: "string" },
    body: [ret({ t: "template", quasis, exprs })],
    // The parameters' types and PathOptions document themselves.
    doc: docText(
      helper.doc,
      `Path: \`${expandedText(parts)}\` (Rust \`${helper.name}\`).`,
      "@throws {@link ValidationError} unless each argument is one safe path segment of its type.",
    ),
  };
}

/** A path parameter's name in TypeScript: camelCase, and never a reserved word or `options`. */
function paramName(name: string): string {
  return localName(camelCase(name), OPTIONS);
}

const OPTIONS: ReadonlySet<string> = new Set(["options"]);
