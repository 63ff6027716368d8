/**
 * Straight-line writers: `emitT`, generated for types whose values it can write as serde_json
 * does while checking them, straight into the runtime's byte buffer (no checked copy, one runtime
 * call per field). `stringifyT` first gives it the value as given, which it takes when it is in
 * checked form, the common case (a value parseT or createT gave): every field there, integers in
 * range, enums by their wire names. Anything else (a default to fill, a null none, a value the
 * reader would refuse) throws the runtime's BAIL, and the writer then writes the reader's checked
 * copy, so the errors are the reader's. The checks are the readers' own (`scalarMismatch`, the
 * runtime's integer bounds, an enum's reader). Which JsonWriter functions such a type still needs
 * is `jsonWriterUse`.
 */
import { assertNever, isUnitOnly, type IntegerName, type Field, type ModelIndex, type StructDecl, type EnumDecl, type TypeDecl, type TypeRef } from "../../model/ir.js";
import { childTypes, missingFieldWireValue, payloadTypes, typeRefsOf } from "../../model/facts.js";
import { helperSuffix } from "./facts.js";
import { localName } from "./locals.js";
import { wireForm } from "./wire.js";
import { INT_EXPECTED, scalarMismatch } from "./expr.js";
import type { Expr, Stmt } from "./printer/ast.js";
import { assign, bin, call, constDecl, exprStmt, id, ifStmt, letDecl, member, not, num, ref, str, typeOf, FALSE, NULL, TRUE, type FileScope } from "./scope.js";

const handled = new WeakMap<ModelIndex, Map<string, boolean>>();

/** Whether values of `t` have a straight-line writer. */
export function isStraight(index: ModelIndex, t: TypeRef): boolean {
  switch (t.kind) {
    case "primitive":
      return t.name !== "f32" && t.name !== "f64" && t.name !== "unit";
    case "optional":
      return t.inner.kind !== "optional" && isStraight(index, t.inner);
    case "box":
      return isStraight(index, t.inner);
    case "list":
      return isStraight(index, t.element);
    case "map":
      return t.key.kind === "primitive" && t.key.name === "string" && isStraight(index, t.value);
    case "json":
    case "set":
    case "tuple":
    case "array":
      return false;
    case "named":
      return isStraightNamed(index, t.name);
    default:
      return assertNever(t);
  }
}

function isStraightNamed(index: ModelIndex, name: string): boolean {
  let known = handled.get(index);
  if (known === undefined) handled.set(index, (known = new Map()));
  const seen = known.get(name);
  if (seen !== undefined) return seen;
  known.set(name, false); // a type that holds itself is not handled
  const decl = index.types.get(name)!;
  let result: boolean;
  switch (decl.kind) {
    case "struct":
      result = !decl.transparent && decl.unknownFields === "ignore" && decl.fields.every((f) => isStraightField(index, decl, f));
      break;
    case "enum":
      result = isPlainUnitEnum(decl);
      break;
    case "open-enum":
      result = true;
      break;
    case "string":
    case "newtype":
    case "tuple-struct":
    case "unit-struct":
      result = false;
      break;
    default:
      return assertNever(decl);
  }
  known.set(name, result);
  return result;
}

/** Which JsonWriter functions a type needs: where a type without a straight-line writer calls them. */
export interface JsonWriterUse {
  /** `writeT`: its values are written by the JsonWriter (no straight-line writer), or a writer of such a type calls it. */
  readonly write: boolean;
  /** `writeTFields` (a struct's fields alone): a flattening or internally tagged writer calls it, or `writeT` does. */
  readonly fields: boolean;
  /** `wireT`, where its wire form needs one and its stringifyT goes through JSON.stringify. */
  readonly wire: boolean;
}

const uses = new WeakMap<ModelIndex, { write: Set<string>; fields: Set<string>; wire: Set<string> }>();

/** The JsonWriter functions of a named type (straight-line types need none unless others call them). */
export function jsonWriterUse(index: ModelIndex, name: string): JsonWriterUse {
  let u = uses.get(index);
  if (u === undefined) uses.set(index, (u = findUses(index)));
  return { write: u.write.has(name), fields: u.fields.has(name) || (u.write.has(name) && index.inlined.has(name)), wire: u.wire.has(name) };
}

function findUses(index: ModelIndex): { write: Set<string>; fields: Set<string>; wire: Set<string> } {
  const write = new Set<string>();
  const fields = new Set<string>();
  const wire = new Set<string>();
  const visitWrite = (n: string, inline: boolean): void => {
    const set = inline ? fields : write;
    if (set.has(n)) return;
    set.add(n);
    for (const use of writerCalls(index, index.types.get(n)!)) namedIn(use.type).forEach((x) => visitWrite(x, use.inline));
  };
  for (const n of index.types.keys()) {
    if (isStraightNamed(index, n)) continue;
    visitWrite(n, false);
    // Wire functions fix a struct's own fields only: the non-straight struct's stringifyT calls its own.
    if (wireForm(index, { kind: "named", name: n, range: index.types.get(n)!.range }) === "fix") wire.add(n);
  }
  return { write, fields, wire };
}

/** The type expressions a declaration's JsonWriter writer calls the writers of: a struct's fields alone (`inline`) where flattened or held by an internal tag. */
function writerCalls(index: ModelIndex, decl: TypeDecl): { type: TypeRef; inline: boolean }[] {
  const isStruct = (t: TypeRef): boolean => {
    const inner = t.kind === "box" || t.kind === "optional" ? t.inner : t;
    return inner.kind === "named" && index.types.get(inner.name)?.kind === "struct";
  };
  if (decl.kind === "struct") return decl.fields.map((f) => ({ type: f.type, inline: f.flatten && isStruct(f.type) }));
  if (decl.kind === "enum") {
    return decl.variants.flatMap((v): { type: TypeRef; inline: boolean }[] =>
      v.payload.kind === "newtype" && decl.repr.kind === "internal" && isStruct(v.payload.type)
        ? [{ type: v.payload.type, inline: true }]
        : payloadTypes(v.payload).map((type) => ({ type, inline: false })),
    );
  }
  return typeRefsOf(decl).map((type) => ({ type, inline: false }));
}

/** The named types a type expression holds whose writers its writer calls (a map's keys are written as strings). */
function namedIn(t: TypeRef): string[] {
  if (t.kind === "named") return [t.name];
  if (t.kind === "map") return namedIn(t.value);
  return childTypes(t).flatMap(namedIn);
}

/** A unit-only enum written as its wire names (its reader gives the name: an alias or `other` too). */
function isPlainUnitEnum(decl: EnumDecl): boolean {
  return isUnitOnly(decl) && decl.repr.kind === "external";
}

function isStraightField(index: ModelIndex, decl: StructDecl, f: Field): boolean {
  if (f.skip !== "none" || f.flatten || f.aliases.length > 0) return false;
  // An optional field left out reads as none, which the writer writes for undefined; one whose
  // missing value is something else (its own default, the struct's) cannot be told from none.
  if (f.type.kind === "optional" && missingFieldWireValue(index, decl, f) !== null) return false;
  // The key is written as it is: printable Latin-1, nothing to escape.
  if (![...f.wire].every((c) => c >= " " && c <= "\u00ff" && c !== '"' && c !== "\\" && c !== "\u007f")) return false;
  if (f.omit === "if-default") return false;
  if (f.omit === "if-empty" && !isCollection(f.type)) return false;
  return isStraight(index, f.type);
}

function isCollection(t: TypeRef): boolean {
  const inner = t.kind === "box" ? t.inner : t;
  return inner.kind === "list" || inner.kind === "map" || (inner.kind === "primitive" && inner.name === "string");
}

// ---------------------------------------------------------------------------------------------
// Code

/** Statements writing `value` (not yet checked) of type `t`; `bail` is the runtime's. */
function emitValue(s: FileScope, t: TypeRef, value: Expr): Stmt[] {
  const bail = (): Stmt => exprStmt(call(s.rt("bail")));
  switch (t.kind) {
    case "primitive":
      if (t.name === "string") return [exprStmt(call(s.rt("emitString"), value))];
      if (t.name === "char") return [ifStmt(scalarMismatch(s, t.name, value), bail()), exprStmt(call(s.rt("emitString"), value))];
      if (t.name === "bool") return [exprStmt(call(s.rt("emitBool"), value))];
      return [ifStmt(scalarMismatch(s, t.name, value), bail()), exprStmt(call(s.rt("emitInteger"), value))];
    case "optional":
      return [ifStmt(bin("==", value, NULL), exprStmt(call(s.rt("emitNull"))), emitValue(s, t.inner, value))];
    case "box":
      return emitValue(s, t.inner, value);
    case "list":
    case "map":
      return [exprStmt(call(emitterOf(s, t), value))];
    case "named": {
      const d = s.decl(t.name);
      if (d.kind === "open-enum") return [exprStmt(call(s.rt("emitString"), value))];
      // An enum's reader gives the wire name (or throws): the name is written.
      if (d.kind === "enum") return [exprStmt(call(s.rt("emitString"), call(s.value(t.name, `read${t.name}`), value)))];
      return [exprStmt(call(s.value(t.name, `emit${t.name}`), value))];
    }
    case "json":
    case "set":
    case "tuple":
    case "array":
      throw new Error(`${t.kind} values have no straight-line writer`);
    default:
      return assertNever(t);
  }
}

/**
 * Statements writing a struct's field (`key`: the arguments naming its key): a scalar with its key
 * in one call (a call each cost more than the writing, where the inliner gives up), else the key
 * and then the value.
 */
function emitField(s: FileScope, t: TypeRef, value: Expr, key: Expr[]): Stmt[] {
  const inner = t.kind === "box" ? t.inner : t;
  if (inner.kind === "primitive") {
    const bail = (): Stmt => exprStmt(call(s.rt("bail")));
    switch (inner.name) {
      case "string":
        return [exprStmt(call(s.rt("emitStringField"), ...key, value))];
      case "char":
        return [ifStmt(scalarMismatch(s, inner.name, value), bail()), exprStmt(call(s.rt("emitStringField"), ...key, value))];
      case "unit":
      case "f32":
      case "f64":
        throw new Error(`${inner.name} values have no straight-line writer`);
      case "bool":
        return [exprStmt(call(s.rt("emitBoolField"), ...key, value))];
      default:
        return [exprStmt(call(s.rt("emitIntegerField"), ...key, value, s.rt(INT_EXPECTED[inner.name as IntegerName])))];
    }
  }
  if (inner.kind === "named" && s.decl(inner.name).kind === "open-enum") return [exprStmt(call(s.rt("emitStringField"), ...key, value))];
  if (inner.kind === "named" && s.decl(inner.name).kind === "enum") {
    return [exprStmt(call(s.rt("emitStringField"), ...key, call(s.value(inner.name, `read${inner.name}`), value)))];
  }
  return [exprStmt(call(s.rt("emitKey"), ...key)), ...emitValue(s, t, value)];
}

/** The straight-line writer of a list or map type: a helper of this file. */
function emitterOf(s: FileScope, t: Extract<TypeRef, { kind: "list" | "map" }>): Expr {
  const name = `emit${s.index.types.has(helperSuffix(t)) ? `${helperSuffix(t)}$` : helperSuffix(t)}`;
  return s.helper(name, () => {
    const v = id("v");
    const body: Stmt[] = [];
    if (t.kind === "list") {
      body.push(
        ifStmt(not(call(member(id("Array"), "isArray"), v)), exprStmt(call(s.rt("bail")))),
        exprStmt(call(s.rt("emitOpen"), str("["))),
        {
          t: "for",
          init: { t: "var", kind: "let", name: "i", init: num(0) },
          test: bin("<", id("i"), member(v, "length")),
          update: { t: "update", op: "++", arg: id("i") },
          body: {
            t: "block",
            body:
              t.element.kind === "primitive" && t.element.name === "string"
                ? [exprStmt(call(s.rt("emitStringItem"), bin("===", id("i"), num(0)), { t: "index", object: v, index: id("i") }))]
                : [exprStmt(call(s.rt("emitItem"), bin("===", id("i"), num(0)))), ...emitValue(s, t.element, { t: "index", object: v, index: id("i") })],
          },
        },
        exprStmt(call(s.rt("emitClose"), str("]"), bin("===", member(v, "length"), num(0)))),
      );
    } else {
      // The entries in code-point order (serde's BTreeMap; HashMaps are written sorted too).
      body.push(
        constDecl("m", call(s.rt("emitMapOf"), v)),
        constDecl("keys", call(s.rt("sortedMapKeys"), id("m"))),
        exprStmt(call(s.rt("emitOpen"), str("{"))),
        {
          t: "for",
          init: { t: "var", kind: "let", name: "i", init: num(0) },
          test: bin("<", id("i"), member(id("keys"), "length")),
          update: { t: "update", op: "++", arg: id("i") },
          body: {
            t: "block",
            body: [
              constDecl("k", { t: "as", expr: { t: "index", object: id("keys"), index: id("i") }, type: ref("string") }),
              exprStmt(call(s.rt("emitMapKey"), id("k"), bin("===", id("i"), num(0)))),
              ...emitValue(s, t.value, { t: "index", object: id("m"), index: id("k") }),
            ],
          },
        },
        exprStmt(call(s.rt("emitClose"), str("}"), bin("===", member(id("keys"), "length"), num(0)))),
      );
    }
    return { t: "function", name, exported: false, params: [{ name: "v", type: ref("unknown") }], returns: ref("void"), body };
  });
}

/** The body of a struct's `emitT(v)`: the object, field by field, with the omit rules. */
export function structEmitBody(s: FileScope, decl: StructDecl): Stmt[] {
  const v = id("v");
  const o = id("o");
  const T = decl.name;
  // Every field is written (none skipped or flattened): the `$fields` table holds their wire names in order.
  const keys = id(`${T}$fields`);
  const omittable = (f: Field): boolean => f.omit !== "never";
  const dynamic = decl.fields.some(omittable);
  const body: Stmt[] = [constDecl("o", call(s.rt("emitStruct"), v))];
  if (dynamic) body.push(letDecl("first", TRUE));
  let allBeforeOmittable = true; // every field before this one may have been left out
  const taken = new Set(["v", "o", "first"]);
  decl.fields.forEach((f, i) => {
    // A value read once is passed as it is read; one an omit rule looks at first gets a local.
    const read: Expr = { t: "index", object: o, index: str(f.wire) };
    let value: Expr = read;
    if (f.omit !== "never") {
      const local = localName(f.name, taken);
      taken.add(local);
      value = id(local);
      body.push(constDecl(local, read));
    }
    const first = i === 0 && !dynamic ? TRUE : allBeforeOmittable ? id("first") : FALSE;
    const type = f.omit === "if-none" && f.type.kind === "optional" ? f.type.inner : f.type;
    const write: Stmt[] = emitField(s, type, value, [keys, num(i), first]);
    if (dynamic && allBeforeOmittable) write.push(assign(id("first"), FALSE));
    // A value left out (undefined) is a default to fill: every check refuses it, and the other paths fill it.
    switch (f.omit) {
      case "never":
        body.push(...write);
        break;
      case "if-none":
        body.push(ifStmt(bin("!=", value, NULL), write));
        break;
      case "if-empty": {
        // The value's type is checked before its emptiness decides: a wrong one is not left out.
        const inner = f.type.kind === "box" ? f.type.inner : f.type;
        if (inner.kind === "map") {
          body.push(ifStmt(call(s.rt("hasEntries"), call(s.rt("emitMapOf"), value)), write));
        } else {
          const wrong = inner.kind === "list" ? not(call(member(id("Array"), "isArray"), value)) : bin("!==", typeOf(value), str("string"));
          body.push(ifStmt(wrong, exprStmt(call(s.rt("bail")))));
          body.push(ifStmt(bin(">", member(value, "length"), num(0)), write));
        }
        break;
      }
      case "if-default":
        throw new Error("fields under omit: if-default have no straight-line writer");
      default:
        return assertNever(f.omit);
    }
    if (!omittable(f)) allBeforeOmittable = false;
  });
  body.push(exprStmt(call(s.rt("emitClose"), str("}"), dynamic && allBeforeOmittable ? id("first") : decl.fields.length === 0 ? TRUE : FALSE)));
  return body;
}

