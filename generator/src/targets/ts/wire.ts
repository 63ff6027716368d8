/**
 * Writing through the engine's JSON.stringify: which types' checked values it writes as serde
 * does, and the code that makes the rest ready for it. `stringifyT` checks the value (the reader
 * gives a fresh copy, which is the package's to change), hands that copy to the type's wire
 * function, then to JSON.stringify; a type it cannot write keeps the JsonWriter alone.
 *
 * The checked value of a type is already in wire form for most constructs: the properties are the
 * wire names, in declaration order, and optional fields left out by `omit: if-none` are undefined,
 * which JSON.stringify leaves out too. What differs is fixed on the copy: other omit rules and
 * skipped fields become undefined, a none that serde writes becomes null, maps are put in key
 * order (serde's BTreeMap; the package writes HashMaps sorted too), on the struct's own fields
 * (a value needing a fix deeper down keeps the JsonWriter). Floats (serde's own number
 * layout), raw JSON, sets, enums with data, flattened fields, integer-like wire names (which
 * JavaScript lists first) and the other kinds keep the JsonWriter.
 */
import { assertNever, isUnitOnly, type Field, type ModelIndex, type StructDecl, type TypeRef } from "../../model/ir.js";
import { fieldDefault, typeDefault } from "./defaults.js";
import type { Expr, Stmt } from "./printer/ast.js";
import { assign, bin, call, constDecl, id, ifStmt, member, not, NULL, num, prop, ref, ret, UNDEFINED, type FileScope } from "./scope.js";

/**
 * How JSON.stringify writes a checked value of a type: `same` as serde, after the type's wire
 * function (`fix`), or not as serde whatever is done (`none`).
 */
export type WireForm = "same" | "fix" | "none";

const forms = new WeakMap<ModelIndex, Map<string, WireForm>>();

/** The wire form of a type expression. */
export function wireForm(index: ModelIndex, t: TypeRef): WireForm {
  switch (t.kind) {
    case "primitive":
      return t.name === "f32" || t.name === "f64" ? "none" : "same";
    case "json":
    case "set":
      return "none";
    case "optional":
      // A none is undefined, which serde writes null (a field under `omit: if-none`: see fieldForm).
      return t.inner.kind !== "optional" && wireForm(index, t.inner) === "same" ? "fix" : "none";
    case "box":
      return wireForm(index, t.inner);
    case "list":
    case "array":
      return wireForm(index, t.element) === "same" ? "same" : "none";
    case "tuple":
      return t.items.every((item) => wireForm(index, item) === "same") ? "same" : "none";
    case "map":
      // Other keys (integers, enums, chars) are ordered otherwise than JavaScript orders properties.
      if (t.key.kind !== "primitive" || t.key.name !== "string") return "none";
      return wireForm(index, t.value) === "same" ? "fix" : "none";
    case "named":
      return namedForm(index, t.name);
    default:
      return assertNever(t);
  }
}

function namedForm(index: ModelIndex, name: string): WireForm {
  let known = forms.get(index);
  if (known === undefined) forms.set(index, (known = new Map()));
  const seen = known.get(name);
  if (seen !== undefined) return seen;
  known.set(name, "none"); // a type that holds itself keeps the JsonWriter
  const decl = index.types.get(name)!;
  let form: WireForm;
  switch (decl.kind) {
    case "struct":
      form = decl.transparent ? "none" : worst(decl.fields.map((f) => fieldForm(index, f)));
      break;
    case "enum":
      form = isUnitOnly(decl) ? "same" : "none";
      break;
    case "open-enum":
    case "string":
      form = "same";
      break;
    case "newtype":
    case "tuple-struct":
    case "unit-struct":
      form = "none";
      break;
    default:
      return assertNever(decl);
  }
  known.set(name, form);
  return form;
}

/** The wire form of a struct's field, with its omit and skip rules. */
function fieldForm(index: ModelIndex, f: Field): WireForm {
  if (f.skip === "both") return "same"; // not in the checked value
  if (f.flatten || /^[0-9]/.test(f.wire) || f.wire === "__proto__") return "none";
  const type = omittedWhenNone(f) ? (f.type as Extract<TypeRef, { kind: "optional" }>).inner : f.type;
  const form = wireForm(index, type);
  // Fixes are made one level deep (an optional or a map held by the field); a value that needs its own (a struct's) keeps the JsonWriter.
  if (form === "none" || (form === "fix" && (type.kind === "box" ? type.inner : type).kind === "named")) return "none";
  if (f.skip === "serializing") return "fix";
  return f.omit === "if-empty" || f.omit === "if-default" ? "fix" : form;
}

/** A field whose none is left out (undefined, as JSON.stringify leaves it out), not written null. */
function omittedWhenNone(f: Field): boolean {
  return f.omit === "if-none" && f.type.kind === "optional" && f.type.inner.kind !== "optional";
}

function worst(forms: readonly WireForm[]): WireForm {
  return forms.includes("none") ? "none" : forms.includes("fix") ? "fix" : "same";
}

// ---------------------------------------------------------------------------------------------
// Code

/** The expression giving the wire value of `value` (a checked value of `t`, of form `fix`: an optional or a map of values written as they are). */
function wireValue(s: FileScope, t: TypeRef, value: Expr): Expr {
  switch (t.kind) {
    case "optional":
      return bin("??", value, NULL);
    case "map":
      return call(s.rt("wireMap"), value);
    case "box":
      return wireValue(s, t.inner, value);
    default:
      throw new Error(`${t.kind} values have no wire fix`);
  }
}

/**
 * The body of a struct's wire function: each field that differs on the wire changed on the
 * checked copy `v` (through `o`, the same object untyped), then `v` returned.
 */
export function structWireBody(s: FileScope, decl: StructDecl): Stmt[] {
  const v = id("v");
  const o = id("o");
  const body: Stmt[] = [constDecl("o", { t: "as", expr: { t: "as", expr: v, type: ref("unknown") }, type: ref("Record", [ref("string"), ref("unknown")]) })];
  for (const f of decl.fields) {
    if (f.skip === "both" || fieldForm(s.index, f) === "same") continue;
    const value = prop(v, f.wire);
    const target: Expr = { t: "index", object: o, index: { t: "str", value: f.wire } };
    if (f.skip === "serializing") {
      body.push(assign(target, UNDEFINED));
      continue;
    }
    const type = omittedWhenNone(f) ? (f.type as Extract<TypeRef, { kind: "optional" }>).inner : f.type;
    const fixed = wireForm(s.index, type) === "fix" ? assign(target, wireValue(s, type, value)) : undefined;
    switch (f.omit) {
      case "never":
        if (fixed) body.push(fixed);
        break;
      case "if-none":
        if (fixed) body.push(omittedWhenNone(f) ? ifStmt(bin("!==", value, UNDEFINED), fixed) : fixed);
        break;
      case "if-empty": {
        const t = type.kind === "box" ? type.inner : type;
        const empty = t.kind === "map" ? not(call(s.rt("hasEntries"), value)) : bin("===", member(value, "length"), num(0));
        body.push(ifStmt(empty, assign(target, UNDEFINED), fixed));
        break;
      }
      case "if-default":
        body.push(ifStmt(call(s.rt("same"), value, fieldDefault(s, f) ?? typeDefault(s, f.type)), assign(target, UNDEFINED), fixed));
        break;
      default:
        return assertNever(f.omit);
    }
  }
  body.push(ret(v));
  return body;
}
