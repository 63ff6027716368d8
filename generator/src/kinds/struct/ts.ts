/**
 * Structs in TypeScript: an interface of the wire fields, the input type of `createT`, the reader
 * (checks and copies every field, fills defaults, reports every issue in report mode), the writer
 * (fields in declaration order, omit rules), and `defaultT` when the struct has one. Enums' struct
 * variants are read and written by the same code (`StructLike`).
 */
import { isFieldRequired, typeHasDefault } from "../../model/facts.js";
import { assertNever, type Field, type StructDecl, type TypeRef } from "../../model/ir.js";
import { typeApi } from "../../targets/ts/api.js";
import { fieldDefault, literalExpr, structDefault, typeDefault, valueFields } from "../../targets/ts/defaults.js";
import { childReport, fieldOf, ignoresValue, inputDiffers, readerOf, readInto, tsInputType, tsType, writerOf, writeValue } from "../../targets/ts/expr.js";
import { localName } from "../../targets/ts/locals.js";
import { isStraight, jsonWriterUse, structTextBody } from "../../targets/ts/straight.js";
import { structWireBody } from "../../targets/ts/wire.js";
import type { Decl, Expr, Member, Stmt, TypeNode } from "../../targets/ts/printer/ast.js";
import {
  bin,
  call,
  cond,
  constDecl,
  docText,
  exprStmt,
  id,
  ifStmt,
  method,
  not,
  num,
  prop,
  ref,
  ret,
  str,
  union,
  UNDEFINED,
  type FileScope,
} from "../../targets/ts/scope.js";

/** A struct's fields as the reader and writer see them: a struct, or an enum's struct variant. */
export interface StructLike {
  /** Name in messages: `PoolSpec`, or `Command::Scale`. */
  readonly label: string;
  /** Prefix of the module-level tables of its field names (`PoolSpec` gives `PoolSpec$fields`). */
  readonly tables: string;
  readonly fields: readonly Field[];
  readonly deny: boolean;
  /** Keys allowed besides the fields (an internal tag). */
  readonly extra: readonly string[];
  /** Missing fields take the struct's Default (serde `default` on the container): `defaultT()`. */
  readonly missingFrom: Expr | undefined;
}

export function structLike(decl: StructDecl): StructLike {
  return {
    label: decl.name,
    tables: decl.name,
    fields: decl.fields,
    deny: decl.unknownFields === "deny",
    extra: [],
    missingFrom: decl.missingFromDefault ? call(id(`default${decl.name}`)) : undefined,
  };
}

export function structTs(s: FileScope, decl: StructDecl): Decl[] {
  const hasDefault = typeHasDefault(s.index, { kind: "named", name: decl.name, range: decl.range });
  const T = decl.name;
  const out: Decl[] = [];
  if (decl.transparent) out.push(...transparentDecls(s, decl));
  else out.push(...declarations(s, decl), ...tables(structLike(decl)), reader(s, decl), ...writers(s, decl), ...wireFunction(s, decl), ...textFunction(s, decl));
  if (hasDefault) {
    out.push({
      t: "function",
      name: `default${T}`,
      exported: true,
      params: [],
      returns: ref(T),
      body: [ret(decl.transparent ? transparentDefault(s, decl) : structDefault(s, decl))],
      doc: `The default ${T} (Rust \`Default::default()\`), fresh on every call.`,
    });
  }
  const allDefaulted = decl.fields.every((f) => f.default !== undefined || f.type.kind === "optional" || f.skip === "both" || f.skip === "deserializing");
  out.push(
    ...typeApi(s, decl, {
      input: ref(`${T}Input`),
      optionalInput: hasDefault && (allDefaulted || decl.missingFromDefault),
      defaultFn: hasDefault ? `default${T}` : undefined,
      guard: false,
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Declarations

function fieldDoc(s: FileScope, f: Field): string {
  return docText(f.doc, defaultDoc(s, f), omitDoc(f), skipDoc(f), f.aliases.length > 0 ? `Also read as ${f.aliases.map((a) => `\`${JSON.stringify(a)}\``).join(", ")}.` : undefined);
}

function defaultDoc(s: FileScope, f: Field): string | undefined {
  const d = f.default;
  if (d === undefined) return undefined;
  if (d.kind === "literal") return `@defaultValue \`${JSON.stringify(d.value)}\``;
  if (f.type.kind === "named" && s.decl(f.type.name).kind !== "enum" && s.decl(f.type.name).kind !== "open-enum") {
    return `@defaultValue \`default${f.type.name}()\` (the type's default)`;
  }
  return `@defaultValue \`${printInline(typeDefault(s, f.type))}\``;
}

/** A default value as TSDoc shows it: the JSON of the value (defaults are JSON data). */
function printInline(e: Expr): string {
  switch (e.t) {
    case "str":
      return JSON.stringify(e.value);
    case "num":
      return String(e.value);
    case "lit":
      return e.text;
    case "array":
      return `[${e.items.map(printInline).join(", ")}]`;
    case "object":
      return e.props.length === 0 ? "{}" : `{ ${e.props.map((p) => `${p.key}: ${printInline(p.value)}`).join(", ")} }`;
    case "unary":
      return `${e.op}${printInline(e.arg)}`;
    default:
      return "...";
  }
}

function omitDoc(f: Field): string | undefined {
  switch (f.omit) {
    case "never":
      return undefined;
    case "if-none":
      return "Left out of the JSON when undefined.";
    case "if-empty":
      return "Left out of the JSON when empty.";
    case "if-default":
      return "Left out of the JSON when equal to its default.";
    default:
      return assertNever(f.omit);
  }
}

function skipDoc(f: Field): string | undefined {
  if (f.skip === "serializing") return "Read, never written (serde `skip_serializing`).";
  if (f.skip === "deserializing") return "Never read (always its default), written (serde `skip_deserializing`).";
  return undefined;
}

/** The members of a struct-like's TypeScript type: its fields that are not flattened, by wire name. */
export function structMembers(s: FileScope, fields: readonly Field[]): Member[] {
  return fields
    .filter((f) => f.skip !== "both" && !f.flatten)
    .map((f) => ({ name: f.wire, optional: f.type.kind === "optional", type: tsType(s, f.type), doc: fieldDoc(s, f) }));
}

/** What the flattened fields add to the type: interfaces to extend, and other types to intersect. */
function flattened(s: FileScope, fields: readonly Field[]): { extends: TypeNode[]; intersect: TypeNode[]; map?: TypeNode } {
  const out: { extends: TypeNode[]; intersect: TypeNode[]; map?: TypeNode } = { extends: [], intersect: [] };
  for (const f of fields) {
    if (!f.flatten || f.skip === "both") continue;
    const t = f.type.kind === "box" ? f.type.inner : f.type;
    if (t.kind === "named" && s.decl(t.name).kind === "struct") out.extends.push(s.type(t.name));
    else if (t.kind === "optional") out.extends.push(ref("Partial", [tsType(s, t.inner)]));
    else if (t.kind === "map") out.map = tsType(s, t.value);
    else out.intersect.push(tsType(s, t));
  }
  return out;
}

function declarations(s: FileScope, decl: StructDecl): Decl[] {
  const T = decl.name;
  const members = structMembers(s, decl.fields);
  const unknown = decl.unknownFields === "deny" ? "Reading refuses fields not declared here." : undefined;
  const doc = docText(decl.doc, unknown);
  const flat = flattened(s, decl.fields);
  const out: Decl[] = [];
  if (flat.intersect.length === 0 && flat.map === undefined) {
    out.push({ t: "interface", name: T, exported: true, members, ...(flat.extends.length > 0 && { extends: flat.extends }), doc });
  } else {
    const F = ref(`${T}Fields`);
    out.push({ t: "interface", name: `${T}Fields`, exported: true, members, ...(flat.extends.length > 0 && { extends: flat.extends }), doc: `The fields of {@link ${T}} that are not flattened maps or enums.` });
    // A flattened map's entries sit beside the fields: every key holds an entry's type or a field's.
    const entries: TypeNode[] = flat.map === undefined ? [] : [ref("Record", [ref("string"), union(flat.map, { t: "indexed", object: F, index: { t: "keyof", type: F } })])];
    out.push({ t: "type", name: T, exported: true, type: { t: "intersection", types: [F, ...flat.intersect, ...entries] }, doc });
  }

  // The input type redeclares only the fields that differ: defaulted ones may be left out, nested structs take their input.
  const fields = valueFields(decl).filter((f) => !f.flatten);
  const changed = decl.fields.some((f) => f.flatten) ? [] : fields.filter((f) => f.default !== undefined || f.skip === "deserializing" || decl.missingFromDefault || inputDiffers(s, f.type));
  if (changed.length === 0) {
    out.push({ t: "type", name: `${T}Input`, exported: true, type: ref(T), doc: `Input to {@link create${T}}: the same as ${T}.` });
  } else {
    const isOptional = (f: Field): boolean => f.type.kind === "optional" || f.default !== undefined || f.skip === "deserializing" || decl.missingFromDefault;
    // A field that may be left out and takes its own type comes through `WithDefaults` (its doc and
    // default come with it); the others are redeclared.
    const defaulted = changed.filter((f) => isOptional(f) && f.type.kind !== "optional" && !inputDiffers(s, f.type));
    const redeclared = changed.filter((f) => !defaulted.includes(f));
    const inputMembers: Member[] = redeclared.map((f) => {
      const optional = isOptional(f);
      const type: TypeNode = tsInputType(s, f.type);
      const doc = docText(defaultDoc(s, f));
      return {
        name: f.wire,
        ...(optional && { optional: true }),
        type: optional && f.type.kind !== "optional" ? union(type, ref("undefined")) : type,
        ...(doc && { doc }),
      };
    });
    const names = (list: readonly Field[]): TypeNode => union(...list.map((f) => ({ t: "str-type", value: f.wire }) as TypeNode));
    const kept = fields.length - changed.length;
    const base: TypeNode | undefined =
      defaulted.length > 0
        ? s.rtType("WithDefaults", [ref(T), names(defaulted), ...(redeclared.length > 0 ? [names(redeclared)] : [])])
        : kept > 0
          ? ref("Omit", [ref(T), names(changed)])
          : undefined;
    out.push({
      t: "interface",
      name: `${T}Input`,
      exported: true,
      members: inputMembers,
      ...(base !== undefined && { extends: [base] }),
      doc: `Input to {@link create${T}}: a {@link ${T}} whose defaulted fields may be left out.`,
    });
  }
  return out;
}

/** The field-name table of a struct-like: the wire names it reads, in order (also serde's sequence form). */
export function tables(like: StructLike): Decl[] {
  const read = like.fields.filter((f) => f.skip !== "both" && f.skip !== "deserializing" && !f.flatten);
  return [{ t: "const", name: `${like.tables}$fields`, exported: false, init: { t: "array", items: read.map((f) => str(f.wire)) }, asConst: true }];
}

/** Every key the struct-like reads itself: wire names and aliases of its own fields, its flattened structs' fields, and extra keys. */
function allNames(s: FileScope, like: StructLike): string[] {
  const names: string[] = [];
  for (const f of like.fields) {
    if (f.skip === "both" || f.skip === "deserializing") continue;
    if (f.flatten) names.push(...flattenedStructNames(s, f.type));
    else names.push(f.wire, ...f.aliases);
  }
  return [...names, ...like.extra];
}

/** The wire names a flattened struct (or optional struct) takes from the enclosing object. */
function flattenedStructNames(s: FileScope, t: TypeRef): string[] {
  const inner = t.kind === "optional" || t.kind === "box" ? t.inner : t;
  if (inner.kind !== "named") return [];
  const d = s.decl(inner.name);
  if (d.kind !== "struct") return [];
  return d.fields.flatMap((f) => (f.skip === "both" || f.skip === "deserializing" ? [] : f.flatten ? flattenedStructNames(s, f.type) : [f.wire]));
}

// ---------------------------------------------------------------------------------------------
// Reading

/** How many elements serde's sequence form needs: up to the last field read without a default (an `optional<T>` one too). */
function neededInSeq(fields: readonly Field[]): number {
  let needed = 0;
  fields
    .filter((f) => f.skip !== "both" && f.skip !== "deserializing")
    .forEach((f, i) => {
      if (f.default === undefined) needed = i + 1;
    });
  return needed;
}

/**
 * The statements reading a struct-like's fields from the object `o` (already checked), and the
 * properties of the value they give.
 */
export function readFields(s: FileScope, like: StructLike): { body: Stmt[]; props: { key: string; value: Expr; spread?: boolean }[] } {
  const o = id("o");
  const r = id("r");
  const taken = new Set<string>();
  const body: Stmt[] = [];
  if (like.deny) body.push(exprStmt(call(s.rt("denyUnknown"), o, r, str(like.label), namesTable(s, like))));
  const props: { key: string; value: Expr; spread?: boolean }[] = [];
  // A flattened map gets the keys no own field reads, nor a flattened struct declared before it (serde).
  const before: string[] = like.fields.filter((f) => !f.flatten && f.skip !== "both" && f.skip !== "deserializing").flatMap((f) => [f.wire, ...f.aliases]);
  for (const f of like.fields) {
    if (f.skip === "both") continue;
    const local = localName(f.name, taken);
    taken.add(local);
    if (f.skip === "deserializing") {
      body.push(constDecl(local, fieldDefault(s, f) ?? typeDefault(s, f.type)));
      props.push({ key: f.wire, value: id(local) });
      continue;
    }
    if (f.flatten) {
      body.push(constDecl(local, readFlattened(s, like, f.name, f.type, before)));
      props.push({ key: f.wire, value: id(local), spread: true });
      before.push(...flattenedStructNames(s, f.type));
      continue;
    }
    let source: Expr = fieldOf(s, o, f.wire);
    if (f.aliases.length > 0) {
      const raw = localName(`${f.name}_given`, taken);
      taken.add(raw);
      body.push(constDecl(raw, call(s.rt("aliased"), o, r, s.names(`${like.tables}$${f.name}$names`, [f.wire, ...f.aliases]))));
      source = id(raw);
    }
    const fallback = fieldDefault(s, f) ?? (like.missingFrom !== undefined ? { t: "index", object: like.missingFrom, index: str(f.wire) } as Expr : undefined);
    if (fallback === UNDEFINED && f.type.kind === "optional") {
      // An optional field whose default is none: missing and null are both none.
      body.push(...readInto(s, f.type, source, { kind: "field", key: f.wire }, local));
    } else if (fallback !== undefined && f.type.kind === "optional" && f.aliases.length === 0) {
      // An optional field with a default other than none: a property holding undefined is none, only a missing one the default.
      const read = readInto(s, f.type, source, { kind: "field", key: f.wire }, local);
      const first = read[0] as Extract<Stmt, { t: "var" }>;
      // Conditional expressions do not nest: a value read by a conditional is read by the optional's helper instead.
      const value = first.init!.t === "cond" ? call(readerOf(s, f.type), source, childReport({ kind: "field", key: f.wire })) : first.init!;
      body.push({ ...first, init: { t: "cond", test: not(call({ t: "member", object: id("Object"), name: "hasOwn" }, o, str(f.wire))), then: fallback, else: value } }, ...read.slice(1));
    } else {
      body.push(...readInto(s, f.type, source, { kind: "field", key: f.wire }, local, fallback));
    }
    // A default holding strings inside an object or array would widen to `string` beside the read
    // value (a map of enum lists): the local is declared with the field's type.
    if (fallback !== undefined && fallback.t !== "str" && holdsString(fallback)) {
      const at = body.findIndex((st) => st.t === "var" && st.name === local);
      body[at] = { ...(body[at] as Extract<Stmt, { t: "var" }>), type: tsType(s, f.type) };
    }
    props.push({ key: f.wire, value: id(local) });
  }
  return { body, props };
}

/** The name of a named type (for constants named after it). */
function typeName(t: TypeRef): string {
  return t.kind === "named" ? t.name : "Value";
}

/** A flattened field's value, read from the enclosing object `o`. */
function readFlattened(s: FileScope, like: StructLike, field: string, t: TypeRef, takenBefore: readonly string[]): Expr {
  const o = id("o");
  const r = id("r");
  const inner = t.kind === "box" ? t.inner : t;
  if (inner.kind === "optional") {
    // serde: Some when the struct can be read from the object, else none (the error is not reported).
    const names = flattenedStructNames(s, inner);
    return call(s.rt("maybe"), readerOf(s, inner.inner), call(s.rt("pick"), o, s.names(`${typeName(inner.inner)}$picked`, names)));
  }
  if (inner.kind === "named" && s.decl(inner.name).kind === "struct") {
    // Only the struct's own wire names are seen (not its aliases), as serde's flattened structs.
    return call(readerOf(s, inner), call(s.rt("pick"), o, s.names(`${inner.name}$picked`, flattenedStructNames(s, inner))), r);
  }
  // A flattened map or enum sees the keys no own field reads, nor a flattened struct declared before it (a map variant's entries).
  return call(readerOf(s, inner), call(s.rt("rest"), o, s.names(`${like.tables}$${field}$taken`, takenBefore)), r);
}

function reader(s: FileScope, decl: StructDecl): Decl {
  const T = decl.name;
  const like = structLike(decl);
  const hasFlatten = decl.fields.some((f) => f.flatten);
  const { body, props } = readFields(s, like);
  // A struct with a flattened field has no sequence form (serde reads it as a map only).
  const needed = hasFlatten ? { t: "unary", op: "-", arg: num(1) } as Expr : num(neededInSeq(decl.fields));
  return {
    t: "function",
    name: `read${T}`,
    exported: true,
    params: [
      { name: "v", type: ref("unknown") },
      { name: "r", type: s.rtType("Report"), optional: true },
    ],
    returns: ref(T),
    // With a flattened field serde buffers every key it does not read itself: even one it then ignores must be valid JSON it can hold.
    body: [constDecl("o", hasFlatten ? call(s.rt("struct"), call(s.rt("buffered"), id("v"), id("r")), id("r"), str(T), id(`${T}$fields`), needed) : plainOr(s, call(s.rt("struct"), id("v"), id("r"), str(T), id(`${T}$fields`), needed))), ...body, ret(objectOf(props))],
  };
}

/** `v` itself when it is a plain object (tested inline by `isPlain`; the runtime's `struct` is not always inlined), else `slow`. */
function plainOr(s: FileScope, slow: Expr): Expr {
  return cond(call(s.rt("isPlain"), id("v")), id("v"), slow);
}

/** `wireT`, where JSON.stringify needs the checked value changed to write serde's text (targets/ts/wire.ts). */
function wireFunction(s: FileScope, decl: StructDecl): Decl[] {
  if (!jsonWriterUse(s.index, decl.name).wire) return [];
  return [
    {
      t: "function",
      name: `wire${decl.name}`,
      exported: true,
      params: [{ name: "v", type: ref(decl.name) }],
      returns: ref("unknown"),
      body: structWireBody(s, decl),
    },
  ];
}

/** `textT`, the straight-line writer, where the struct has one (targets/ts/straight.ts). */
function textFunction(s: FileScope, decl: StructDecl): Decl[] {
  if (!isStraight(s.index, { kind: "named", name: decl.name, range: decl.range })) return [];
  const params = [
    { name: "v", type: ref("unknown") },
    { name: "d", type: ref("number") },
  ];
  return [{ t: "function", name: `text${decl.name}`, exported: true, params, returns: ref("string"), body: structTextBody(s, decl) }];
}

/** The value object: each field by its wire name, flattened values spread in. */
export function objectOf(props: readonly { key: string; value: Expr; spread?: boolean }[]): Expr {
  return { t: "object", props: props.map((p) => (p.spread ? { key: "...", value: p.value, spread: true } : { key: p.key, value: p.value })) };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Statements writing a struct-like's fields into an open object, from the value `v`. */
export function writeFields(s: FileScope, like: StructLike): Stmt[] {
  const w = id("w");
  const v = id("v");
  const body: Stmt[] = [];
  for (const f of like.fields) {
    if (f.skip === "both" || f.skip === "serializing") continue;
    if (f.flatten) {
      body.push(...writeFlattened(s, f.type, like));
      continue;
    }
    const value = prop(v, f.wire);
    // Under `omit: if-none` the value written is never none (of optional<optional<T>>, null is still written).
    const type = f.omit === "if-none" && f.type.kind === "optional" && f.type.inner.kind !== "optional" ? f.type.inner : f.type;
    const write: Stmt[] = [exprStmt(method(w, "key", str(JSON.stringify(f.wire)))), ...writeValue(s, type, value)];
    switch (f.omit) {
      case "never":
        body.push(...write);
        break;
      case "if-none":
        body.push(ifStmt(bin("!==", value, UNDEFINED), write));
        break;
      case "if-empty": {
        const t = f.type.kind === "box" ? f.type.inner : f.type;
        body.push(ifStmt(t.kind === "map" ? call(s.rt("hasEntries"), value) : bin(">", { t: "member", object: value, name: "length" }, num(0)), write));
        break;
      }
      case "if-default":
        body.push(ifStmt(not(call(s.rt("same"), value, fieldDefault(s, f) ?? typeDefault(s, f.type))), write));
        break;
      default:
        return assertNever(f.omit);
    }
  }
  return body;
}

/** A flattened field's entries written inline (the value `v` holds them at the top level). */
function writeFlattened(s: FileScope, t: TypeRef, like: StructLike): Stmt[] {
  const w = id("w");
  const v = id("v");
  const inner = t.kind === "box" ? t.inner : t;
  if (inner.kind === "named" && s.decl(inner.name).kind === "struct") return [exprStmt(call(s.value(inner.name, `write${inner.name}Fields`), w, v))];
  if (inner.kind === "optional" && inner.inner.kind === "named") {
    // Written when the fields it requires are there (a none wrote nothing).
    const name = inner.inner.name;
    const decl = s.decl(name) as StructDecl;
    const required = decl.fields.filter((f) => isFieldRequired(s.index, f, decl)).map((f) => f.wire);
    const write = exprStmt(call(s.value(name, `write${name}Fields`), w, { t: "as", expr: v, type: ref(name) }));
    if (required.length === 0) return [write]; // it reads from any object: never none
    return [ifStmt(call(s.rt("hasAll"), v, s.names(`${name}$required`, required)), write)];
  }
  if (inner.kind === "map") {
    // A flattened map's entries are the value's keys that no field of the struct reads.
    const names = namesTable(s, like);
    return [exprStmt(call(s.rt("writeRest"), w, v, names, writerOf(s, inner.value)))];
  }
  // A flattened enum: its object's members are spliced into the enclosing object; the value's
  // keys that the struct's fields write are not its (a map variant's entries).
  const names = namesTable(s, like);
  return [exprStmt(method(w, "inline")), exprStmt(call(writerOf(s, inner), w, { t: "as", expr: call(s.rt("rest"), v, names), type: tsType(s, inner) }))];
}

/** Every key the struct-like reads itself: its `$fields` table, or (with aliases, flattened structs or a tag) a `$names` one. */
function namesTable(s: FileScope, like: StructLike): Expr {
  const names = allNames(s, like);
  const own = like.fields.filter((f) => f.skip !== "both" && f.skip !== "deserializing" && !f.flatten).length;
  return names.length === own ? id(`${like.tables}$fields`) : s.names(`${like.tables}$names`, names);
}

function writers(s: FileScope, decl: StructDecl): Decl[] {
  const T = decl.name;
  // Only what a JsonWriter writer calls (a struct with a straight-line writer may need none).
  const use = jsonWriterUse(s.index, T);
  if (!use.write && !use.fields) return [];
  const w = id("w");
  const params = [
    { name: "w", type: s.rtType("JsonWriter") },
    { name: "v", type: ref(T) },
  ];
  const open = exprStmt(method(w, "open", str("{")));
  const close = exprStmt(method(w, "close", str("}")));
  const fields = writeFields(s, structLike(decl));
  // A struct another flattens also writes its fields alone, for the enclosing object.
  if (!s.index.inlined.has(T)) return [{ t: "function", name: `write${T}`, exported: true, params, returns: ref("void"), body: [open, ...fields, close] }];
  return [
    { t: "function", name: `write${T}Fields`, exported: true, params, returns: ref("void"), body: fields },
    ...(use.write
      ? [{ t: "function", name: `write${T}`, exported: true, params, returns: ref("void"), body: [open, exprStmt(call(id(`write${T}Fields`), w, id("v"))), close] } as const]
      : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// Transparent structs: the wire form, and the TypeScript value, is their one field's.

function transparentField(decl: StructDecl): Field {
  return decl.fields.find((f) => f.skip === "none" || f.skip === "serializing")!;
}

function transparentDecls(s: FileScope, decl: StructDecl): Decl[] {
  const T = decl.name;
  const f = transparentField(decl);
  return [
    { t: "type", name: T, exported: true, type: tsType(s, f.type), doc: docText(decl.doc, `On the wire: its field \`${f.name}\` alone (serde \`transparent\`).`) },
    { t: "type", name: `${T}Input`, exported: true, type: ref(T), doc: `Input to {@link create${T}}: the same as ${T}.` },
    {
      t: "function",
      name: `read${T}`,
      exported: true,
      params: [
        { name: "v", type: ref("unknown") },
        { name: "r", type: s.rtType("Report"), optional: true },
      ],
      returns: ref(T),
      body: [...readInto(s, f.type, id("v"), { kind: "root" }, "value"), ret(id("value"))],
    },
    {
      t: "function",
      name: `write${T}`,
      exported: true,
      params: [
        { name: "w", type: s.rtType("JsonWriter") },
        { name: ignoresValue(f.type) ? "_v" : "v", type: ref(T) },
      ],
      returns: ref("void"),
      body: writeValue(s, f.type, id("v")),
    },
  ];
}

function transparentDefault(s: FileScope, decl: StructDecl): Expr {
  const f = transparentField(decl);
  if (decl.defaultValue !== undefined) return literalExpr(s, f.type, decl.defaultValue);
  return fieldDefault(s, f) ?? typeDefault(s, f.type);
}

/** Whether an expression (a default's literal) holds a string literal somewhere inside. */
function holdsString(e: Expr): boolean {
  switch (e.t) {
    case "str":
      return true;
    case "array":
      return e.items.some(holdsString);
    case "object":
      return e.props.some((p) => holdsString(p.value));
    default:
      return false;
  }
}
