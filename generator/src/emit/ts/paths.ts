/**
 * Roots and path helpers. Each helper is expanded to its whole template (its own parameters and
 * those of the helpers it builds on), checks every parameter once, and names itself in errors.
 */
import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import { pathFunctionName, rootConstName } from "../../model/api-names.js";
import { assertNever, type ModelIndex, type PathHelper, type PathRoot, type TemplatePart } from "../../model/ir.js";
import { camelCase } from "../../model/naming.js";
import type { EmitContext } from "./context.js";
import { docs } from "./docs.js";
import { problemName } from "./names.js";
import { tsType } from "./type-text.js";

export function rootStatements(root: PathRoot): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: rootConstName(root), initializer: JSON.stringify(root.value) }],
    docs: docs(root.doc, `Path helpers start here unless given \`{ root }\` in their options.`),
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

export function pathHelperFunction(ctx: EmitContext, helper: PathHelper): StatementStructures {
  const parts = expandTemplate(ctx.index, helper);
  const fnName = pathFunctionName(helper);
  const segment = ctx.runtime("pathSegment");
  const body = parts
    .map((part) => {
      switch (part.kind) {
        case "text":
          return part.text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
        case "root": {
          const root = ctx.index.roots.get(part.name)!;
          return `\${${ctx.runtime("pathRoot")}(${ctx.ref(root.module, rootConstName(root))}, options, ${JSON.stringify(helper.name)})}`;
        }
        case "param": {
          const param = helper.params.find((p) => p.name === part.name)!;
          const local = camelCase(param.name);
          const problem =
            param.type.kind === "named" ? ctx.refType(param.type.name, problemName(param.type.name)) : "undefined";
          return `\${${segment}(${local}, ${JSON.stringify(param.name)}, ${JSON.stringify(helper.name)}, ${problem})}`;
        }
        case "helper":
          throw new Error("helpers are expanded before emission");
        default:
          return assertNever(part);
      }
    })
    .join("");
  const paramDocs = helper.params.map((p) => {
    const type = p.type.kind === "named" ? ` (a {@link ${p.type.name}})` : "";
    return `@param ${camelCase(p.name)} - \`${p.name}\`${type}`;
  });
  return {
    kind: StructureKind.Function,
    name: fnName,
    isExported: true,
    parameters: [
      ...helper.params.map((p) => ({ name: camelCase(p.name), type: tsType(ctx, p.type) })),
      { name: "options", type: ctx.runtimeType("PathOptions"), hasQuestionToken: true },
    ],
    returnType: "string",
    statements: `return \`${body}\`;`,
    docs: docs(
      helper.doc,
      `Path: \`${expandedText(parts)}\` (Rust \`${helper.name}\`).`,
      [
        ...paramDocs,
        `@param options - \`root\` replaces {@link ${rootConstName({ name: helper.root })}}.`,
        `@throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.`,
      ].join("\n"),
    ),
  };
}
