/** TypeScript type text for IDL types, in their parsed form and in their input form. */
import { assertNever, type TypeRef } from "../../model/ir.js";
import type { EmitContext } from "./context.js";

/** The parsed form: `SecretScope[]`, `Record<string, string>`, `string | undefined`. */
export function tsType(ctx: EmitContext, t: TypeRef): string {
  return typeText(ctx, t, false);
}

/** The input form: struct types by their `Input` type (defaulted fields optional). */
export function tsInputType(ctx: EmitContext, t: TypeRef): string {
  return typeText(ctx, t, true);
}

function typeText(ctx: EmitContext, t: TypeRef, input: boolean): string {
  switch (t.kind) {
    case "primitive":
      return t.name === "string" ? "string" : t.name === "bool" ? "boolean" : "number";
    case "optional":
      return `${typeText(ctx, t.inner, input)} | undefined`;
    case "list":
      return arrayOf(typeText(ctx, t.element, input));
    case "map":
      return `Record<string, ${typeText(ctx, t.value, input)}>`;
    case "named": {
      const decl = ctx.decl(t.name);
      return input && decl.kind === "struct" ? ctx.refTypeOnly(t.name, `${t.name}Input`) : ctx.refTypeOnly(t.name);
    }
    default:
      return assertNever(t);
  }
}

/** `T[]`, parenthesized when `T` is a union. */
export function arrayOf(element: string): string {
  return /[ |&]/.test(element) ? `(${element})[]` : `${element}[]`;
}
