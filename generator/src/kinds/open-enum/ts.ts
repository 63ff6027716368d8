/** Open enums in TypeScript: any string on the wire, the known values as constants and completions. */
import { jsonWriterUse } from "../../targets/ts/straight.js";
import type { OpenEnumDecl } from "../../model/ir.js";
import { typeApi } from "../../targets/ts/api.js";
import type { Decl } from "../../targets/ts/printer/ast.js";
import { call, code, docText, exprStmt, id, ifStmt, method, ref, ret, str, typeOf, bin, UNDEFINED, type FileScope } from "../../targets/ts/scope.js";

export function openEnumTs(s: FileScope, decl: OpenEnumDecl): Decl[] {
  const T = decl.name;
  const known = decl.values.map((v) => code(v.value)).join(", ");
  const defaultNote = decl.defaultValue !== undefined ? ` Default: ${code(decl.defaultValue)}.` : "";
  const out: Decl[] = [
    {
      t: "const",
      name: T,
      exported: true,
      init: { t: "object", expand: true, props: decl.values.map((v) => ({ key: v.name, value: str(v.value), doc: docText(v.doc) })) },
      asConst: true,
      doc: `The values of {@link ${T}} upstream knows.`,
    },
    {
      t: "type",
      name: T,
      exported: true,
      type: {
        t: "union",
        types: [
          { t: "indexed", object: { t: "typeof", name: T }, index: { t: "keyof", type: { t: "typeof", name: T } } },
          // `string & {}` keeps completion for the known values while accepting any string.
          { t: "intersection", types: [ref("string"), { t: "type-literal", members: [] }] },
        ],
      },
      doc: docText(decl.doc, `Known values: ${known}. Any other string is read and written as it is.${defaultNote}`),
    },
    {
      t: "function",
      name: `read${T}`,
      exported: true,
      params: [
        { name: "v", type: ref("unknown") },
        { name: "r", type: s.rtType("Report"), optional: true },
      ],
      returns: ref(T),
      body: [ifStmt(bin("!==", typeOf(id("v")), str("string")), exprStmt(call(s.rt("badItem"), id("r"), UNDEFINED, id("v"), s.rt("STRING")))), ret(id("v"))],
    },
  ];
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
  if (decl.defaultValue !== undefined) {
    out.push({
      t: "function",
      name: `default${T}`,
      exported: true,
      params: [],
      returns: ref(T),
      body: [ret(str(decl.defaultValue))],
      doc: `The default ${T}: ${code(decl.defaultValue)}.`,
    });
  }
  out.push(
    ...typeApi(s, decl, {
      input: ref(T),
      optionalInput: decl.defaultValue !== undefined,
      defaultFn: decl.defaultValue !== undefined ? `default${T}` : undefined,
      guard: true,
    }),
  );
  return out;
}
