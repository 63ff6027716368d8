/**
 * Enums in TypeScript. Unit-only, externally tagged enums are a constant object of wire names and
 * their union type. Enums with data (or another representation) are the union of their variants'
 * wire shapes (`XVariants[keyof XVariants]`), with `xVariant(value)` and `isXVariant(value, name)`
 * to tell them apart. Both get a reader (one function: fast check and full report), a writer,
 * Display and the default.
 */
import { jsonWriterUse } from "../../targets/ts/straight.js";
import { childTypes, payloadTypes, typeRefsOf } from "../../model/facts.js";
import { isUnitOnly, type EnumDecl, type EnumVariant, type Field, type TypeRef } from "../../model/ir.js";
import { typeApi } from "../../targets/ts/api.js";
import { fieldOf, readerOf, readInto, tsType, writerOf, writeValue } from "../../targets/ts/expr.js";
import type { Decl, Expr, Member, Stmt, TypeNode } from "../../targets/ts/printer/ast.js";
import {
  bin,
  call,
  caseOf,
  code,
  constDecl,
  docText,
  exprStmt,
  id,
  ifStmt,
  method,
  optionalMethod,
  prop,
  ref,
  ret,
  str,
  typeOf,
  UNDEFINED,
  withArticle,
  type FileScope,
} from "../../targets/ts/scope.js";
import { objectOf, readFields, structMembers, tables, writeFields, type StructLike } from "../struct/ts.js";

export function enumTs(s: FileScope, decl: EnumDecl): Decl[] {
  return isUnitOnly(decl) && decl.repr.kind === "external" ? unitEnumTs(s, decl) : dataEnumTs(s, decl);
}

function defaultDecls(decl: EnumDecl, value: Expr | undefined): Decl[] {
  const def = decl.variants.find((v) => v.name === decl.defaultVariant);
  if (def === undefined || value === undefined) return [];
  return [
    {
      t: "function",
      name: `default${decl.name}`,
      exported: true,
      params: [],
      returns: ref(decl.name),
      body: [ret(value)],
      doc: `The default ${decl.name} (Rust \`Default::default()\`: the variant \`${def.name}\`).`,
    },
  ];
}

function displayDoc(T: string): string {
  return `The Display string of ${withArticle(T)} (Rust \`fmt::Display\`); throws {@link ValidationError} for anything else.`;
}

// ---------------------------------------------------------------------------------------------
// Unit-only enums (externally tagged): wire names as strings.

function unitEnumTs(s: FileScope, decl: EnumDecl): Decl[] {
  const T = decl.name;
  const def = decl.variants.find((v) => v.name === decl.defaultVariant);
  const other = decl.variants.find((v) => v.other);
  const wires = decl.variants.map((v) => code(v.wire)).join(", ");
  const doc = docText(
    decl.doc,
    `Wire values: ${wires}.${def ? ` Default: ${code(def.wire)}.` : ""}${other ? ` Any other name reads as ${code(other.wire)}.` : ""}`,
  );
  const out: Decl[] = [
    {
      t: "const",
      name: T,
      exported: true,
      init: {
        t: "object",
        expand: true,
        props: decl.variants.map((v) => ({
          key: v.name,
          value: str(v.wire),
          doc: docText(
            v.doc,
            v.display !== v.wire ? `Displayed as ${code(v.display)}.` : undefined,
            v.aliases.length > 0 ? `Also read as ${v.aliases.map(code).join(", ")}.` : undefined,
          ),
        })),
      },
      asConst: true,
      doc: `The wire names of {@link ${T}}'s variants.`,
    },
    { t: "type", name: T, exported: true, type: { t: "indexed", object: { t: "typeof", name: T }, index: { t: "keyof", type: { t: "typeof", name: T } } }, doc },
  ];
  const cases: Stmt = {
    t: "switch",
    disc: id("v"),
    cases: [
      { tests: decl.variants.map((v) => str(v.wire)), body: [ret(id("v"))] },
      ...decl.variants.filter((v) => v.aliases.length > 0).map((v) => ({ tests: v.aliases.map(str), body: [ret(str(v.wire))] })),
    ],
  };
  const fallback: Stmt[] = other
    ? [ifStmt(bin("===", typeOf(id("v")), str("string")), ret(str(other.wire)))]
    : [];
  out.push({
    t: "function",
    name: `read${T}`,
    exported: true,
    params: [
      { name: "v", type: ref("unknown") },
      { name: "r", type: s.rtType("Report"), optional: true },
    ],
    returns: ref(T),
    body: [cases, ...fallback, ret(call(s.rt("unitVariant"), id("v"), id("r"), str(T), id(T), id(`read${T}`)))],
  });
  // The JsonWriter's writer, where a type without a straight-line writer holds this one.
  if (jsonWriterUse(s.index, T).write) {
    out.push({
      t: "function",
      name: `write${T}`,
      exported: true,
      params: [
        { name: "w", type: s.rtType("JsonWriter") },
        { name: "v", type: ref(T) },
      ],
      returns: ref("void"),
      body: [exprStmt(method(id("w"), "string", id("v")))],
    });
  }
  out.push(...defaultDecls(decl, def && str(def.wire)));
  out.push(...typeApi(s, decl, { input: ref(T), optionalInput: def !== undefined, defaultFn: def ? `default${T}` : undefined, guard: true }));
  // A variant displayed as its wire name needs no case: checked, the value is its display.
  const renamed = decl.variants.filter((v) => v.display !== v.wire);
  const checked = ret(call(s.rt("check"), str(T), id(`read${T}`), id("value")));
  out.push({
    t: "function",
    name: `display${T}`,
    exported: true,
    params: [{ name: "value", type: ref(T) }],
    returns: ref("string"),
    body:
      renamed.length === 0
        ? [checked]
        : [{ t: "switch", disc: id("value"), cases: [...renamed.map((v) => ({ tests: [str(v.wire)], body: [ret(str(v.display))] })), { tests: [undefined], body: [checked] }] }],
    doc: displayDoc(T),
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Enums with data, and unit-only enums in a tagged or untagged representation.

/** A struct variant as the struct code sees it. */
function variantLike(decl: EnumDecl, v: EnumVariant, extra: readonly string[]): StructLike {
  const fields = v.payload.kind === "struct" ? v.payload.fields : [];
  return { label: `${decl.name}::${v.name}`, tables: `${decl.name}$${v.name}`, fields, deny: decl.unknownFields === "deny", extra, missingFrom: undefined };
}

/** The wire shape of a variant, as a TypeScript type. */
function variantType(s: FileScope, decl: EnumDecl, v: EnumVariant): TypeNode {
  // The payload's type is made only where it is used (making it imports its names).
  const payload = (): TypeNode | undefined => payloadType(s, v);
  const wire: TypeNode = { t: "str-type", value: v.wire };
  switch (decl.repr.kind) {
    case "external": {
      const data = payload();
      return data === undefined ? wire : { t: "type-literal", members: [{ name: v.wire, type: data }] };
    }
    case "internal": {
      const tag: Member = { name: decl.repr.tag, type: wire };
      if (v.payload.kind === "struct") return { t: "type-literal", members: [tag, ...structMembers(s, v.payload.fields)] };
      if (v.payload.kind === "unit" || unitStructOf(s, v) !== undefined) return { t: "type-literal", members: [tag] };
      return { t: "intersection", types: [{ t: "type-literal", members: [tag] }, payloadType(s, v)!] };
    }
    case "adjacent": {
      const tag: Member = { name: decl.repr.tag, type: wire };
      const data = payload();
      return { t: "type-literal", members: data === undefined ? [tag] : [tag, { name: decl.repr.content, type: data }] };
    }
    case "untagged":
      return payload() ?? ref("null");
  }
}

function payloadType(s: FileScope, v: EnumVariant): TypeNode | undefined {
  switch (v.payload.kind) {
    case "unit":
      return undefined;
    case "newtype":
      return tsType(s, v.payload.type);
    case "tuple":
      return { t: "tuple", items: v.payload.items.map((x) => tsType(s, x)) };
    case "struct":
      return { t: "type-literal", members: structMembers(s, v.payload.fields) };
  }
}

/** The unit struct a newtype variant holds (directly or boxed), if it holds one. */
function unitStructOf(s: FileScope, v: EnumVariant): string | undefined {
  if (v.payload.kind !== "newtype") return undefined;
  const t = v.payload.type.kind === "box" ? v.payload.type.inner : v.payload.type;
  return t.kind === "named" && s.decl(t.name).kind === "unit-struct" ? t.name : undefined;
}

/** Whether an enum's variants hold the enum itself: its type is then spelled out, not indexed. */
function holdsItself(s: FileScope, decl: EnumDecl): boolean {
  const seen = new Set<string>();
  const stack = decl.variants.flatMap((v) => payloadTypes(v.payload));
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.kind !== "named") {
      stack.push(...childTypes(t));
      continue;
    }
    if (t.name === decl.name) return true;
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    stack.push(...typeRefsOf(s.decl(t.name)));
  }
  return false;
}

/** The type of a tuple variant's data. */
function tupleRef(items: readonly TypeRef[], range: TypeRef["range"]): TypeRef {
  return { kind: "tuple", items, range };
}

/** Reads a variant's data (the value `source`, in `slot`) into `local`; struct variants through their own reader. */
function readPayload(s: FileScope, decl: EnumDecl, v: EnumVariant, source: Expr, report: Expr): Expr {
  switch (v.payload.kind) {
    case "unit":
      return UNDEFINED;
    case "newtype":
      return call(readerOf(s, v.payload.type), source, report);
    case "tuple":
      return call(readerOf(s, tupleRef(v.payload.items, decl.range)), source, report);
    case "struct":
      return call(id(`read${decl.name}$${v.name}`), source, report);
  }
}

function dataEnumTs(s: FileScope, decl: EnumDecl): Decl[] {
  const T = decl.name;
  const V = `${T}Variants`;
  const def = decl.variants.find((v) => v.name === decl.defaultVariant);
  const out: Decl[] = [
    {
      t: "interface",
      name: V,
      exported: true,
      members: decl.variants.map((v) => ({
        name: v.name,
        type: variantType(s, decl, v),
        doc: docText(
          v.doc,
          v.display !== v.wire ? `Displayed as ${code(v.display)}.` : undefined,
          v.aliases.length > 0 ? `Also read as ${v.aliases.map(code).join(", ")}.` : undefined,
          v.other ? "Any unknown variant name reads as this one." : undefined,
        ),
      })),
      doc: `The variants of {@link ${T}}, by name, each as its JSON.`,
    },
    {
      t: "type",
      name: T,
      exported: true,
      // `XVariants[keyof XVariants]` would refer to itself through a variant holding X: TypeScript wants the union.
      type: holdsItself(s, decl) ? { t: "union", types: decl.variants.map((v) => variantType(s, decl, v)) } : { t: "indexed", object: ref(V), index: { t: "keyof", type: ref(V) } },
      doc: docText(decl.doc, reprDoc(decl)),
    },
    {
      t: "const",
      name: `${T}$names`,
      exported: false,
      type: ref("Record", [ref("string"), { t: "keyof", type: ref(V) }]),
      init: {
        t: "object",
        expand: true,
        props: decl.variants.map((v) => ({ key: decl.repr.kind === "untagged" ? String(decl.variants.indexOf(v)) : v.wire, value: str(v.name) })),
      },
    },
  ];
  for (const v of decl.variants) {
    if (v.payload.kind !== "struct") continue;
    const like = variantLike(decl, v, decl.repr.kind === "internal" ? [decl.repr.tag] : []);
    out.push(...tables(like), variantReader(s, decl, v, like), variantFieldsWriter(s, v, like));
  }
  if (decl.repr.kind === "untagged") {
    out.push({
      t: "const",
      name: `${T}$readers`,
      exported: false,
      type: { t: "array-type", element: s.rtType("Reader", [ref(T)]) },
      init: { t: "array", items: decl.variants.map((v) => (v.payload.kind === "unit" ? s.rt("readUnit") : readPayloadFn(s, decl, v))) },
    });
  }
  out.push(reader(s, decl), writer(s, decl));
  out.push(...defaultDecls(decl, def && defaultValue(decl, def)));
  out.push(...typeApi(s, decl, { input: ref(T), optionalInput: def !== undefined, defaultFn: def ? `default${T}` : undefined, guard: true }));
  out.push(...narrowing(s, decl));
  out.push({
    t: "const",
    name: `${T}$display`,
    exported: false,
    type: ref("Record", [{ t: "keyof", type: ref(V) }, ref("string")]),
    init: { t: "object", expand: true, props: decl.variants.map((v) => ({ key: v.name, value: str(v.display) })) },
  });
  const lower = T.charAt(0).toLowerCase() + T.slice(1);
  out.push({
    t: "function",
    name: `display${T}`,
    exported: true,
    params: [{ name: "value", type: ref(T) }],
    returns: ref("string"),
    body: [ret({ t: "index", object: id(`${T}$display`), index: call(id(`${lower}Variant`), call(s.rt("check"), str(T), id(`read${T}`), id("value"))) })],
    doc: displayDoc(T),
  });
  return out;
}

function reprDoc(decl: EnumDecl): string {
  switch (decl.repr.kind) {
    case "external":
      return "On the wire: a unit variant as its name, any other as an object of one key, its name.";
    case "internal":
      return `On the wire: an object whose ${code(decl.repr.tag)} names the variant, beside the variant's fields.`;
    case "adjacent":
      return `On the wire: an object whose ${code(decl.repr.tag)} names the variant and ${code(decl.repr.content)} holds its data.`;
    case "untagged":
      return "On the wire: the variant's data alone; reading takes the first variant it fits.";
  }
}

/** The default variant's wire value (a unit variant). */
function defaultValue(decl: EnumDecl, v: EnumVariant): Expr {
  switch (decl.repr.kind) {
    case "external":
      return str(v.wire);
    case "internal":
    case "adjacent":
      return { t: "object", props: [{ key: decl.repr.tag, value: str(v.wire) }] };
    case "untagged":
      return { t: "lit", text: "null" };
  }
}

/** The reader of one variant's data, as a function (for untagged enums). */
function readPayloadFn(s: FileScope, decl: EnumDecl, v: EnumVariant): Expr {
  switch (v.payload.kind) {
    case "newtype":
      return readerOf(s, v.payload.type);
    case "tuple":
      return readerOf(s, tupleRef(v.payload.items, decl.range));
    case "struct":
      return id(`read${decl.name}$${v.name}`);
    case "unit":
      return s.rt("readUnit");
  }
}

function variantReader(s: FileScope, decl: EnumDecl, v: EnumVariant, like: StructLike): Decl {
  const { body, props } = readFields(s, like);
  const fields = v.payload.kind === "struct" ? v.payload.fields : [];
  // External and internal struct variants also read serde's sequence form; adjacent and untagged ones do not.
  const seq = decl.repr.kind === "external" || decl.repr.kind === "internal";
  let needed = 0;
  fields.filter((f) => f.skip !== "both" && f.skip !== "deserializing").forEach((f, i) => {
    if (f.default === undefined) needed = i + 1;
  });
  return {
    t: "function",
    name: `read${like.tables}`,
    exported: false,
    params: [
      { name: "v", type: ref("unknown") },
      { name: "r", type: s.rtType("Report"), optional: true },
    ],
    returns: { t: "type-literal", members: structMembers(s, fields).map(({ name, optional, type }) => ({ name, type, ...(optional && { optional }) })) },
    body: [
      constDecl("o", call(s.rt("struct"), id("v"), id("r"), str(like.label), id(`${like.tables}$fields`), seq ? { t: "num", value: needed } : { t: "unary", op: "-", arg: { t: "num", value: 1 } })),
      ...body,
      ret(objectOf(props)),
    ],
  };
}

function variantFieldsWriter(s: FileScope, v: EnumVariant, like: StructLike): Decl {
  const fields = v.payload.kind === "struct" ? v.payload.fields : [];
  return {
    t: "function",
    name: `write${like.tables}Fields`,
    exported: false,
    params: [
      { name: "w", type: s.rtType("JsonWriter") },
      { name: "v", type: { t: "type-literal", members: structMembers(s, fields).map(({ name, optional, type }) => ({ name, type, ...(optional && { optional }) })) } },
    ],
    returns: ref("void"),
    body: writeFields(s, like),
  };
}

function reader(s: FileScope, decl: EnumDecl): Decl {
  const T = decl.name;
  const v = id("v");
  const r = id("r");
  const body: Stmt[] = [];
  // The wire names, for messages (declared where a reader refuses a name).
  const variants = (): Expr => s.names(`${T}$variants`, decl.variants.map((x) => x.wire));
  const other = decl.variants.find((x) => x.other);
  const named = (x: EnumVariant): Expr[] => [x.wire, ...x.aliases].map(str);
  switch (decl.repr.kind) {
    case "external": {
      const units = decl.variants.filter((x) => x.payload.kind === "unit");
      const cases = units.map((x) => ({ tests: named(x), body: [ret(str(x.wire))] }));
      // With an other variant, the name of a variant with data is still refused as a string (serde).
      if (other) {
        for (const x of decl.variants) {
          if (x.payload.kind === "unit") continue;
          const message = `invalid type: unit variant, expected ${x.payload.kind} variant ${T}::${x.name}`;
          cases.push({ tests: named(x), body: [ret(call(s.rt("badValue"), r, str("invalid-type"), str(message)))] });
        }
      }
      body.push(
        ifStmt(bin("===", typeOf(v), str("string")), [
          ...(cases.length > 0 ? [{ t: "switch", disc: v, cases } as Stmt] : []),
          ret(other ? str(other.wire) : call(s.rt("badVariant"), r, UNDEFINED, v, str(T), variants())),
        ]),
      );
      body.push({ t: "var", kind: "const", name: "entry", init: call(s.rt("variantEntry"), v, r, str(T)) });
      body.push(constDecl("key", { t: "index", object: id("entry"), index: { t: "num", value: 0 } }));
      body.push(constDecl("data", { t: "index", object: id("entry"), index: { t: "num", value: 1 } }));
      const report = optionalMethod(r, "item", id("key"));
      body.push({
        t: "switch",
        disc: id("key"),
        cases: decl.variants.map((x) => ({
          tests: named(x),
          body:
            x.payload.kind === "unit"
              ? [exprStmt(call(s.rt("unitContent"), id("data"), r, id("key"))), ret(str(x.wire))]
              : [ret({ t: "object", props: [{ key: x.wire, value: readPayload(s, decl, x, id("data"), report) }] })],
        })),
      });
      // An unknown name is the other variant, whose content is a unit variant's.
      if (other) body.push(ifStmt(bin("===", typeOf(id("key")), str("string")), [exprStmt(call(s.rt("unitContent"), id("data"), r, id("key"))), ret(str(other.wire))]));
      body.push(ret(call(s.rt("badVariant"), r, id("key"), id("key"), str(T), variants())));
      break;
    }
    case "internal": {
      const tag = decl.repr.tag;
      // serde buffers the whole object: even a field it then ignores must be valid JSON it can hold.
      body.push(constDecl("o", call(s.rt("tagged"), call(s.rt("buffered"), v, r), r, str(T), str(tag))));
      const tagValue: Expr = fieldOf(s, id("o"), tag);
      body.push({
        t: "switch",
        disc: tagValue,
        cases: decl.variants.map((x) => {
          const unit = unitStructOf(s, x);
          const alone = unit === undefined ? [] : [exprStmt(call(s.rt("tagAlone"), id("o"), r, str(tag), str(unit)))];
          return caseOf(named(x), [...alone, ret(internalValue(s, decl, x, tag))]);
        }),
      });
      // An unknown name is the other variant; a tag that is not a string is refused.
      if (other) body.push(ifStmt(bin("===", typeOf(tagValue), str("string")), ret({ t: "object", props: [{ key: tag, value: str(other.wire) }] })));
      body.push(ret(call(s.rt("badVariant"), r, str(tag), tagValue, str(T), variants())));
      break;
    }
    case "adjacent": {
      const { tag, content } = decl.repr;
      body.push(constDecl("o", call(s.rt("adjacent"), v, r, str(T), str(tag), str(content), { t: "lit", text: decl.unknownFields === "deny" ? "true" : "false" })));
      const tagValue: Expr = fieldOf(s, id("o"), tag);
      const data: Expr = fieldOf(s, id("o"), content);
      const unit = (x: EnumVariant): Stmt[] => [exprStmt(call(s.rt("unitContent"), data, r, str(content))), ret({ t: "object", props: [{ key: tag, value: str(x.wire) }] })];
      body.push({
        t: "switch",
        disc: tagValue,
        cases: decl.variants.map((x) =>
          caseOf(
            named(x),
            x.payload.kind === "unit"
              ? unit(x)
              : [
                  ...(x.payload.kind === "newtype"
                    ? readInto(s, x.payload.type, data, { kind: "field", key: content }, "c")
                    : [constDecl("c", readPayload(s, decl, x, data, optionalMethod(r, "at", str(content))))]),
                  ret({ t: "object", props: [{ key: tag, value: str(x.wire) }, { key: content, value: id("c") }] }),
                ],
          ),
        ),
      });
      // An unknown name is the other variant, whose content is a unit variant's; a tag that is not a string is refused.
      if (other) body.push(ifStmt(bin("===", typeOf(tagValue), str("string")), unit(other)));
      body.push(ret(call(s.rt("badVariant"), r, str(tag), tagValue, str(T), variants())));
      break;
    }
    case "untagged":
      body.push(ret(call(s.rt("untagged"), v, r, str(T), id(`${T}$readers`))));
      break;
  }
  return {
    t: "function",
    name: `read${T}`,
    exported: true,
    params: [
      { name: "v", type: ref("unknown") },
      { name: "r", type: s.rtType("Report"), optional: true },
    ],
    returns: ref(T),
    body,
  };
}

/** An internally tagged variant's value: the tag, then the variant's fields (a newtype's, read from the same object). */
function internalValue(s: FileScope, decl: EnumDecl, x: EnumVariant, tag: string): Expr {
  const o = id("o");
  const r = id("r");
  const tagProp = { key: tag, value: str(x.wire) };
  switch (x.payload.kind) {
    case "unit":
      return { t: "object", props: [tagProp] };
    case "struct":
      return { t: "object", props: [tagProp, { key: "...", value: call(id(`read${decl.name}$${x.name}`), o, r), spread: true }] };
    case "newtype": {
      const unit = unitStructOf(s, x);
      if (unit !== undefined) return { t: "object", props: [tagProp] };
      // The content is the object without its tag (serde hands the rest to the inner type).
      const inner = call(readerOf(s, x.payload.type), call(s.rt("withoutKey"), o, str(tag)), r);
      return { t: "object", props: [tagProp, { key: "...", value: inner, spread: true }] };
    }
    case "tuple":
      throw new Error("the loader refuses tuple variants in internally tagged enums");
  }
}

function writer(s: FileScope, decl: EnumDecl): Decl {
  const T = decl.name;
  const w = id("w");
  const v = id("v");
  const body: Stmt[] = [];
  const open = (): Stmt => exprStmt(method(w, "open", str("{")));
  const close = (): Stmt => exprStmt(method(w, "close", str("}")));
  const key = (name: string): Stmt => exprStmt(method(w, "key", str(JSON.stringify(name))));
  const data = (x: EnumVariant, value: Expr): Stmt[] => {
    switch (x.payload.kind) {
      case "unit":
        return [exprStmt(method(w, "null"))];
      case "newtype":
        return writeValue(s, x.payload.type, value);
      case "tuple":
        return [exprStmt(call(writerOf(s, tupleRef(x.payload.items, decl.range)), w, value))];
      case "struct":
        return [open(), exprStmt(call(id(`write${T}$${x.name}Fields`), w, value)), close()];
    }
  };
  switch (decl.repr.kind) {
    case "external": {
      if (decl.variants.some((x) => x.payload.kind === "unit")) {
        body.push(ifStmt(bin("===", typeOf(v), str("string")), ret(method(w, "string", v))));
      }
      for (const x of decl.variants) {
        if (x.payload.kind === "unit") continue;
        body.push(ifStmt(bin("in", str(x.wire), v), [open(), key(x.wire), ...data(x, prop(v, x.wire)), close(), ret()]));
      }
      break;
    }
    case "internal": {
      const tag = decl.repr.tag;
      body.push({
        t: "switch",
        disc: prop(v, tag),
        cases: decl.variants.map((x) => {
          const fields: Stmt[] =
            x.payload.kind === "struct"
              ? [exprStmt(call(id(`write${T}$${x.name}Fields`), w, v))]
              : x.payload.kind === "newtype"
                ? newtypeInline(s, x.payload.type, tag)
                : [];
          return { tests: [str(x.wire)], body: [open(), key(tag), exprStmt(method(w, "string", str(x.wire))), ...fields, close(), ret()] };
        }),
      });
      break;
    }
    case "adjacent": {
      const { tag, content } = decl.repr;
      body.push({
        t: "switch",
        disc: prop(v, tag),
        cases: decl.variants.map((x) => ({
          tests: [str(x.wire)],
          body: [
            open(),
            key(tag),
            exprStmt(method(w, "string", str(x.wire))),
            ...(x.payload.kind === "unit" ? [] : [key(content), ...data(x, prop(v, content))]),
            close(),
            ret(),
          ],
        })),
      });
      break;
    }
    case "untagged":
      body.push({
        t: "switch",
        disc: call(s.rt("untaggedIndex"), v, id(`${T}$readers`)),
        cases: decl.variants.map((x, i) => ({
          tests: [{ t: "num", value: i }],
          body: [...data(x, { t: "as", expr: v, type: variantTypeRef(T, x) }), ret()],
        })),
      });
      break;
  }
  return {
    t: "function",
    name: `write${T}`,
    exported: true,
    params: [
      { name: "w", type: s.rtType("JsonWriter") },
      { name: "v", type: ref(T) },
    ],
    returns: ref("void"),
    body,
  };
}

/** `TVariants["Name"]`: one variant's type. */
function variantTypeRef(T: string, x: EnumVariant): TypeNode {
  return { t: "indexed", object: ref(`${T}Variants`), index: { t: "str-type", value: x.name } };
}

/** An internally tagged newtype variant's data written inline after the tag: a struct's fields, or a map's entries. */
function newtypeInline(s: FileScope, t: TypeRef, tag: string): Stmt[] {
  const w = id("w");
  const v = id("v");
  const inner = t.kind === "box" ? t.inner : t;
  if (inner.kind === "named") {
    const d = s.decl(inner.name);
    if (d.kind === "struct") return [exprStmt(call(s.value(inner.name, `write${inner.name}Fields`), w, v))];
    if (d.kind === "unit-struct") return [];
  }
  if (inner.kind === "map") return [exprStmt(call(s.rt("writeRest"), w, v, s.names(`tag$${tag.replace(/[^A-Za-z0-9_$]/g, "_")}`, [tag]), writerOf(s, inner.value)))];
  return [];
}

/** `xVariant(value)` and `isXVariant(value, name)`: which variant a value is. */
function narrowing(s: FileScope, decl: EnumDecl): Decl[] {
  const T = decl.name;
  const V = `${T}Variants`;
  const lower = T.charAt(0).toLowerCase() + T.slice(1);
  const value = id("value");
  let wire: Expr;
  switch (decl.repr.kind) {
    case "external":
      wire = call(s.rt("externalTag"), value);
      break;
    case "internal":
    case "adjacent":
      wire = prop(value, decl.repr.tag);
      break;
    case "untagged":
      wire = call(s.rt("untaggedIndex"), value, id(`${T}$readers`));
      break;
  }
  return [
    {
      t: "function",
      name: `${lower}Variant`,
      exported: true,
      params: [{ name: "value", type: ref(T) }],
      returns: { t: "keyof", type: ref(V) },
      body: [ret({ t: "as", expr: { t: "index", object: id(`${T}$names`), index: wire }, type: { t: "keyof", type: ref(V) } })],
      doc: `The name of the variant ${withArticle(T)} holds.`,
    },
    {
      t: "function",
      name: `is${T}Variant`,
      exported: true,
      typeParams: [{ name: "K", constraint: { t: "keyof", type: ref(V) } }],
      params: [
        { name: "value", type: ref(T) },
        { name: "variant", type: ref("K") },
      ],
      returns: { t: "predicate", param: "value", type: { t: "indexed", object: ref(V), index: ref("K") } },
      body: [ret(bin("===", call(id(`${lower}Variant`), value), id("variant")))],
      doc: `Whether ${withArticle(T)} holds the variant \`variant\` (and narrows it).`,
    },
  ];
}

export type { Field };
