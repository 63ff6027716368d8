/**
 * What the IDL allows but Rust cannot hold: names that are not Rust identifiers (`self`,
 * `crate`), types that would shadow what the generated code uses (`Vec`, `String`), generated
 * names that collide (`try_x` beside a helper named `try_x`), and patterns the generated
 * matcher cannot check. Each is a diagnostic at its place in the IDL; the crate is written only
 * without them.
 */
import { diagnostic, sortDiagnostics, type Diagnostic, type SourceRange } from "../../diagnostics/diagnostic.js";
import type { Model } from "../../model/ir.js";
import { knownValueConst } from "../../kinds/open-enum/rust.js";
import { tryName } from "./paths.js";
import { compilePattern, PatternError } from "./pattern.js";
import { UNUSABLE } from "./text.js";

/** Names the generated code takes from Rust's prelude, std and serde: a type of the same name would shadow them. */
export const RUST_RESERVED_TYPES = [
  "AsRef",
  "BTreeMap",
  "BTreeSet",
  "Box",
  "Default",
  "Deserialize",
  "Err",
  "From",
  "HashMap",
  "HashSet",
  "None",
  "Ok",
  "Option",
  "Result",
  "Self",
  "Serialize",
  "Some",
  "String",
  "TryFrom",
  "Vec",
] as const;

/** Module names that would be ambiguous with the crates the generated code uses. */
const RESERVED_MODULES = ["alloc", "core", "serde", "std"];

/** The diagnostics of a model that the Rust target cannot generate as it is; empty when it can. */
export function checkRustModel(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reserved = (name: string, range: SourceRange, what: string, reason: string): void => {
    out.push(diagnostic("reserved-name", range, { name, what, reason }));
  };
  // Values of the crate's modules (functions and constants), declared and generated.
  const taken = new Map<string, string>();
  const claim = (name: string, range: SourceRange, what: string): void => {
    const other = taken.get(name);
    if (other !== undefined) out.push(diagnostic("name-collision", range, { what, name, other }));
    else taken.set(name, `${what.toLowerCase()} '${name}'`);
  };
  for (const m of model.modules) {
    if (UNUSABLE.has(m.name) || RESERVED_MODULES.includes(m.name)) {
      reserved(m.name, m.range, "a module name", "it is not a Rust module name the crate can declare");
    }
    for (const r of m.roots) claim(r.name, r.range, "Root");
    for (const p of m.paths) claim(p.name, p.range, "Path helper");
  }
  for (const m of model.modules) {
    for (const t of m.types) {
      if ((RUST_RESERVED_TYPES as readonly string[]).includes(t.name)) {
        reserved(t.name, t.range, "a type name", "the generated Rust code uses Rust's own type of that name");
      }
      switch (t.kind) {
        case "struct":
          for (const f of t.fields) if (UNUSABLE.has(f.name)) reserved(f.name, f.range, "a field name", "Rust has no identifier for it");
          break;
        case "enum":
          for (const v of t.variants) {
            if (UNUSABLE.has(v.name)) reserved(v.name, v.range, "a variant name", "Rust has no identifier for it");
            if (v.payload.kind !== "struct") continue;
            for (const f of v.payload.fields) if (UNUSABLE.has(f.name)) reserved(f.name, f.range, "a field name", "Rust has no identifier for it");
          }
          break;
        case "open-enum":
          for (const v of t.values) claim(knownValueConst(t, v.name), v.range, "Rust constant");
          break;
        case "string":
          if (t.pattern !== undefined) {
            try {
              compilePattern(t.pattern);
            } catch (error) {
              if (!(error instanceof PatternError)) throw error;
              out.push(diagnostic("unsupported-pattern", t.range, { detail: error.message }));
            }
          }
          break;
      }
    }
    for (const p of m.paths) {
      if (UNUSABLE.has(p.name)) reserved(p.name, p.range, "a path helper name", "Rust has no identifier for it");
      claim(tryName(p), p.range, "Rust function");
      for (const param of p.params) {
        if (param.declaredBy === p.name && UNUSABLE.has(param.name)) {
          reserved(param.name, param.range, "a parameter name", "Rust has no identifier for it");
        }
      }
    }
  }
  return sortDiagnostics(out);
}
