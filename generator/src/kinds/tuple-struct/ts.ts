/** Tuple structs in TypeScript (`struct Pair(pub String, pub u32)`): a JSON array, a TypeScript tuple. */
import type { TupleStructDecl } from "../../model/ir.js";
import { typeApi } from "../../targets/ts/api.js";
import { typeDefault } from "../../targets/ts/defaults.js";
import { readerOf, tsType, writerOf } from "../../targets/ts/expr.js";
import type { Decl } from "../../targets/ts/printer/ast.js";
import { call, docText, exprStmt, id, ref, ret, type FileScope } from "../../targets/ts/scope.js";

export function tupleStructTs(s: FileScope, decl: TupleStructDecl): Decl[] {
  const T = decl.name;
  const tuple = { kind: "tuple", items: decl.items, range: decl.range } as const;
  const out: Decl[] = [
    { t: "type", name: T, exported: true, type: tsType(s, tuple), doc: docText(decl.doc, `On the wire: an array of ${decl.items.length} elements (a tuple struct).`) },
    {
      t: "function",
      name: `read${T}`,
      exported: true,
      params: [
        { name: "v", type: ref("unknown") },
        { name: "r", type: s.rtType("Report"), optional: true },
      ],
      returns: ref(T),
      body: [ret(call(readerOf(s, tuple), id("v"), id("r")))],
    },
    {
      t: "function",
      name: `write${T}`,
      exported: true,
      params: [
        { name: "w", type: s.rtType("JsonWriter") },
        { name: "v", type: ref(T) },
      ],
      returns: ref("void"),
      body: [exprStmt(call(writerOf(s, tuple), id("w"), id("v")))],
    },
  ];
  if (decl.hasDefault) {
    out.push({
      t: "function",
      name: `default${T}`,
      exported: true,
      params: [],
      returns: ref(T),
      body: [ret({ t: "array", items: decl.items.map((x) => typeDefault(s, x)) })],
      doc: `The default ${T} (Rust \`Default::default()\`).`,
    });
  }
  out.push(...typeApi(s, decl, { input: ref(T), optionalInput: decl.hasDefault, defaultFn: decl.hasDefault ? `default${T}` : undefined, guard: true }));
  return out;
}
