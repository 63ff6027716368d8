/**
 * TypeScript expressions for default values: a literal wire value from the IDL turned into the
 * parsed form (struct literals completed with their fields' defaults), or a type's own default.
 * Every expression builds a fresh value, so callers never share mutable defaults.
 */
import { assertNever, type Field, type StructDecl, type TypeRef, type WireValue } from "../../model/ir.js";
import type { EmitContext } from "./context.js";
import { propertyKey } from "./names.js";

export function fieldDefaultExpr(ctx: EmitContext, field: Field): string | undefined {
  const d = field.default;
  if (d === undefined) return undefined;
  return d.kind === "type" ? typeDefaultExpr(ctx, field.type) : literalExpr(ctx, field.type, d.value);
}

/** The type's own default (Rust `Default::default()`). The loader made sure there is one. */
export function typeDefaultExpr(ctx: EmitContext, t: TypeRef): string {
  switch (t.kind) {
    case "primitive":
      return t.name === "string" ? `""` : t.name === "bool" ? "false" : "0";
    case "optional":
      return "undefined";
    case "list":
      return "[]";
    case "map":
      return "{}";
    case "named": {
      const decl = ctx.decl(t.name);
      switch (decl.kind) {
        case "enum":
          return JSON.stringify(decl.variants.find((v) => v.name === decl.defaultVariant)!.wire);
        case "open-enum":
          return JSON.stringify(decl.defaultValue);
        case "struct":
          return `${ctx.refType(t.name, `default${t.name}`)}()`;
        case "string":
          throw new Error(`${decl.name} has no default`);
        default:
          return assertNever(decl);
      }
    }
    default:
      return assertNever(t);
  }
}

/** The body of `defaultT()` for a struct with a default: each field's default, else its type's. */
export function structDefaultExpr(ctx: EmitContext, decl: StructDecl): string {
  const parts = decl.fields.map((f) => `${propertyKey(f.wire)}: ${fieldDefaultExpr(ctx, f) ?? typeDefaultExpr(ctx, f.type)}`);
  return `{ ${parts.join(", ")} }`;
}

function literalExpr(ctx: EmitContext, t: TypeRef, value: WireValue | undefined): string {
  switch (t.kind) {
    case "primitive":
      return JSON.stringify(value);
    case "optional":
      return value === null || value === undefined ? "undefined" : literalExpr(ctx, t.inner, value);
    case "list":
      return `[${(value as readonly WireValue[]).map((v) => literalExpr(ctx, t.element, v)).join(", ")}]`;
    case "map": {
      const entries = Object.entries(value as Record<string, WireValue>).map(
        ([k, v]) => `${k === "__proto__" ? `[${JSON.stringify(k)}]` : JSON.stringify(k)}: ${literalExpr(ctx, t.value, v)}`,
      );
      return `{ ${entries.join(", ")} }`;
    }
    case "named": {
      const decl = ctx.decl(t.name);
      if (decl.kind !== "struct") return JSON.stringify(value);
      const obj = value as Record<string, WireValue>;
      const parts = decl.fields.map((f) => {
        const given = obj[f.wire];
        const expr =
          given !== undefined
            ? literalExpr(ctx, f.type, given)
            : (fieldDefaultExpr(ctx, f) ?? (f.type.kind === "optional" ? "undefined" : typeDefaultExpr(ctx, f.type)));
        return `${propertyKey(f.wire)}: ${expr}`;
      });
      return `{ ${parts.join(", ")} }`;
    }
    default:
      return assertNever(t);
  }
}
