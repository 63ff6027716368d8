/** Turns a type expression written in a module into a resolved TypeRef, reporting what is wrong. */
import { didYouMean } from "../diagnostics/suggest.js";
import type { DataPath } from "../parse/locate.js";
import type { ModuleContext } from "./context.js";
import { childTypes } from "./facts.js";
import { PRIMITIVE_NAMES, typeText, type TypeRef } from "./ir.js";
import { parseTypeExpr } from "./type-expr.js";

export interface ResolveOptions {
  /**
   * The expression is a struct field's type with `omit: if-none`: the one place where
   * `optional<optional<T>>` is told apart on the wire (its inner none is written `null`).
   */
  readonly optionalOptional?: boolean;
}

/** Parses and resolves the type expression at `path` (a scalar). Undefined after reporting an error. */
export function resolveTypeExpr(ctx: ModuleContext, path: DataPath, text: string, options: ResolveOptions = {}): TypeRef | undefined {
  const parsed = parseTypeExpr(text, ctx.scalarRanges(path));
  if (!parsed.ok) {
    ctx.report("type-syntax", parsed.range, { text, detail: parsed.detail });
    return undefined;
  }
  const top = parsed.type;
  // Every part is checked, so that one run reports every unknown name of the expression.
  let ok = true;
  const visit = (type: TypeRef, suppressed: boolean): void => {
    const nested = type.kind === "optional" && type.inner.kind === "optional";
    // optional<optional<optional<T>>> is one mistake, reported once, at the outermost optional that may not nest.
    const report = nested && !suppressed && !(type === top && options.optionalOptional === true);
    if (report) {
      ctx.report("indistinct-optional", type.range, { type: typeText(type) });
      ok = false;
    }
    if (!checkPart(ctx, type)) ok = false;
    for (const child of childTypes(type)) visit(child, nested && (report || suppressed));
  };
  visit(top, false);
  return ok ? top : undefined;
}

/** Checks a named type exists and is visible from this module; other parts need no check here. */
function checkPart(ctx: ModuleContext, type: TypeRef): boolean {
  if (type.kind !== "named") return true;
  const declared = ctx.load.rawTypes.get(type.name);
  if (declared === undefined) {
    if (ctx.importsUnusable()) return false;
    const candidates = [...ctx.load.rawTypes.keys(), ...PRIMITIVE_NAMES, "json"];
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
