/**
 * Shape descriptors: a small data description of each type that the runtime walks to report
 * every issue, to write JSON text and to build wire values. Named types are referenced lazily,
 * so declaration order and recursion do not matter.
 */
import { INTEGER_RANGES, MAX_EXACT_INTEGER } from "../../model/check-types.js";
import { assertNever, type StringDecl, type TypeDecl, type TypeRef } from "../../model/ir.js";
import type { EmitContext } from "./context.js";
import { problemName, shapeName } from "./names.js";

/** The initializer of `T$shape`. */
export function shapeExpr(ctx: EmitContext, decl: TypeDecl): string {
  switch (decl.kind) {
    case "enum":
      return `{ k: "enum", name: ${JSON.stringify(decl.name)}, values: ${JSON.stringify(decl.variants.map((v) => v.wire))} }`;
    case "open-enum":
      return `{ k: "open-enum", name: ${JSON.stringify(decl.name)} }`;
    case "string":
      return `{ k: "cstring", name: ${JSON.stringify(decl.name)}, problem: ${problemName(decl.name)} }`;
    case "struct": {
      const fields = decl.fields.map((f) => {
        const required = f.default === undefined && f.type.kind !== "optional";
        const needed = f.default === undefined;
        const omit = f.omit === "if-none" ? 1 : f.omit === "if-empty" ? 2 : 0;
        return `{ key: ${JSON.stringify(f.wire)}, type: ${refExpr(ctx, f.type)}, required: ${required}, needed: ${needed}, omit: ${omit} }`;
      });
      return `{ k: "struct", name: ${JSON.stringify(decl.name)}, fields: [${fields.join(", ")}], deny: ${decl.unknownFields === "deny"} }`;
    }
    default:
      return assertNever(decl);
  }
}

function refExpr(ctx: EmitContext, t: TypeRef): string {
  switch (t.kind) {
    case "primitive": {
      if (t.name === "string" || t.name === "bool" || t.name === "f64") return `{ k: "${t.name}" }`;
      const [min, max] = INTEGER_RANGES[t.name];
      const clamp = (n: bigint): string => String(n > MAX_EXACT_INTEGER ? MAX_EXACT_INTEGER : n < -MAX_EXACT_INTEGER ? -MAX_EXACT_INTEGER : n);
      return `{ k: "int", name: "${t.name}", min: ${clamp(min)}, max: ${clamp(max)} }`;
    }
    case "optional":
      return `{ k: "optional", inner: ${refExpr(ctx, t.inner)} }`;
    case "list":
      return `{ k: "list", element: ${refExpr(ctx, t.element)} }`;
    case "map":
      return `{ k: "map", value: ${refExpr(ctx, t.value)} }`;
    case "named":
      return `{ k: "ref", get: () => ${ctx.refType(t.name, shapeName(t.name))} }`;
    default:
      return assertNever(t);
  }
}

/**
 * Body of `T$problem(value: string)` for a `kind: string` type: the first rule the value breaks,
 * as an issue code and message, or undefined.
 */
export function problemBody(ctx: EmitContext, decl: StringDecl): string {
  const lines: string[] = [];
  if (decl.minLength !== undefined || decl.maxLength !== undefined) {
    lines.push(`const n = ${ctx.runtime("codePointLength")}(value);`);
    if (decl.minLength !== undefined) {
      const unit = decl.minLength === 1 ? "character" : "characters";
      lines.push(`if (n < ${decl.minLength}) return ["too-short", ${JSON.stringify(`must be at least ${decl.minLength} ${unit}`)}];`);
    }
    if (decl.maxLength !== undefined) {
      const unit = decl.maxLength === 1 ? "character" : "characters";
      lines.push(`if (n > ${decl.maxLength}) return ["too-long", ${JSON.stringify(`must be at most ${decl.maxLength} ${unit}`)}];`);
    }
  }
  if (decl.pattern !== undefined) {
    const message = `must match the ${decl.name} rule: ${decl.patternDoc ?? decl.pattern}`;
    lines.push(`if (!${patternName(decl.name)}.test(value)) return ["pattern-mismatch", ${JSON.stringify(message)}];`);
  }
  lines.push("return undefined;");
  return lines.join("\n");
}

export const patternName = (type: string): string => `${type}$pattern`;

/** The pattern compiled with the `u` flag, as JSON Schema reads it; pure, so bundlers can drop it. */
export function regexExpr(pattern: string): string {
  return `/* @__PURE__ */ new RegExp(${JSON.stringify(pattern)}, "u")`;
}
