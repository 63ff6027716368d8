/**
 * Enums of unit variants in TypeScript: a constant object of wire names and their union type, a
 * reader (also of serde's map form `{"worker": null}`), a writer, Display, and the default.
 */
import type { EnumDecl } from "../../model/ir.js";
import { typeApi } from "../../targets/ts/api.js";
import type { Decl, Stmt } from "../../targets/ts/printer/ast.js";
import { call, code, docText, exprStmt, id, method, ref, ret, str, withArticle, type FileScope } from "../../targets/ts/scope.js";

export function enumTs(s: FileScope, decl: EnumDecl): Decl[] {
  const T = decl.name;
  const def = decl.variants.find((v) => v.name === decl.defaultVariant);
  const wires = decl.variants.map((v) => code(v.wire)).join(", ");
  const doc = docText(decl.doc, `Wire values: ${wires}.${def ? ` Default: ${code(def.wire)}.` : ""}`);
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
          doc: docText(v.doc, v.display !== v.wire ? `Displayed as ${code(v.display)}.` : undefined),
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
    cases: [{ tests: decl.variants.map((v) => str(v.wire)), body: [ret(id("v"))] }],
  };
  out.push({
    t: "function",
    name: `read${T}`,
    exported: true,
    params: [
      { name: "v", type: ref("unknown") },
      { name: "r", type: s.rtType("Report"), optional: true },
    ],
    returns: ref(T),
    body: [cases, ret(call(s.rt("unitVariant"), id("v"), id("r"), str(T), id(T), id(`read${T}`)))],
    doc: "@internal",
  });
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
    doc: "@internal",
  });
  if (def !== undefined) {
    out.push({
      t: "function",
      name: `default${T}`,
      exported: true,
      params: [],
      returns: ref(T),
      body: [ret(str(def.wire))],
      doc: `The default ${T} (Rust \`Default::default()\`: ${code(def.wire)}).`,
    });
  }
  out.push(
    ...typeApi(s, decl, { input: ref(T), optionalInput: def !== undefined, defaultFn: def ? `default${T}` : undefined, guard: true }),
  );
  const display: Stmt = {
    t: "switch",
    disc: id("value"),
    cases: [
      ...decl.variants.map((v) => ({ tests: [str(v.wire)], body: [ret(str(v.display))] })),
      { tests: [undefined], body: [ret(call(s.rt("check"), str(T), id(`read${T}`), id("value")))] },
    ],
  };
  out.push({
    t: "function",
    name: `display${T}`,
    exported: true,
    params: [{ name: "value", type: ref(T) }],
    returns: ref("string"),
    body: [display],
    doc: `The Display string of ${withArticle(T)} (Rust \`fmt::Display\`); throws {@link ValidationError} for anything else.`,
  });
  return out;
}
