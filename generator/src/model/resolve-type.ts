/** Turns a type expression written in a module into a resolved TypeRef, reporting what is wrong. */
import { didYouMean } from "../diagnostics/suggest.js";
import type { DataPath } from "../parse/locate.js";
import type { ModuleContext } from "./context.js";
import { PRIMITIVE_NAMES, type TypeRef } from "./ir.js";
import { parseTypeExpr } from "./type-expr.js";

/** Parses and resolves the type expression at `path` (a scalar). Undefined after reporting an error. */
export function resolveTypeExpr(ctx: ModuleContext, path: DataPath, text: string): TypeRef | undefined {
  const parsed = parseTypeExpr(text, ctx.scalarRanges(path));
  if (!parsed.ok) {
    if (parsed.mapKey !== undefined) ctx.report("invalid-map-key", parsed.range, { key: parsed.mapKey });
    else ctx.report("type-syntax", parsed.range, { text, detail: parsed.detail });
    return undefined;
  }
  return checkNames(ctx, parsed.type) ? parsed.type : undefined;
}

function checkNames(ctx: ModuleContext, type: TypeRef): boolean {
  switch (type.kind) {
    case "primitive":
      return true;
    case "optional":
      if (type.inner.kind === "optional") {
        ctx.report("invalid-type-use", type.range, {
          detail: "optional<optional<T>> cannot be told apart from optional<T> on the wire; use optional<T>",
        });
        return false;
      }
      return checkNames(ctx, type.inner);
    case "list":
      return checkNames(ctx, type.element);
    case "map":
      return checkNames(ctx, type.value);
    case "named": {
      const declared = ctx.load.rawTypes.get(type.name);
      if (declared === undefined) {
        if (ctx.importsUnusable()) return false;
        const candidates = [...ctx.load.rawTypes.keys(), ...PRIMITIVE_NAMES];
        ctx.report("unknown-type", type.range, { name: type.name, hint: didYouMean(type.name, candidates) });
        return false;
      }
      // A declaration that failed the shape check was reported there; using it reports nothing more.
      if (declared.broken === true || ctx.load.duplicated.has(type.name)) return false;
      if (!ctx.canSee(declared.module)) {
        ctx.report("not-imported", type.range, { name: type.name, module: declared.module });
        return false;
      }
      return true;
    }
  }
}
