/** Example values for the README, made from the types: valid, deterministic, small. */
import { assertNever, type ModelIndex, type PathHelper, type StringDecl, type StructDecl, type TypeRef } from "../../model/ir.js";
import { isInheritedName } from "../../targets/ts/facts.js";

/** Candidate spellings of an example string, first valid wins: `pool_id` -> pool, POOL, ... */
function candidates(name: string): string[] {
  const base = name.replace(/_id$/, "").replace(/_/g, "-");
  return [base, base.toUpperCase(), base.replace(/-/g, ""), base.replace(/-/g, "").toUpperCase(), "x", "X", "a1"];
}

/** A string example for a parameter or field named `name`, valid for its string type; undefined if none fits. */
export function exampleString(name: string, decl: StringDecl | undefined): string | undefined {
  if (decl === undefined) return name.replace(/_id$/, "").replace(/_/g, "-") || "x";
  const re = decl.pattern === undefined ? undefined : new RegExp(decl.pattern, "u");
  return candidates(name).find(
    (c) =>
      (decl.minLength === undefined || c.length >= decl.minLength) &&
      (decl.maxLength === undefined || c.length <= decl.maxLength) &&
      (re === undefined || re.test(c)),
  );
}

/** Arguments that make a path helper succeed, by parameter; undefined if a type's rule defeats the guesses. */
export function exampleArgs(index: ModelIndex, helper: PathHelper): string[] | undefined {
  const args: string[] = [];
  for (const p of helper.params) {
    const decl = p.type.kind === "named" ? index.types.get(p.type.name) : undefined;
    const value = exampleString(p.name, decl?.kind === "string" ? decl : undefined);
    if (value === undefined) return undefined;
    args.push(value);
  }
  return args;
}

/**
 * A TypeScript expression for the required fields of a struct's input (defaulted and optional
 * fields left out), or undefined when no valid example can be made.
 */
export function exampleInput(index: ModelIndex, decl: StructDecl, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const parts: string[] = [];
  for (const f of decl.fields) {
    if (f.skip === "both" || f.skip === "deserializing" || decl.missingFromDefault) continue;
    // TypeScript sees Object.prototype's methods on every object: typed code gives such a field (`constructor`) even when it may be left out.
    const inherited = isInheritedName(f.wire);
    if ((f.default !== undefined || f.type.kind === "optional") && !inherited) continue;
    if (f.flatten) return undefined;
    const value = inherited && f.type.kind === "optional" ? "undefined" : exampleValue(index, f.type, f.wire, depth);
    if (value === undefined) return undefined;
    parts.push(`${/^[A-Za-z_$][\w$]*$/.test(f.wire) ? f.wire : JSON.stringify(f.wire)}: ${value}`);
  }
  return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}

function exampleValue(index: ModelIndex, t: TypeRef, name: string, depth: number): string | undefined {
  switch (t.kind) {
    case "primitive":
      if (t.name === "string") return JSON.stringify(exampleString(name, undefined));
      if (t.name === "char") return '"a"';
      if (t.name === "bool") return "true";
      if (t.name === "unit") return "null";
      return t.name === "f64" || t.name === "f32" ? "1.5" : "1";
    case "optional":
    case "json":
      return "null";
    case "box":
      return exampleValue(index, t.inner, name, depth);
    case "tuple": {
      const items = t.items.map((x) => exampleValue(index, x, name, depth));
      return items.every((x) => x !== undefined) ? `[${items.join(", ")}]` : undefined;
    }
    case "array": {
      const item = t.length === 0 ? "" : exampleValue(index, t.element, name, depth);
      return item === undefined ? undefined : `[${Array.from({ length: t.length }, () => item).join(", ")}]`;
    }
    case "list":
    case "set":
      return "[]";
    case "map":
      return "{}";
    case "named": {
      const decl = index.types.get(t.name);
      if (decl === undefined) return undefined;
      switch (decl.kind) {
        case "enum":
          return JSON.stringify(decl.variants[0]!.wire);
        case "open-enum":
          return JSON.stringify(decl.values[0]?.value ?? "x");
        case "string": {
          const s = exampleString(name, decl);
          return s === undefined ? undefined : JSON.stringify(s);
        }
        case "struct":
          return decl.transparent ? undefined : exampleInput(index, decl, depth + 1);
        case "newtype":
          return exampleValue(index, decl.type, name, depth + 1);
        case "tuple-struct": {
          const items = decl.items.map((x) => exampleValue(index, x, name, depth + 1));
          return items.every((x) => x !== undefined) ? `[${items.join(", ")}]` : undefined;
        }
        case "unit-struct":
          return "null";
        default:
          return assertNever(decl);
      }
    }
    default:
      return assertNever(t);
  }
}
