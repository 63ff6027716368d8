/**
 * Structs in TypeScript: an interface of the wire fields, the input type of `createT`, the reader
 * (checks and copies every field, fills defaults, reports every issue in report mode), the
 * writer (fields in declaration order, omit rules), and `defaultT` when the struct has one.
 */
import { assertNever, type Field, type StructDecl } from "../../model/ir.js";
import { typeApi } from "../../targets/ts/api.js";
import { fieldDefault, structDefault, typeDefault } from "../../targets/ts/defaults.js";
import { inputDiffers, readInto, tsInputType, tsType, writeValue } from "../../targets/ts/expr.js";
import { localName } from "../../targets/ts/locals.js";
import type { Decl, Expr, Member, Stmt, TypeNode } from "../../targets/ts/printer/ast.js";
import { bin, call, docText, exprStmt, id, ifStmt, method, num, prop, ref, ret, str, union, type FileScope } from "../../targets/ts/scope.js";

export function structTs(s: FileScope, decl: StructDecl, hasDefault: boolean): Decl[] {
  const T = decl.name;
  const out: Decl[] = [...declarations(s, decl), reader(s, decl), writer(s, decl)];
  if (hasDefault) {
    out.push({
      t: "function",
      name: `default${T}`,
      exported: true,
      params: [],
      returns: ref(T),
      body: [ret(structDefault(s, decl))],
      doc: `The default ${T} (Rust \`Default::default()\`), fresh on every call.`,
    });
  }
  const allDefaulted = decl.fields.every((f) => f.default !== undefined || f.type.kind === "optional");
  out.push(
    ...typeApi(s, decl, {
      input: ref(`${T}Input`),
      optionalInput: hasDefault && allDefaulted,
      defaultFn: hasDefault ? `default${T}` : undefined,
      guard: false,
    }),
  );
  return out;
}

function fieldDoc(s: FileScope, f: Field): string {
  return docText(f.doc, defaultDoc(s, f), omitDoc(f));
}

function defaultDoc(s: FileScope, f: Field): string | undefined {
  const d = f.default;
  if (d === undefined) return undefined;
  if (d.kind === "literal") return `@defaultValue \`${JSON.stringify(d.value)}\``;
  if (f.type.kind === "named" && s.decl(f.type.name).kind === "struct") return `@defaultValue \`default${f.type.name}()\` (the type's default)`;
  const value = typeDefault(s, f.type);
  return `@defaultValue \`${printInline(value)}\``;
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
    default:
      return assertNever(f.omit);
  }
}

function declarations(s: FileScope, decl: StructDecl): Decl[] {
  const T = decl.name;
  const members: Member[] = decl.fields.map((f) => {
    const optional = f.type.kind === "optional";
    return { name: f.wire, optional, type: tsType(s, f.type), doc: fieldDoc(s, f) };
  });
  const unknown = decl.unknownFields === "deny" ? "Reading refuses fields not declared here." : "Reading ignores fields not declared here.";
  const out: Decl[] = [{ t: "interface", name: T, exported: true, members, doc: docText(decl.doc, unknown) }];

  // The input type redeclares only the fields that differ: defaulted ones may be left out, nested structs take their input.
  const changed = decl.fields.filter((f) => f.default !== undefined || inputDiffers(s, f.type));
  const inputDoc = `Input to {@link create${T}}: a {@link ${T}} whose defaulted fields may be left out.`;
  if (changed.length === 0) {
    out.push({ t: "type", name: `${T}Input`, exported: true, type: ref(T), doc: `Input to {@link create${T}}: ${T} has no defaulted fields, so the same shape.` });
  } else {
    const inputMembers: Member[] = changed.map((f) => {
      const optional = f.type.kind === "optional" || f.default !== undefined;
      const type: TypeNode = tsInputType(s, f.type);
      return {
        name: f.wire,
        optional,
        type: optional && f.type.kind !== "optional" ? union(type, ref("undefined")) : type,
        doc: docText(defaultDoc(s, f)),
      };
    });
    const kept = decl.fields.length - changed.length;
    const base: TypeNode =
      kept === 0 ? ref("object") : ref("Omit", [ref(T), union(...changed.map((f) => ({ t: "str-type", value: f.wire }) as TypeNode))]);
    out.push({
      t: "interface",
      name: `${T}Input`,
      exported: true,
      members: inputMembers.map((m) => (m.doc ? m : { name: m.name, type: m.type, ...(m.optional && { optional: true }) })),
      ...(kept > 0 && { extends: [base] }),
      doc: inputDoc,
    });
  }
  out.push({
    t: "const",
    name: `${T}$fields`,
    exported: false,
    init: { t: "array", items: decl.fields.map((f) => str(f.wire)) },
    asConst: true,
  });
  return out;
}

/**
 * How many elements serde's sequence form needs: up to the last field without a default (an
 * `optional<T>` field without one too: only the map form reads a missing option as none).
 */
function neededInSeq(decl: StructDecl): number {
  let needed = 0;
  decl.fields.forEach((f, i) => {
    if (f.default === undefined) needed = i + 1;
  });
  return needed;
}

function reader(s: FileScope, decl: StructDecl): Decl {
  const T = decl.name;
  const o = id("o");
  const taken = new Set<string>();
  const body: Stmt[] = [
    {
      t: "var",
      kind: "const",
      name: "o",
      init: call(s.rt("struct"), id("v"), id("r"), str(T), id(`${T}$fields`), num(neededInSeq(decl))),
    },
  ];
  if (decl.unknownFields === "deny") body.push(exprStmt(call(s.rt("denyUnknown"), o, id("r"), str(T), id(`${T}$fields`))));
  const props: { key: string; value: Expr }[] = [];
  for (const f of decl.fields) {
    const local = localName(f.name, taken);
    taken.add(local);
    const fallback = fieldDefault(s, f);
    const source: Expr = { t: "index", object: o, index: str(f.wire) };
    body.push(...readInto(s, f.type, source, { kind: "field", key: f.wire }, local, fallback));
    props.push({ key: f.wire, value: id(local) });
  }
  body.push(ret({ t: "object", props }));
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
    doc: "@internal",
  };
}

function writer(s: FileScope, decl: StructDecl): Decl {
  const T = decl.name;
  const w = id("w");
  const v = id("v");
  const body: Stmt[] = [exprStmt(method(w, "open", str("{")))];
  for (const f of decl.fields) {
    const value = prop(v, f.wire);
    // Under `omit: if-none` the value written is never none.
    const type = f.omit === "if-none" && f.type.kind === "optional" ? f.type.inner : f.type;
    const write: Stmt[] = [exprStmt(method(w, "key", str(JSON.stringify(f.wire)))), ...writeValue(s, type, value)];
    switch (f.omit) {
      case "never":
        body.push(...write);
        break;
      case "if-none":
        body.push(ifStmt(bin("!==", value, { t: "lit", text: "undefined" }), write));
        break;
      case "if-empty":
        body.push(
          ifStmt(
            f.type.kind === "map" ? call(s.rt("hasEntries"), value) : bin(">", { t: "member", object: value, name: "length" }, num(0)),
            write,
          ),
        );
        break;
      default:
        return assertNever(f.omit);
    }
  }
  body.push(exprStmt(method(w, "close", str("}"))));
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
    doc: "@internal",
  };
}

