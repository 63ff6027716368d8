/**
 * Type expressions in TypeScript: their types, how a value of one is read (checked and copied,
 * in one function for the fast check and the full report) and written, and their defaults.
 * Declarations of each kind use these for their fields, elements and entries; containers get a
 * helper function per element type in the file that needs it.
 */
import type { RuntimeValue } from "./runtime/names.js";
import { assertNever, isUnitOnly, type IntegerName, type TypeRef } from "../../model/ir.js";
import { helperSuffix, isInheritedName } from "./facts.js";
import type { Decl, Expr, Stmt, TypeNode } from "./printer/ast.js";
import {
  and,
  assign,
  bin,
  call,
  cond,
  constDecl,
  exprStmt,
  id,
  ifStmt,
  member,
  method,
  not,
  num,
  optionalMethod,
  or,
  ref,
  ret,
  str,
  typeOf,
  union,
  UNDEFINED,
  type FileScope,
} from "./scope.js";

// ---------------------------------------------------------------------------------------------
// Types

/** The TypeScript type of values of `t` (what readers return). */
export function tsType(s: FileScope, t: TypeRef): TypeNode {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "string":
        case "char":
          return ref("string");
        case "bool":
          return ref("boolean");
        case "unit":
          return ref("null");
        default:
          return ref("number");
      }
    case "json":
      return s.rtType("JsonValue");
    case "optional":
      return t.inner.kind === "optional"
        ? union(tsType(s, t.inner.inner), ref("null"), ref("undefined"))
        : union(tsType(s, t.inner), ref("undefined"));
    case "list":
    case "set":
    case "array":
      return { t: "array-type", element: tsType(s, t.element) };
    case "map":
      return mapType(s, t.key, tsType(s, t.value));
    case "tuple":
      return { t: "tuple", items: t.items.map((x) => tsType(s, x)) };
    case "box":
      return tsType(s, t.inner);
    case "named":
      return s.type(t.name);
    default:
      return assertNever(t);
  }
}

/** `Record<string, V>`; for an enum key, the known keys: `Partial<Record<Role, V>>`. */
function mapType(s: FileScope, key: TypeRef, value: TypeNode): TypeNode {
  const k = unwrapKey(s, key);
  if (k.kind === "named" && s.decl(k.name).kind === "enum") return ref("Partial", [ref("Record", [s.type(k.name), value])]);
  return ref("Record", [ref("string"), value]);
}

/** A map key's type with newtypes and boxes unwrapped: what the key's text must be. */
function unwrapKey(s: FileScope, key: TypeRef): TypeRef {
  let k = key;
  for (;;) {
    if (k.kind === "box") k = k.inner;
    else if (k.kind === "named") {
      const d = s.decl(k.name);
      if (d.kind !== "newtype") return k;
      k = d.type;
    } else return k;
  }
}

/** The type accepted where a value of `t` is given in code (structs with defaults may leave fields out). */
export function tsInputType(s: FileScope, t: TypeRef): TypeNode {
  switch (t.kind) {
    case "optional":
      return t.inner.kind === "optional"
        ? union(tsInputType(s, t.inner.inner), ref("null"), ref("undefined"))
        : union(tsInputType(s, t.inner), ref("undefined"));
    case "list":
    case "set":
    case "array":
      return { t: "array-type", element: tsInputType(s, t.element) };
    case "map":
      return mapType(s, t.key, tsInputType(s, t.value));
    case "tuple":
      return { t: "tuple", items: t.items.map((x) => tsInputType(s, x)) };
    case "box":
      return tsInputType(s, t.inner);
    case "named":
      return s.decl(t.name).kind === "struct" && inputDiffers(s, t) ? s.type(t.name, `${t.name}Input`) : s.type(t.name);
    default:
      return tsType(s, t);
  }
}

/** Whether the input type of `t` differs from its value type (a struct inside has fields with defaults). */
export function inputDiffers(s: FileScope, t: TypeRef, visiting: Set<string> = new Set()): boolean {
  switch (t.kind) {
    case "primitive":
    case "json":
      return false;
    case "optional":
    case "box":
      return inputDiffers(s, t.inner, visiting);
    case "list":
    case "set":
    case "array":
      return inputDiffers(s, t.element, visiting);
    case "map":
      return inputDiffers(s, t.value, visiting);
    case "tuple":
      return t.items.some((x) => inputDiffers(s, x, visiting));
    case "named": {
      const d = s.decl(t.name);
      if (d.kind !== "struct" || d.transparent || visiting.has(t.name)) return false;
      visiting.add(t.name);
      const differs = d.missingFromDefault || d.fields.some((f) => f.default !== undefined || f.skip === "deserializing" || inputDiffers(s, f.type, visiting));
      visiting.delete(t.name);
      return differs;
    }
    default:
      return assertNever(t);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Where a value being read sits, which decides how a problem is reported: a struct field (missing
 * is an issue of its own), a list element or map entry, or the whole value.
 */
export type Slot =
  | { readonly kind: "field"; readonly key: string }
  | { readonly kind: "item"; readonly key: Expr }
  | { readonly kind: "root" };

const R = id("r");
const W = id("w");

/** The value of the object `o`'s key `wire` as a reader reads it: `o["wire"]`, or `own(o, "wire")` for a name `o` may inherit. */
export function fieldOf(s: FileScope, o: Expr, wire: string): Expr {
  return isInheritedName(wire) ? call(s.rt("own"), o, str(wire)) : { t: "index", object: o, index: str(wire) };
}

/** The report of the value in `slot`, for a nested reader: `r?.at("key")`, `r?.item(i)` or `r`. */
export function childReport(slot: Slot): Expr {
  switch (slot.kind) {
    case "field":
      return optionalMethod(R, "at", str(slot.key));
    case "item":
      return optionalMethod(R, "item", slot.key);
    case "root":
      return R;
  }
}

/** `bad(r, "key", value, EXPECTED)` (a field) or `badItem(r, key, value, EXPECTED)`. */
export function refuse(s: FileScope, slot: Slot, value: Expr, expected: Expr): Stmt {
  switch (slot.kind) {
    case "field":
      return exprStmt(call(s.rt("bad"), R, str(slot.key), value, expected));
    case "item":
      return exprStmt(call(s.rt("badItem"), R, slot.key, value, expected));
    case "root":
      return exprStmt(call(s.rt("badItem"), R, UNDEFINED, value, expected));
  }
}

/** The runtime's description of each integer type (its bounds, as readers check them). */
export const INT_EXPECTED: Record<IntegerName, RuntimeValue> = {
  u8: "U8",
  u16: "U16",
  u32: "U32",
  u64: "U64",
  usize: "USIZE",
  i8: "I8",
  i16: "I16",
  i32: "I32",
  i64: "I64",
  isize: "ISIZE",
};

const INT_RANGE: Record<IntegerName, readonly [number, number]> = {
  u8: [0, 255],
  u16: [0, 65535],
  u32: [0, 4294967295],
  u64: [0, 9007199254740992],
  usize: [0, 9007199254740992],
  i8: [-128, 127],
  i16: [-32768, 32767],
  i32: [-2147483648, 2147483647],
  i64: [-9007199254740992, 9007199254740992],
  isize: [-9007199254740992, 9007199254740992],
};

/** The runtime description of what a scalar should be. */
function scalarExpected(s: FileScope, name: string): Expr {
  switch (name) {
    case "string":
      return s.rt("STRING");
    case "char":
      return s.rt("CHAR");
    case "bool":
      return s.rt("BOOLEAN");
    case "unit":
      return s.rt("UNIT");
    case "f32":
    case "f64":
      return s.rt("NUMBER");
    default:
      return s.rt(INT_EXPECTED[name as IntegerName]);
  }
}

/** The test that a value is not of the scalar type `name` (readers and straight-line writers check alike). */
export function scalarMismatch(s: FileScope, name: string, v: Expr): Expr {
  const notNumber = bin("!==", typeOf(v), str("number"));
  switch (name) {
    case "string":
      return bin("!==", typeOf(v), str("string"));
    case "char":
      return not(call(s.rt("isChar"), v));
    case "bool":
      return bin("!==", typeOf(v), str("boolean"));
    case "unit":
      return bin("!==", v, { t: "lit", text: "null" });
    case "u8":
      return or(notNumber, bin("!==", bin("&", v, num(255)), v));
    case "u16":
      return or(notNumber, bin("!==", bin("&", v, num(65535)), v));
    case "u32":
      return or(notNumber, bin("!==", bin(">>>", v, num(0)), v));
    case "i32":
      return or(notNumber, bin("!==", bin("|", v, num(0)), v));
    default: {
      const [min, max] = INT_RANGE[name as IntegerName];
      const low: Expr = min < 0 ? { t: "unary", op: "-", arg: num(-min) } : num(min);
      return or(notNumber, not(call(member(id("Number"), "isInteger"), v)), bin("<", v, low), bin(">", v, num(max)));
    }
  }
}

/** The name of a reader of `t` in this file: the declaration's reader, a runtime one, or a helper. */
export function readerOf(s: FileScope, t: TypeRef): Expr {
  switch (t.kind) {
    case "named":
      return s.value(t.name, `read${t.name}`);
    case "json":
      return s.rt("readJson");
    case "box":
      return readerOf(s, t.inner);
    default:
      return s.helper(`read${helperName(s, t)}`, () => containerReader(s, t));
  }
}

/**
 * The part of a helper's name that names `t`: `StringList`, or `StringList$` when a declared type
 * has that name (its own `readStringList` and `writeStringList` are exported beside the helper).
 */
function helperName(s: FileScope, t: TypeRef): string {
  const name = helperSuffix(t);
  return s.index.types.has(name) ? `${name}$` : name;
}

/** A conditional expression value. */
function ternary(test: Expr, then: Expr, otherwise: Expr): Expr {
  return { t: "cond", test, then, else: otherwise };
}

function slotKey(slot: Slot): Expr {
  return slot.kind === "field" ? str(slot.key) : slot.kind === "item" ? slot.key : UNDEFINED;
}

function isFieldExpr(slot: Slot): Expr {
  return { t: "lit", text: slot.kind === "field" ? "true" : "false" };
}

/**
 * Statements that read the value `source` of type `t` in `slot` into the constant `local`; the
 * value may have been left out (undefined) only when `fallback` is given, which is then used.
 */
export function readInto(s: FileScope, t: TypeRef, source: Expr, slot: Slot, local: string, fallback?: Expr): Stmt[] {
  const L = id(local);
  const withFallback = (read: Expr): Expr => (fallback === undefined ? read : ternary(bin("===", source, UNDEFINED), fallback, read));
  switch (t.kind) {
    case "primitive":
      if (t.name === "f64" || t.name === "f32") {
        const read = call(s.rt(t.name === "f64" ? "float" : "float32"), source, R, slotKey(slot), isFieldExpr(slot));
        return [constDecl(local, withFallback(read))];
      }
      return [
        constDecl(local, fallback === undefined ? source : ternary(bin("===", source, UNDEFINED), fallback, source)),
        ifStmt(scalarMismatch(s, t.name, L), refuse(s, slot, L, scalarExpected(s, t.name))),
      ];
    case "optional": {
      const inner = t.inner.kind === "optional" ? t.inner.inner : t.inner;
      if (inner.kind === "primitive" && inner.name !== "f64" && inner.name !== "f32" && inner.name !== "unit") {
        // null and a missing value are none; anything else must be the scalar.
        const value: Expr = { t: "binary", op: "??", left: source, right: UNDEFINED };
        return [
          constDecl(local, withFallback(value)),
          ifStmt(
            and(bin("!==", L, UNDEFINED), scalarMismatch(s, inner.name, L)),
            refuse(s, slot, L, call(s.rt("orNull"), scalarExpected(s, inner.name))),
          ),
        ];
      }
      // With a fallback, the helper reading the optional value (conditional expressions do not nest).
      if (fallback !== undefined) return [constDecl(local, withFallback(call(readerOf(s, t), source, childReport(slot))))];
      const read = call(readerOf(s, inner), source, childReport(slot));
      return [constDecl(local, ternary(bin("==", source, { t: "lit", text: "null" }), UNDEFINED, read))];
    }
    case "box":
      return readInto(s, t.inner, source, slot, local, fallback);
    case "json":
    case "list":
    case "set":
    case "map":
    case "tuple":
    case "array":
    case "named":
      return [constDecl(local, withFallback(call(readerOf(s, t), source, childReport(slot))))];
    default:
      return assertNever(t);
  }
}

/** The comparator of set elements or map keys of type `t`, in Rust's `Ord`. */
function comparator(s: FileScope, t: TypeRef): Expr {
  const k = unwrapKey(s, t);
  if (k.kind === "primitive") {
    if (k.name === "bool") return s.rt("compareBooleans");
    if (k.name === "string" || k.name === "char") return s.rt("compareCodePoints");
    return s.rt("compareNumbers");
  }
  if (k.kind === "named") {
    const d = s.decl(k.name);
    if (d.kind === "enum") return s.helper(`${k.name}$order`, () => ({ t: "const", name: `${k.name}$order`, exported: false, init: call(s.rt("byDeclaration"), s.value(k.name, k.name)) }));
  }
  return s.rt("compareCodePoints");
}

/** Integer map keys are canonical decimal strings, ordered numerically. */
function keyComparator(s: FileScope, t: TypeRef): Expr {
  const k = unwrapKey(s, t);
  if (k.kind === "primitive" && k.name !== "string" && k.name !== "char") return s.rt("compareIntegerKeys");
  return comparator(s, t);
}

/** Statements checking (and for integers, normalising) the map key `k`, and the key to store. */
function readKey(s: FileScope, t: TypeRef): { body: Stmt[]; key: Expr } {
  const k = unwrapKey(s, t);
  const key = id("k");
  const bad = (expected: Expr): Stmt => exprStmt(call(s.rt("badKey"), R, key, expected));
  if (k.kind === "primitive") {
    if (k.name === "string") return { body: [], key };
    if (k.name === "char") return { body: [ifStmt(not(call(s.rt("isChar"), key)), bad(s.rt("CHAR")))], key };
    const int = s.rt(INT_EXPECTED[k.name as IntegerName]);
    const checked = { t: "binary", op: "??", left: call(s.rt("integerKey"), key, int), right: call(s.rt("badKey"), R, key, int) } as const;
    return { body: [constDecl("key", checked)], key: id("key") };
  }
  if (k.kind === "named") {
    const d = s.decl(k.name);
    if (d.kind === "enum" || d.kind === "string") return { body: [ifStmt(not(call(s.value(k.name, `is${k.name}`), key)), bad(str(`a ${k.name}`)))], key };
  }
  return { body: [], key };
}

/** A helper reading a container (or scalar) value of a given element type: `readStringList(v, r)`. */
function containerReader(s: FileScope, t: TypeRef): Decl {
  const v = id("v");
  const name = `read${helperName(s, t)}`;
  const params = [
    { name: "v", type: ref("unknown") },
    { name: "r", type: s.rtType("Report"), optional: true },
  ];
  const body: Stmt[] = [];
  const loopOver = (element: TypeRef, length: Expr): Stmt => ({
    t: "for",
    init: { t: "var", kind: "let", name: "i", init: num(0) },
    test: bin("<", id("i"), length),
    update: { t: "update", op: "++", arg: id("i") },
    body: {
      t: "block",
      body: [
        ...readInto(s, element, { t: "index", object: id("a"), index: id("i") }, { kind: "item", key: id("i") }, "e"),
        exprStmt(method(id("out"), "push", id("e"))),
      ],
    },
  });
  switch (t.kind) {
    case "list":
    case "set":
    case "array": {
      body.push(constDecl("a", cond(call(member(id("Array"), "isArray"), v), v, call(s.rt("list"), v, R))));
      if (t.kind === "array") body.push(exprStmt(call(s.rt("fixedLength"), id("a"), R, num(t.length))));
      body.push(constDecl("out", { t: "array", items: [] }, { t: "array-type", element: tsType(s, t.element) }));
      body.push(loopOver(t.element, member(id("a"), "length")));
      body.push(ret(t.kind === "set" ? call(s.rt("sortUnique"), id("out"), comparator(s, t.element)) : id("out")));
      break;
    }
    case "tuple": {
      body.push(constDecl("a", call(s.rt("list"), v, R)));
      body.push(exprStmt(call(s.rt("fixedLength"), id("a"), R, num(t.items.length))));
      const items: Expr[] = [];
      t.items.forEach((item, i) => {
        body.push(...readInto(s, item, { t: "index", object: id("a"), index: num(i) }, { kind: "item", key: num(i) }, `e${i}`));
        items.push(id(`e${i}`));
      });
      body.push(ret({ t: "array", items }));
      break;
    }
    case "map": {
      // A plain object is taken as it is (`isPlainMap`); the runtime's `map` tells the rest apart.
      body.push(constDecl("m", cond(call(s.rt("isPlainMap"), v), v, call(s.rt("map"), v, R))));
      body.push(constDecl("out", { t: "object", props: [] }, ref("Record", [ref("string"), tsType(s, t.value)])));
      const key = readKey(s, t.key);
      // The values of a repeated key that a later one replaced: serde reads each (refusing the map
      // when one does not read), then keeps the last. Read here, in text order before the kept ones.
      const unusual: Stmt[] = [constDecl("d", call(s.rt("replacedEntries"), v))];
      const replaced = readInto(
        s,
        t.value,
        { t: "index", object: id("d"), index: bin("+", id("i"), num(1)) },
        { kind: "item", key: { t: "as", expr: { t: "index", object: id("d"), index: id("i") }, type: ref("string") } },
        "e",
      );
      // A value only read by a call (a named type's reader) is not kept.
      const only = replaced.length === 1 ? replaced[0]! : undefined;
      unusual.push({
        t: "for",
        init: { t: "var", kind: "let", name: "i", init: num(0) },
        test: bin("<", id("i"), member(id("d"), "length")),
        update: { t: "assign", op: "+=", left: id("i"), right: num(2) },
        body: { t: "block", body: only?.t === "var" && only.init !== undefined ? [exprStmt(only.init)] : replaced },
      });
      // Only a text that repeated a key has replaced values (the runtime's `unusual` says when).
      body.push(ifStmt(s.rt("unusual"), unusual));
      // `__proto__`, and any key while Object.prototype has enumerable properties, becomes an own
      // entry (setEntry), any other key a plain store (inline: a call per entry cost a fifth of a map's read).
      const store =
        key.key.t === "id"
          ? ifStmt(bin("||", bin("===", key.key, str("__proto__")), s.rt("pollutedPrototypes")), exprStmt(call(s.rt("setEntry"), id("out"), key.key, id("e"))), assign({ t: "index", object: id("out"), index: key.key }, id("e")))
          : exprStmt(call(s.rt("setEntry"), id("out"), key.key, id("e")));
      const loop: Stmt[] = [...key.body, ...readInto(s, t.value, { t: "index", object: id("m"), index: id("k") }, { kind: "item", key: id("k") }, "e"), store];
      // Integer keys in text order: of two keys that are one number ("80", "080"), the later wins, as in serde.
      const k = unwrapKey(s, t.key);
      const integer = k.kind === "primitive" && k.name !== "string" && k.name !== "char";
      const iter = integer ? call(s.rt("textKeys"), id("m")) : call(member(id("Object"), "keys"), id("m"));
      body.push({ t: "for-of", kind: "const", name: "k", iter, body: { t: "block", body: loop } });
      body.push(ret(id("out")));
      break;
    }
    case "optional":
    case "primitive":
      body.push(...readInto(s, t, v, { kind: "root" }, "e"), ret(id("e")));
      break;
    case "json":
    case "box":
    case "named":
      throw new Error(`${t.kind} types have their own readers`);
    default:
      return assertNever(t);
  }
  return { t: "function", name, exported: false, params, returns: tsType(s, t), body };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Statements writing the checked value `value` of type `t`. */
export function writeValue(s: FileScope, t: TypeRef, value: Expr): Stmt[] {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "string":
        case "char":
          return [exprStmt(method(W, "string", value))];
        case "bool":
          return [exprStmt(method(W, "bool", value))];
        case "unit":
          return [exprStmt(method(W, "null"))];
        case "f64":
          return [exprStmt(method(W, "float", value))];
        case "f32":
          return [exprStmt(method(W, "float32", value))];
        default:
          return [exprStmt(method(W, "number", value))];
      }
    case "optional":
      if (t.inner.kind === "optional") {
        // optional<optional<T>>: undefined (left out by its omit rule) or null are written null.
        return [ifStmt(bin("==", value, { t: "lit", text: "null" }), exprStmt(method(W, "null")), writeValue(s, t.inner.inner, value))];
      }
      return [ifStmt(bin("===", value, UNDEFINED), exprStmt(method(W, "null")), writeValue(s, t.inner, value))];
    case "box":
      return writeValue(s, t.inner, value);
    case "json":
      return [exprStmt(call(s.rt("writeJson"), W, value))];
    case "list":
    case "set":
    case "array":
    case "map":
    case "tuple":
    case "named":
      return [exprStmt(call(writerOf(s, t), W, value))];
    default:
      return assertNever(t);
  }
}

/** Whether values of `t` are written without looking at them (`unit`: always null); the writer's parameter is then `_v`. */
export function ignoresValue(t: TypeRef): boolean {
  return t.kind === "box" ? ignoresValue(t.inner) : t.kind === "primitive" && t.name === "unit";
}

/** The writer of `t` in this file. */
export function writerOf(s: FileScope, t: TypeRef): Expr {
  if (t.kind === "named") return s.value(t.name, `write${t.name}`);
  if (t.kind === "box") return writerOf(s, t.inner);
  if (t.kind === "json") return s.rt("writeJson");
  return s.helper(`write${helperName(s, t)}`, () => {
    const v = id("v");
    const body: Stmt[] = [];
    if (t.kind === "list" || t.kind === "set" || t.kind === "array") {
      body.push(
        exprStmt(method(W, "open", str("["))),
        { t: "for-of", kind: "const", name: "e", iter: v, body: { t: "block", body: [exprStmt(method(W, "next")), ...writeValue(s, t.element, id("e"))] } },
        exprStmt(method(W, "close", str("]"))),
      );
    } else if (t.kind === "tuple") {
      body.push(exprStmt(method(W, "open", str("["))));
      t.items.forEach((item, i) => body.push(exprStmt(method(W, "next")), ...writeValue(s, item, { t: "index", object: v, index: num(i) })));
      body.push(exprStmt(method(W, "close", str("]"))));
    } else if (t.kind === "map") {
      const entry: Expr = { t: "as", expr: { t: "index", object: v, index: id("k") }, type: tsType(s, t.value) };
      body.push(
        exprStmt(method(W, "open", str("{"))),
        {
          t: "for-of",
          kind: "const",
          name: "k",
          iter: call(s.rt("sortedKeys"), v, keyComparator(s, t.key)),
          body: { t: "block", body: [exprStmt(method(W, "mapKey", id("k"))), ...writeValue(s, t.value, entry)] },
        },
        exprStmt(method(W, "close", str("}"))),
      );
    } else {
      body.push(...writeValue(s, t, v));
    }
    return {
      t: "function",
      name: `write${helperName(s, t)}`,
      exported: false,
      params: [
        { name: "w", type: s.rtType("JsonWriter") },
        { name: "v", type: tsType(s, t) },
      ],
      returns: ref("void"),
      body,
    };
  });
}

export { isUnitOnly };
