/** Constrained strings in the loader: a length range and a pattern that must compile. */
import type { DataPath } from "../../parse/locate.js";
import type { StringDecl } from "../../model/ir.js";
import type { BuildContext, KindLoader } from "../../model/kind-loader.js";
import { docText, type RawString } from "../../model/raw.js";

export const stringLoader: KindLoader<RawString, StringDecl> = { build: buildString };

function buildString(b: BuildContext, name: string, raw: RawString, path: DataPath): StringDecl {
  const { ctx } = b;
  if (raw.min_length !== undefined && raw.max_length !== undefined && raw.min_length > raw.max_length) {
    ctx.report("invalid-length-range", ctx.valueAt([...path, "min_length"]), { min: raw.min_length, max: raw.max_length });
  }
  if (raw.pattern !== undefined) {
    try {
      new RegExp(raw.pattern, "u");
    } catch (error) {
      // "Invalid regular expression: /.../u: Unterminated group" -> "unterminated group".
      const detail = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
      ctx.report("invalid-pattern", ctx.valueAt([...path, "pattern"]), { detail: detail.charAt(0).toLowerCase() + detail.slice(1) });
    }
  }
  return {
    kind: "string",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    minLength: raw.min_length,
    maxLength: raw.max_length,
    pattern: raw.pattern,
    patternDoc: raw.pattern_doc,
    range: ctx.keyAt(path),
  };
}
