/** Unit structs in TypeScript (`struct Marker;`): JSON null. */
import type { UnitStructDecl } from "../../model/ir.js";
import { typeApi } from "../../targets/ts/api.js";
import type { Decl } from "../../targets/ts/printer/ast.js";
import { call, docText, exprStmt, id, method, NULL, ref, ret, type FileScope } from "../../targets/ts/scope.js";

export function unitStructTs(s: FileScope, decl: UnitStructDecl): Decl[] {
  const T = decl.name;
  const out: Decl[] = [
    { t: "type", name: T, exported: true, type: ref("null"), doc: docText(decl.doc, "On the wire: `null` (a unit struct).") },
    {
      t: "function",
      name: `read${T}`,
      exported: true,
      params: [
        { name: "v", type: ref("unknown") },
        { name: "r", type: s.rtType("Report"), optional: true },
      ],
      returns: ref(T),
      body: [ret(call(s.rt("readUnit"), id("v"), id("r")))],
    },
    {
      t: "function",
      name: `write${T}`,
      exported: true,
      params: [
        { name: "w", type: s.rtType("JsonWriter") },
        { name: "_v", type: ref(T) },
      ],
      returns: ref("void"),
      body: [exprStmt(method(id("w"), "null"))],
    },
  ];
  if (decl.hasDefault) {
    out.push({ t: "function", name: `default${T}`, exported: true, params: [], returns: ref(T), body: [ret(NULL)], doc: `The default ${T}: \`null\`.` });
  }
  out.push(...typeApi(s, decl, { input: ref(T), optionalInput: decl.hasDefault, defaultFn: decl.hasDefault ? `default${T}` : undefined, guard: true }));
  return out;
}
