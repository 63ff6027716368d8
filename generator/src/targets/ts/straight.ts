/**
 * Straight-line writers: `textT(v, d)`, generated for types whose values it can write as serde_json
 * does while checking them: the value's JSON text as one concatenation of the type's separators
 * (the runtime's `textSeparators`, made once per type and depth: braces, commas, indentation, keys, the
 * quotes around string fields) and each field's text, which the engine joins natively.
 * `stringifyT` first gives it the value as given, which it takes when it is in checked form, the
 * common case (a value parseT or createT gave): every field there, integers in range, enums by
 * their wire names. Anything else (a default to fill, a null none, a value the reader would
 * refuse) throws the runtime's BAIL, and the writer then writes the reader's checked copy, so the
 * errors are the reader's. The checks are the readers' own (`scalarMismatch`, the runtime's
 * integer bounds, an enum's reader). Which JsonWriter functions such a type still needs is
 * `jsonWriterUse`.
 */
import { assertNever, isUnitOnly, type IntegerName, type Field, type ModelIndex, type StructDecl, type EnumDecl, type TypeDecl, type TypeRef } from "../../model/ir.js";
import { childTypes, missingFieldWireValue, payloadTypes, typeRefsOf } from "../../model/facts.js";
import { helperSuffix } from "./facts.js";
import { localName } from "./locals.js";
import { wireForm } from "./wire.js";
import { INT_EXPECTED, scalarMismatch } from "./expr.js";
import type { Expr, Stmt } from "./printer/ast.js";
import { bin, call, cond, constDecl, exprStmt, id, ifStmt, letDecl, member, num, ref, ret, str, typeOf, NULL, type FileScope } from "./scope.js";

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
  // Keys of printable Latin-1 with nothing to escape; others (no fixture has one to test them by) keep the other paths.
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

/** Whether a name is written as it is between quotes (nothing to escape, no surrogate). */
function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/**
 * Where `t` is written as a string: the characters of `value` (not yet checked), for the quoted
 * separators (`textSeparators`, `textList`, `textEntries`), or with `whole` the string with its quotes;
 * undefined for other types.
 */
function stringText(s: FileScope, t: TypeRef, value: Expr, whole = false): Expr | undefined {
  const inner = t.kind === "box" ? t.inner : t;
  const text = (v: Expr): Expr => call(s.rt(whole ? "textString" : "textChars"), v);
  if (inner.kind === "primitive") {
    if (inner.name === "string") return text(value);
    if (inner.name === "char") return cond(scalarMismatch(s, inner.name, value), call(s.rt("bail")), text(value));
    return undefined;
  }
  if (inner.kind !== "named") return undefined;
  const d = s.decl(inner.name);
  if (d.kind === "open-enum") return text(value);
  if (d.kind !== "enum") return undefined;
  // An enum's reader gives the wire name (or throws): names with nothing to escape are written as they are.
  const name = call(s.value(inner.name, `read${inner.name}`), value);
  if (!d.variants.every((v) => isPlainText(v.wire))) return text(name);
  return whole ? bin("+", bin("+", str('"'), name), str('"')) : name;
}

/** The text of `value` (not yet checked) of type `t`, `depth` levels deep. */
function textValue(s: FileScope, t: TypeRef, value: Expr, depth: Expr): Expr {
  const whole = stringText(s, t, value, true);
  if (whole !== undefined) return whole;
  switch (t.kind) {
    case "primitive":
      if (t.name === "bool") return call(s.rt("textBool"), value);
      if (t.name === "unit" || t.name === "f32" || t.name === "f64") throw new Error(`${t.name} values have no straight-line writer`);
      return call(s.rt("textInteger"), value, s.rt(INT_EXPECTED[t.name as IntegerName]));
    case "optional":
      return cond(bin("==", value, NULL), str("null"), textValue(s, t.inner, value, depth));
    case "box":
      return textValue(s, t.inner, value, depth);
    case "list":
    case "map":
      return call(textHelperOf(s, t), value, depth);
    case "named":
      return call(s.value(t.name, `text${t.name}`), value, depth);
    case "json":
    case "set":
    case "tuple":
    case "array":
      throw new Error(`${t.kind} values have no straight-line writer`);
    default:
      return assertNever(t);
  }
}

const index = (object: Expr, i: number | Expr): Expr => ({ t: "index", object, index: typeof i === "number" ? num(i) : i });

/** `a + b + c ...`, left to right. */
function concat(parts: readonly Expr[]): Expr {
  return parts.slice(1).reduce((left, right) => bin("+", left, right), parts[0]!);
}

/** `t += part` */
const append = (part: Expr): Stmt => exprStmt({ t: "assign", op: "+=", left: id("t"), right: part });

/** The straight-line writer of a list or map type: the runtime's for strings, else a helper of this file. */
function textHelperOf(s: FileScope, t: Extract<TypeRef, { kind: "list" | "map" }>): Expr {
  const inner = t.kind === "list" ? t.element : t.value;
  if (inner.kind === "primitive" && inner.name === "string") return s.rt(t.kind === "list" ? "textStringList" : "textStringMap");
  const name = `text${s.index.types.has(helperSuffix(t)) ? `${helperSuffix(t)}$` : helperSuffix(t)}`;
  return s.helper(name, () => {
    const d = id("d");
    const k = id("k");
    const i = id("i");
    const deeper = bin("+", d, num(1));
    const item = (value: Expr): { quoted: number; text: Expr } => {
      const chars = stringText(s, inner, value);
      return chars === undefined ? { quoted: 0, text: textValue(s, inner, value, deeper) } : { quoted: 1, text: chars };
    };
    const loop = (length: Expr, each: Stmt[]): Stmt => ({
      t: "for",
      init: letDecl("i", num(0)),
      test: bin("<", i, length),
      update: { t: "update", op: "++", arg: i },
      body: { t: "block", body: each },
    });
    const first = cond(bin("===", i, num(0)), index(k, 0), index(k, 1));
    const body: Stmt[] = [];
    const templated = t.kind === "list" ? inlinedStruct(s, inner, new Set()) : undefined;
    const listBody = templated === undefined ? undefined : templatedListBody(s, templated, name);
    if (listBody !== undefined) {
      body.push(...listBody);
    } else if (t.kind === "list") {
      const { quoted, text } = item(index(id("a"), i));
      body.push(
        constDecl("a", call(s.rt("textArray"), id("v"))),
        ifStmt(bin("===", member(id("a"), "length"), num(0)), ret(str("[]"))),
        constDecl("k", call(s.rt("textList"), d, num(quoted))),
        letDecl("t", str("")),
        loop(member(id("a"), "length"), [append(bin("+", first, text))]),
        ret(bin("+", id("t"), index(k, 2))),
      );
    } else {
      // The entries in code-point order (serde's BTreeMap; HashMaps are written sorted too).
      const { quoted, text } = item(index(id("m"), id("key")));
      body.push(
        constDecl("m", call(s.rt("textMapOf"), id("v"))),
        constDecl("keys", call(s.rt("sortedMapKeys"), id("m"))),
        ifStmt(bin("===", member(id("keys"), "length"), num(0)), ret(str("{}"))),
        constDecl("k", call(s.rt("textEntries"), d, num(quoted))),
        letDecl("t", str("")),
        loop(member(id("keys"), "length"), [
          constDecl("key", { t: "as", expr: index(id("keys"), i), type: ref("string") }),
          append(concat([first, call(s.rt("textChars"), id("key")), index(k, 2), text])),
        ]),
        ret(bin("+", id("t"), index(k, 3))),
      );
    }
    return {
      t: "function",
      name,
      exported: false,
      params: [
        { name: "v", type: ref("unknown") },
        { name: "d", type: ref("number") },
      ],
      returns: ref("string"),
      body,
    };
  });
}

/**
 * The body of a struct's `textT(v, d)`: one concatenation of its separators and its fields' text,
 * string fields between quotes the separators hold; where an omit rule may leave fields out, the
 * text of those written is gathered first, and the first of them opens the object (`textFields`).
 */
export function structTextBody(s: FileScope, decl: StructDecl): Stmt[] {
  const o = id("o");
  const k = id("k");
  const deeper = bin("+", id("d"), num(1));
  const n = decl.fields.length;
  // Every field is written (none skipped or flattened): the `$fields` table holds their wire names in order.
  const keys = id(`${decl.name}$fields`);
  const body: Stmt[] = [constDecl("o", call(s.rt("textStruct"), id("v")))];
  if (n === 0) return [...body, ret(str("{}"))];
  if (isTemplated(decl) && mergesPieces(s, decl)) return [...body, ...templateText(s, decl)];
  if (isTemplated(decl)) {
    let quoted = 0;
    const parts: Expr[] = [];
    decl.fields.forEach((f, i) => {
      const read = index(o, str(f.wire));
      const chars = i < 31 ? stringText(s, f.type, read) : undefined;
      if (chars !== undefined) quoted |= 1 << i;
      parts.push(index(k, i), chars ?? textValue(s, f.type, read, deeper));
    });
    parts.push(index(k, n));
    return [...body, constDecl("k", call(s.rt("textSeparators"), keys, id("d"), num(quoted))), ret(concat(parts))];
  }
  body.push(constDecl("k", call(s.rt("textSeparators"), keys, id("d"), num(0))), letDecl("t", str("")));
  const taken = new Set(["v", "d", "o", "k", "t"]);
  let written = false; // a field before this one is always written
  decl.fields.forEach((f, i) => {
    // The first field written opens the object, the others follow a comma (textSeparators has
    // both); which one it is is known here unless only fields an omit rule may leave out came before.
    const separator = i === 0 || written ? index(k, i) : cond(bin("===", id("t"), str("")), index(k, n + 1 + i), index(k, i));
    if (f.omit === "never") written = true;
    const read = index(o, str(f.wire));
    if (f.omit === "never") {
      body.push(append(bin("+", separator, textValue(s, f.type, read, deeper))));
      return;
    }
    // A value an omit rule looks at gets a local; a value left out (undefined) is a default to fill: every check refuses it, and the other paths fill it.
    const local = localName(f.name, taken);
    taken.add(local);
    const value = id(local);
    const inner = f.type.kind === "box" ? f.type.inner : f.type;
    if (f.omit === "if-empty" && (inner.kind === "map" || inner.kind === "list")) {
      // A list or map is written first (its writer checks it), and left out where its text is the empty one.
      body.push(constDecl(local, textValue(s, f.type, read, deeper)));
      body.push(ifStmt(bin("!==", value, str(inner.kind === "map" ? "{}" : "[]")), append(bin("+", separator, value))));
      return;
    }
    body.push(constDecl(local, read));
    switch (f.omit) {
      case "if-none": {
        const type = f.type.kind === "optional" ? f.type.inner : f.type;
        body.push(ifStmt(bin("!=", value, NULL), append(bin("+", separator, textValue(s, type, value, deeper)))));
        break;
      }
      case "if-empty":
        // A string: its type is checked before its emptiness decides (a wrong one is not left out).
        body.push(
          ifStmt(bin("!==", typeOf(value), str("string")), exprStmt(call(s.rt("bail")))),
          ifStmt(bin(">", member(value, "length"), num(0)), append(bin("+", separator, textValue(s, f.type, value, deeper)))),
        );
        break;
      case "if-default":
        throw new Error("fields under omit: if-default have no straight-line writer");
      default:
        return assertNever(f.omit);
    }
  });
  body.push(ret(call(s.rt("textFields"), id("t"), index(k, n))));
  return body;
}

// ---------------------------------------------------------------------------------------------
// Templates: structs whose fields are all written

/** Whether every field of a struct is written (no omit rule): its text is a template with a hole per value. */
function isTemplated(decl: StructDecl): boolean {
  return decl.fields.every((f) => f.omit === "never");
}

/**
 * Whether a template joins pieces the separators would keep apart: a boolean's text, or a struct
 * written within it. Other structs keep `textSeparators`, made from their `$fields` table, which
 * says the same in fewer bytes of code.
 */
function mergesPieces(s: FileScope, decl: StructDecl): boolean {
  return decl.fields.some((f) => isBool(f.type) || inlinedStruct(s, f.type, new Set([decl.name])) !== undefined);
}

/** Whether values of `t` are booleans, whose text a template holds both ways. */
function isBool(t: TypeRef): boolean {
  const inner = t.kind === "box" ? t.inner : t;
  return inner.kind === "primitive" && inner.name === "bool";
}

/** The struct a field's value is, where its writer is written within the template of the struct holding it. */
function inlinedStruct(s: FileScope, t: TypeRef, chain: ReadonlySet<string>): StructDecl | undefined {
  const inner = t.kind === "box" ? t.inner : t;
  if (inner.kind !== "named" || chain.has(inner.name)) return undefined;
  const d = s.decl(inner.name);
  return d.kind === "struct" && isStraightNamed(s.index, d.name) && isTemplated(d) ? d : undefined;
}

/** A templated value's text: its compact pieces (a boolean's two endings as one entry), and the parts of its concatenation. */
interface Template {
  /** The text between values, compact: one entry per value and the closing one; a boolean's two endings as an array. */
  readonly pieces: (string | string[])[];
  /** `k[0]`, the first value's text, `k[1]`, ..., the last piece: the pieces as laid out (`textPieces`), in `k`. */
  readonly parts: Expr[];
  /** The locals of the structs written within it (`textStruct` of each), in the order they are read. */
  readonly locals: Stmt[];
  /** The number of values between the pieces (booleans are part of them). */
  readonly holes: number;
  /** The index of the closing piece among the laid out ones. */
  readonly closing: number;
}

/**
 * The template of a struct's text, read from `o` (not yet checked as an object) and `levels` deeper
 * than `d`: within it the fields of the structs it holds whose fields are all written too (each
 * such value checked as an object first, `textStruct`, into a local named after its field), and a
 * boolean's `false` or `true` as part of the piece before it (`textBit` picks).
 */
function templateOf(s: FileScope, decl: StructDecl, o: Expr, levels: number, taken: Set<string>): Template {
  const k = id("k");
  const pieces: (string | string[])[] = [];
  const parts: Expr[] = [];
  const locals: Stmt[] = [];
  let holes = 0;
  let text = ""; // the compact text since the last value
  let at = 0; // the index of the next piece among the laid out ones (a boolean's two count twice)
  const hole = (value: Expr): void => {
    pieces.push(text);
    parts.push(index(k, at++), value);
    text = "";
    holes++;
  };
  const fieldsOf = (d: StructDecl, o: Expr, level: number, chain: ReadonlySet<string>): void => {
    if (d.fields.length === 0) text += "{";
    d.fields.forEach((f, i) => {
      text += `${i === 0 ? "{" : ","}${JSON.stringify(f.wire)}:`;
      const read = index(o, str(f.wire));
      const nested = inlinedStruct(s, f.type, chain);
      if (nested !== undefined) {
        const local = localName(f.name, taken);
        taken.add(local);
        locals.push(constDecl(local, call(s.rt("textStruct"), read)));
        fieldsOf(nested, id(local), level + 1, new Set([...chain, nested.name]));
        return;
      }
      if (isBool(f.type)) {
        pieces.push([`${text}false`, `${text}true`]);
        parts.push(index(k, bin("+", num(at), call(s.rt("textBit"), read))));
        at += 2;
        text = "";
        return;
      }
      const chars = stringText(s, f.type, read);
      if (chars !== undefined) {
        text += '"';
        hole(chars);
        text += '"';
        return;
      }
      hole(textValue(s, f.type, read, bin("+", id("d"), num(level + 1))));
    });
    text += "}";
  };
  fieldsOf(decl, o, levels, new Set([decl.name]));
  pieces.push(text);
  parts.push(index(k, at));
  return { pieces, parts, locals, holes, closing: at };
}

/**
 * A template's pieces as a module-level constant, `T$text`: the compact text, which `textPieces`
 * lays out at a depth (no comment of its own, as `T$fields` has none: the runtime's says it once).
 */
function templateTable(s: FileScope, name: string, pieces: readonly (string | string[])[]): Expr {
  const items = pieces.map((p): Expr => (typeof p === "string" ? str(p) : { t: "array", items: p.map(str) }));
  return s.helper(name, () => ({ t: "const", name, exported: false, init: { t: "array", items } }));
}

/**
 * The statements of a templated struct's `textT` after `o`: the text between its values is the
 * module's `T$text`, one piece per value, so that the engine joins as few strings as it can.
 */
function templateText(s: FileScope, decl: StructDecl): Stmt[] {
  const { pieces, parts, locals } = templateOf(s, decl, id("o"), 0, new Set(["v", "d", "o", "k"]));
  const table = templateTable(s, `${decl.name}$text`, pieces);
  return [...locals, constDecl("k", call(s.rt("textPieces"), table, id("d"))), ret(concat(parts))];
}

/**
 * The body of a list's writer whose elements are templated structs starting with a value: one
 * template for the list, whose pieces join the end of an element and the start of the next
 * (`},{"name":"`), or the end of the last and the list's (`}]`).
 */
function templatedListBody(s: FileScope, decl: StructDecl, name: string): Stmt[] | undefined {
  const i = id("i");
  const k = id("k");
  const taken = new Set(["v", "d", "a", "k", "t", "i", "o"]);
  const { pieces, parts, locals, holes, closing } = templateOf(s, decl, id("o"), 1, taken);
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1] as string;
  if (holes === 0 || typeof first !== "string") return undefined;
  // Laid out, the element's closing piece is at `closing`: the list's pieces there join it to the next element or close the list.
  const listPieces = [`[${first}`, ...pieces.slice(1, -1), [`${last},${first}`, `${last}]`]];
  const table = templateTable(s, `${name.slice("text".length)}$text`, listPieces);
  const element = [cond(bin("===", i, num(0)), index(k, 0), index(k, closing)), ...parts.slice(1, -1)];
  return [
    constDecl("a", call(s.rt("textArray"), id("v"))),
    ifStmt(bin("===", member(id("a"), "length"), num(0)), ret(str("[]"))),
    constDecl("k", call(s.rt("textPieces"), table, id("d"))),
    letDecl("t", str("")),
    {
      t: "for",
      init: letDecl("i", num(0)),
      test: bin("<", i, member(id("a"), "length")),
      update: { t: "update", op: "++", arg: i },
      body: { t: "block", body: [constDecl("o", call(s.rt("textStruct"), index(id("a"), i))), ...locals, append(concat(element))] },
    },
    ret(bin("+", id("t"), index(k, closing + 1))),
  ];
}
