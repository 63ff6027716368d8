/**
 * Type expressions in TypeScript: their types, how a value of one is read (checked and copied,
 * in one function for the fast check and the full report) and written, and their defaults.
 * Declarations of each kind use these for their fields, elements and entries.
 */
import { assertNever, typeText, type TypeRef, type WireValue } from "../../model/ir.js";
import { helperSuffix, typeDefaultValue } from "./facts.js";
import type { Expr, Stmt, TypeNode } from "./printer/ast.js";
import {
  and,
  bin,
  call,
  constDecl,
  exprStmt,
  FileScope,
  id,
  ifStmt,
  method,
  not,
  num,
  optionalMethod,
  or,
  prop,
  ref,
  ret,
  str,
  typeOf,
  union,
  UNDEFINED,
  type FileScope as Scope,
} from "./scope.js";
import { literalExpr } from "./defaults.js";

// ---------------------------------------------------------------------------------------------
// Types

/** The TypeScript type of values of `t` (what readers return). */
export function tsType(s: Scope, t: TypeRef): TypeNode {
  switch (t.kind) {
    case "primitive":
      return ref(t.name === "string" ? "string" : t.name === "bool" ? "boolean" : "number");
    case "optional":
      return union(tsType(s, t.inner), ref("undefined"));
    case "list":
      return { t: "array-type", element: tsType(s, t.element) };
    case "map":
      return ref("Record", [ref("string"), tsType(s, t.value)]);
    case "named":
      return s.type(t.name);
    default:
      return assertNever(t);
  }
}

/** The type accepted where a value of `t` is given in code (structs with defaults may leave fields out). */
export function tsInputType(s: Scope, t: TypeRef): TypeNode {
  switch (t.kind) {
    case "primitive":
      return tsType(s, t);
    case "optional":
      return union(tsInputType(s, t.inner), ref("undefined"));
    case "list":
      return { t: "array-type", element: tsInputType(s, t.element) };
    case "map":
      return ref("Record", [ref("string"), tsInputType(s, t.value)]);
    case "named":
      return s.decl(t.name).kind === "struct" ? s.type(t.name, `${t.name}Input`) : s.type(t.name);
    default:
      return assertNever(t);
  }
}

/** Whether the input type of `t` differs from its value type. */
export function inputDiffers(s: Scope, t: TypeRef): boolean {
  switch (t.kind) {
    case "primitive":
      return false;
    case "optional":
      return inputDiffers(s, t.inner);
    case "list":
      return inputDiffers(s, t.element);
    case "map":
      return inputDiffers(s, t.value);
    case "named":
      return s.decl(t.name).kind === "struct";
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
export function refuse(s: Scope, slot: Slot, value: Expr, expected: Expr): Stmt {
  switch (slot.kind) {
    case "field":
      return exprStmt(call(s.rt("bad"), R, str(slot.key), value, expected));
    case "item":
      return exprStmt(call(s.rt("badItem"), R, slot.key, value, expected));
    case "root":
      return exprStmt(call(s.rt("badItem"), R, UNDEFINED, value, expected));
  }
}

const INT_EXPECTED: Record<string, string> = { u8: "U8", u16: "U16", u32: "U32", u64: "U64", i32: "I32", i64: "I64" };

/** The runtime description of what a scalar should be. */
function scalarExpected(s: Scope, name: string): Expr {
  if (name === "string") return s.rt("STRING");
  if (name === "bool") return s.rt("BOOLEAN");
  if (name === "f64") return s.rt("NUMBER");
  return s.rt(INT_EXPECTED[name]!);
}

/** The test that a value is NOT of the scalar type (a fast, exact check). */
function scalarMismatch(name: string, v: Expr): Expr {
  const notNumber = bin("!==", typeOf(v), str("number"));
  switch (name) {
    case "string":
      return bin("!==", typeOf(v), str("string"));
    case "bool":
      return bin("!==", typeOf(v), str("boolean"));
    case "u8":
      return or(notNumber, bin("!==", bin("&", v, num(255)), v));
    case "u16":
      return or(notNumber, bin("!==", bin("&", v, num(65535)), v));
    case "u32":
      return or(notNumber, bin("!==", bin(">>>", v, num(0)), v));
    case "i32":
      return or(notNumber, bin("!==", bin("|", v, num(0)), v));
    case "u64":
      return or(notNumber, not(call(member2("Number", "isInteger"), v)), bin("<", v, num(0)), bin(">", v, num(9007199254740992)));
    case "i64":
      return or(
        notNumber,
        not(call(member2("Number", "isInteger"), v)),
        bin("<", v, num(-9007199254740992)),
        bin(">", v, num(9007199254740992)),
      );
    default:
      throw new Error(`no check for ${name}`);
  }
}

function member2(object: string, name: string): Expr {
  return { t: "member", object: id(object), name };
}

/** The name of a reader of `t` in this file: the declaration's reader, or a helper for a container. */
export function readerOf(s: Scope, t: TypeRef): Expr {
  switch (t.kind) {
    case "named":
      return s.value(t.name, `read${t.name}`);
    case "list":
    case "map":
    case "optional":
    case "primitive":
      return s.helper(`read${helperSuffix(t)}`, () => containerReader(s, t));
    default:
      return assertNever(t);
  }
}

/**
 * Statements that read the value `source` of type `t` in `slot` into the constant `local`; the
 * value may have been left out (undefined) only when `fallback` is given, which is then used.
 */
export function readInto(s: Scope, t: TypeRef, source: Expr, slot: Slot, local: string, fallback?: Expr): Stmt[] {
  const L = id(local);
  const given = fallback === undefined ? source : { t: "cond", test: bin("===", source, UNDEFINED), then: fallback, else: source } as Expr;
  switch (t.kind) {
    case "primitive":
      if (t.name === "f64") {
        const read = call(s.rt("float"), source, R, slot.kind === "field" ? str(slot.key) : slot.kind === "item" ? slot.key : UNDEFINED, { t: "lit", text: slot.kind === "field" ? "true" : "false" });
        return [constDecl(local, fallback === undefined ? read : ({ t: "cond", test: bin("===", source, UNDEFINED), then: fallback, else: read } as Expr))];
      }
      return [constDecl(local, given), ifStmt(scalarMismatch(t.name, L), refuse(s, slot, L, scalarExpected(s, t.name)))];
    case "optional": {
      if (t.inner.kind === "primitive" && t.inner.name !== "f64") {
        const value: Expr = { t: "binary", op: "??", left: source, right: UNDEFINED };
        const init = fallback === undefined ? value : ({ t: "cond", test: bin("===", source, UNDEFINED), then: fallback, else: value } as Expr);
        return [
          constDecl(local, init),
          ifStmt(and(bin("!==", L, UNDEFINED), scalarMismatch(t.inner.name, L)), refuse(s, slot, L, call(s.rt("orNull"), scalarExpected(s, t.inner.name)))),
        ];
      }
      // optional<named or container>: null and missing are none.
      const read = call(readerOf(s, t.inner), source, childReport(slot));
      const none = bin("==", source, { t: "lit", text: "null" });
      const value: Expr = { t: "cond", test: none, then: UNDEFINED, else: read };
      const init = fallback === undefined ? value : ({ t: "cond", test: bin("===", source, UNDEFINED), then: fallback, else: value } as Expr);
      return [constDecl(local, init)];
    }
    case "list":
    case "map":
    case "named": {
      const read = call(readerOf(s, t), source, childReport(slot));
      return [constDecl(local, fallback === undefined ? read : ({ t: "cond", test: bin("===", source, UNDEFINED), then: fallback, else: read } as Expr))];
    }
    default:
      return assertNever(t);
  }
}

/** A helper reading a list, map or optional value of a given element type: `readStringList(v, r)`. */
function containerReader(s: Scope, t: TypeRef): import("./printer/ast.js").Decl {
  const v = id("v");
  const name = `read${helperSuffix(t)}`;
  const params = [
    { name: "v", type: ref("unknown") },
    { name: "r", type: s.rtType("Report"), optional: true },
  ];
  const body: Stmt[] = [];
  switch (t.kind) {
    case "list": {
      body.push(constDecl("a", call(s.rt("list"), v, R)));
      body.push(constDecl("out", { t: "array", items: [] }, { t: "array-type", element: tsType(s, t.element) }));
      const loop: Stmt[] = [
        ...readInto(s, t.element, { t: "index", object: id("a"), index: id("i") }, { kind: "item", key: id("i") }, "e"),
        exprStmt(method(id("out"), "push", id("e"))),
      ];
      body.push({
        t: "for",
        init: { t: "var", kind: "let", name: "i", init: num(0) },
        test: bin("<", id("i"), { t: "member", object: id("a"), name: "length" }),
        update: { t: "update", op: "++", arg: id("i") },
        body: { t: "block", body: loop },
      });
      body.push(ret(id("out")));
      break;
    }
    case "map": {
      body.push(constDecl("m", call(s.rt("map"), v, R)));
      body.push(constDecl("out", { t: "object", props: [] }, ref("Record", [ref("string"), tsType(s, t.value)])));
      const loop: Stmt[] = [
        ...readInto(s, t.value, { t: "index", object: id("m"), index: id("k") }, { kind: "item", key: id("k") }, "e"),
        exprStmt(call(s.rt("setEntry"), id("out"), id("k"), id("e"))),
      ];
      body.push({ t: "for-of", kind: "const", name: "k", iter: call(member2("Object", "keys"), id("m")), body: { t: "block", body: loop } });
      body.push(ret(id("out")));
      break;
    }
    case "optional":
    case "primitive":
      body.push(...readInto(s, t, v, { kind: "root" }, "e"), ret(id("e")));
      break;
    case "named":
      throw new Error("named types have their own readers");
    default:
      return assertNever(t);
  }
  return { t: "function", name, exported: false, params, returns: tsType(s, t), body };
}

// ---------------------------------------------------------------------------------------------
// Writing

const W = id("w");

/** Statements writing the checked value `value` of type `t`. */
export function writeValue(s: Scope, t: TypeRef, value: Expr): Stmt[] {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "string":
          return [exprStmt(method(W, "string", value))];
        case "bool":
          return [exprStmt(method(W, "bool", value))];
        case "f64":
          return [exprStmt(method(W, "float", value))];
        default:
          return [exprStmt(method(W, "number", value))];
      }
    case "optional":
      return [ifStmt(bin("===", value, UNDEFINED), exprStmt(method(W, "null")), writeValue(s, t.inner, value))];
    case "list":
    case "map":
    case "named":
      return [exprStmt(call(writerOf(s, t), W, value))];
    default:
      return assertNever(t);
  }
}

/** The writer of `t` in this file. */
export function writerOf(s: Scope, t: TypeRef): Expr {
  if (t.kind === "named") return s.value(t.name, `write${t.name}`);
  return s.helper(`write${helperSuffix(t)}`, () => {
    const body: Stmt[] = [];
    if (t.kind === "list") {
      body.push(
        exprStmt(method(W, "open", str("["))),
        {
          t: "for-of",
          kind: "const",
          name: "e",
          iter: id("v"),
          body: { t: "block", body: [exprStmt(method(W, "next")), ...writeValue(s, t.element, id("e"))] },
        },
        exprStmt(method(W, "close", str("]"))),
      );
    } else if (t.kind === "map") {
      const entry: Expr = { t: "as", expr: { t: "index", object: id("v"), index: id("k") }, type: tsType(s, t.value) };
      body.push(
        exprStmt(method(W, "open", str("{"))),
        {
          t: "for-of",
          kind: "const",
          name: "k",
          iter: call(s.rt("sortedKeys"), id("v")),
          body: { t: "block", body: [exprStmt(method(W, "mapKey", id("k"))), ...writeValue(s, t.value, entry)] },
        },
        exprStmt(method(W, "close", str("}"))),
      );
    } else {
      body.push(...writeValue(s, t, id("v")));
    }
    return {
      t: "function",
      name: `write${helperSuffix(t)}`,
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

// ---------------------------------------------------------------------------------------------
// Defaults

/** A fresh value of a default given as wire JSON. */
export function defaultExpr(s: Scope, t: TypeRef, value: WireValue): Expr {
  return literalExpr(s, t, value);
}

/** A fresh value of the type's own default. */
export function typeDefaultExpr(s: Scope, t: TypeRef): Expr {
  if (t.kind === "named") {
    const decl = s.decl(t.name);
    if (decl.kind === "struct") return call(s.value(t.name, `default${t.name}`));
  }
  return literalExpr(s, t, typeDefaultValue(s.index, t)!);
}

export { typeText };
export type { FileScope };
export { prop };
