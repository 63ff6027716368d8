/** Newtype structs in TypeScript (`struct Meters(pub u64)`): on the wire and in TypeScript, the inner value. */
import type { NewtypeDecl } from "../../model/ir.js";
import { typeApi } from "../../targets/ts/api.js";
import { typeDefault } from "../../targets/ts/defaults.js";
import { ignoresValue, readInto, tsType, writeValue } from "../../targets/ts/expr.js";
import type { Decl } from "../../targets/ts/printer/ast.js";
import { docText, id, ref, ret, type FileScope } from "../../targets/ts/scope.js";

export function newtypeTs(s: FileScope, decl: NewtypeDecl): Decl[] {
  const T = decl.name;
  const out: Decl[] = [
    { t: "type", name: T, exported: true, type: tsType(s, decl.type), doc: docText(decl.doc, "On the wire: the inner value (a newtype struct).") },
    {
      t: "function",
      name: `read${T}`,
      exported: true,
      params: [
        { name: "v", type: ref("unknown") },
        { name: "r", type: s.rtType("Report"), optional: true },
      ],
      returns: ref(T),
      body: [...readInto(s, decl.type, id("v"), { kind: "root" }, "value"), ret(id("value"))],
    },
    {
      t: "function",
      name: `write${T}`,
      exported: true,
      params: [
        { name: "w", type: s.rtType("JsonWriter") },
        { name: ignoresValue(decl.type) ? "_v" : "v", type: ref(T) },
      ],
      returns: ref("void"),
      body: writeValue(s, decl.type, id("v")),
    },
  ];
  if (decl.hasDefault) {
    out.push({ t: "function", name: `default${T}`, exported: true, params: [], returns: ref(T), body: [ret(typeDefault(s, decl.type))], doc: `The default ${T} (Rust \`Default::default()\`).` });
  }
  out.push(...typeApi(s, decl, { input: ref(T), optionalInput: decl.hasDefault, defaultFn: decl.hasDefault ? `default${T}` : undefined, guard: true }));
  return out;
}
