/**
 * Default values as TypeScript expressions: a wire value from the IDL turned into the value a
 * reader would return for it (struct literals completed with their fields' defaults). Every
 * expression builds a fresh value, so no two readers share a mutable default.
 */
import { assertNever, type Field, type StructDecl, type TypeRef, type WireValue } from "../../model/ir.js";
import { typeDefaultValue } from "./facts.js";
import type { Expr } from "./printer/ast.js";
import { call, FALSE, NULL, num, str, TRUE, UNDEFINED, type FileScope } from "./scope.js";

/** The expression of a field's default, when it has one. */
export function fieldDefault(s: FileScope, f: Field): Expr | undefined {
  const d = f.default;
  if (d === undefined) return undefined;
  return d.kind === "literal" ? literalExpr(s, f.type, d.value) : typeDefault(s, f.type);
}

/** A fresh value of the type's own default: `defaultT()` for structs, a literal otherwise. */
export function typeDefault(s: FileScope, t: TypeRef): Expr {
  if (t.kind === "named" && s.decl(t.name).kind === "struct") return call(s.value(t.name, `default${t.name}`));
  return literalExpr(s, t, typeDefaultValue(s.index, t) ?? null);
}

/** The object of `defaultT()` for a struct with a default: each field's default, else its type's. */
export function structDefault(s: FileScope, decl: StructDecl): Expr {
  return {
    t: "object",
    props: decl.fields.map((f) => ({ key: f.wire, value: fieldDefault(s, f) ?? (f.type.kind === "optional" ? UNDEFINED : typeDefault(s, f.type)) })),
  };
}

export function literalExpr(s: FileScope, t: TypeRef, value: WireValue): Expr {
  switch (t.kind) {
    case "primitive":
      return scalar(value);
    case "optional":
      return value === null ? UNDEFINED : literalExpr(s, t.inner, value);
    case "list":
      return { t: "array", items: (value as readonly WireValue[]).map((v) => literalExpr(s, t.element, v)) };
    case "map":
      return {
        t: "object",
        props: Object.entries(value as Record<string, WireValue>).map(([key, v]) => ({ key, value: literalExpr(s, t.value, v) })),
      };
    case "named": {
      const decl = s.decl(t.name);
      if (decl.kind !== "struct") return scalar(value);
      const obj = value as Record<string, WireValue>;
      return {
        t: "object",
        props: decl.fields.map((f) => {
          const given = obj[f.wire];
          const expr =
            given !== undefined
              ? literalExpr(s, f.type, given)
              : (fieldDefault(s, f) ?? (f.type.kind === "optional" ? UNDEFINED : typeDefault(s, f.type)));
          return { key: f.wire, value: expr };
        }),
      };
    }
    default:
      return assertNever(t);
  }
}

function scalar(value: WireValue): Expr {
  if (value === null) return NULL;
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return value < 0 ? { t: "unary", op: "-", arg: num(-value) } : num(value);
  if (typeof value === "boolean") return value ? TRUE : FALSE;
  throw new Error(`not a scalar default: ${JSON.stringify(value)}`);
}
