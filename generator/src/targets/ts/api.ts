/**
 * The public functions every declared type has, built by the runtime's factories from the
 * type's generated reader and writer: one short, documented constant each.
 */
import type { TypeDecl } from "../../model/ir.js";
import type { Decl, Expr, TypeNode } from "./printer/ast.js";
import { article, id, pureCall, ref, str, withArticle, type FileScope } from "./scope.js";

export interface ApiOptions {
  /** The input type of `createT` (`TInput` for structs). */
  readonly input: TypeNode;
  /** `createT` may be called without an argument: the default. */
  readonly optionalInput: boolean;
  /** Name of `defaultT`, when the type has a default. */
  readonly defaultFn: string | undefined;
  /** Whether to emit `isT`. */
  readonly guard: boolean;
}

/** `export const name: type = init;` with a one-paragraph doc. */
function api(name: string, init: Expr, doc: string, type?: TypeNode): Decl {
  return { t: "const", name, exported: true, init, doc, ...(type && { type }) };
}

export function typeApi(s: FileScope, decl: TypeDecl, options: ApiOptions): Decl[] {
  const T = decl.name;
  const read = id(`read${T}`);
  const write = id(`write${T}`);
  const name = str(T);
  const fresh = decl.kind === "struct" ? `a fresh {@link ${T}} with defaults` : `${article(T)} {@link ${T}}`;
  const out: Decl[] = [
    api(
      `${T}Schema`,
      pureCall(s.rt("standardSchema"), read),
      `{@link ${T}} as a Standard Schema (v1), for validator-taking libraries: validates as {@link parse${T}}.`,
      s.rtType("StandardSchema", [options.input, ref(T)]),
    ),
    api(`parse${T}`, pureCall(s.rt("parser"), name, read), `Checks JSON data (\`JSON.parse\` output), giving ${fresh}; throws {@link ValidationError}.`),
    api(`safeParse${T}`, pureCall(s.rt("safe"), id(`parse${T}`)), `{@link parse${T}}, returning the error instead of throwing it.`),
    api(`parse${T}Json`, pureCall(s.rt("jsonParser"), name, read), `Reads JSON text as \`serde_json::from_str\` does, giving ${fresh}; throws {@link ValidationError}.`),
    api(`safeParse${T}Json`, pureCall(s.rt("safe"), id(`parse${T}Json`)), `{@link parse${T}Json}, returning the error instead of throwing it.`),
    api(
      `create${T}`,
      options.optionalInput && options.defaultFn !== undefined
        ? pureCall(s.rt("creatorWithDefault"), id(`parse${T}`), id(options.defaultFn))
        : pureCall(s.rt("creator"), id(`parse${T}`)),
      `Checks ${decl.kind === "struct" ? "typed input, filling defaults" : `${article(T)} {@link ${T}} given in code`}${options.optionalInput ? " (the default without an argument)" : ""}; throws {@link ValidationError}.`,
      options.optionalInput ? s.rtType("CreateOptional", [options.input, ref(T)]) : s.rtType("Create", [options.input, ref(T)]),
    ),
    api(`serialize${T}`, pureCall(s.rt("serializer"), name, read, write), `The wire form of ${withArticle(T)} as JSON data; throws {@link ValidationError}.`),
    api(
      `stringify${T}`,
      pureCall(s.rt("stringifier"), name, read, write),
      `JSON text as \`serde_json::to_string\` (\`to_string_pretty\` with \`{ pretty: true }\`); throws {@link ValidationError} on what Rust would refuse.`,
    ),
  ];
  if (options.guard) out.push(api(`is${T}`, pureCall(s.rt("guard"), read), `Whether \`value\` is ${withArticle(T)}.`));
  return out;
}
