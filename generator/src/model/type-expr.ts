/** Parses type expressions such as `map<string, list<SecretScope>>`, keeping a range per part. */
import type { SourceRange } from "../diagnostics/diagnostic.js";
import { isPrimitiveName, typeText, type TypeRef } from "./ir.js";

export type RangeOf = (start: number, end: number) => SourceRange;

export type TypeExprResult =
  | { readonly ok: true; readonly type: TypeRef }
  | {
      readonly ok: false;
      readonly detail: string;
      readonly range: SourceRange;
      /** Set when the expression is well formed but a map key is not `string`: the key as written. */
      readonly mapKey?: string;
    };

/**
 * Parses `text`, where `rangeOf(start, end)` maps offsets within the text to source ranges.
 * Named types are not resolved here.
 */
export function parseTypeExpr(text: string, rangeOf: RangeOf): TypeExprResult {
  let pos = 0;
  const fail = (detail: string, at = pos): TypeExprResult => ({
    ok: false,
    detail,
    range: rangeOf(at, Math.min(text.length, at + 1)),
  });
  const skip = (): void => {
    while (pos < text.length && (text[pos] === " " || text[pos] === "\t")) pos++;
  };

  const parse = (depth: number): TypeExprResult => {
    if (depth > 32) return fail("nested too deeply");
    skip();
    const start = pos;
    while (pos < text.length && /[A-Za-z0-9_]/.test(text[pos]!)) pos++;
    const name = text.slice(start, pos);
    if (name === "") return fail(pos < text.length ? `unexpected '${text[pos]}'` : "a type name is missing");
    const nameRange = rangeOf(start, pos);
    skip();
    if (text[pos] !== "<") {
      if (name === "optional" || name === "list" || name === "map") {
        return fail(`'${name}' takes type arguments, as ${name === "map" ? "map<string, T>" : `${name}<T>`}`, start);
      }
      if (isPrimitiveName(name)) return { ok: true, type: { kind: "primitive", name, range: nameRange } };
      if (!/^[A-Za-z]/.test(name)) return fail(`'${name}' is not a type name`, start);
      return { ok: true, type: { kind: "named", name, range: nameRange } };
    }
    pos++;
    const args: TypeRef[] = [];
    for (;;) {
      const arg = parse(depth + 1);
      if (!arg.ok) return arg;
      args.push(arg.type);
      skip();
      if (text[pos] === ",") {
        pos++;
        continue;
      }
      if (text[pos] === ">") {
        pos++;
        break;
      }
      return fail(pos < text.length ? `expected ',' or '>' but found '${text[pos]}'` : "'>' is missing");
    }
    const range = rangeOf(start, pos);
    const arity = (n: number, form: string): TypeExprResult | undefined =>
      args.length === n ? undefined : fail(`'${name}' takes ${n === 1 ? "one type argument" : `${n} type arguments`}, as ${form}`, start);
    switch (name) {
      case "optional":
        return arity(1, "optional<T>") ?? { ok: true, type: { kind: "optional", inner: args[0]!, range } };
      case "list":
        return arity(1, "list<T>") ?? { ok: true, type: { kind: "list", element: args[0]!, range } };
      case "map": {
        const bad = arity(2, "map<string, T>");
        if (bad) return bad;
        const key = args[0]!;
        if (key.kind !== "primitive" || key.name !== "string") {
          return { ok: false, detail: "map keys must be 'string', as map<string, T>", range: key.range, mapKey: typeText(key) };
        }
        return { ok: true, type: { kind: "map", key, value: args[1]!, hashed: false, range } };
      }
      default:
        return fail(`'${name}' takes no type arguments; generic types are optional<T>, list<T> and map<string, T>`, start);
    }
  };

  const result = parse(0);
  if (!result.ok) return result;
  skip();
  if (pos < text.length) return fail(`unexpected '${text[pos]}' after the type`);
  return result;
}
