/**
 * The catalog of what `idlc import rust` reports: a stable kebab-case code, a severity and a
 * message template, as the IDL's own catalog (catalog.ts). An error is something the import could
 * not carry over (a `TODO(idlc import)` is left in the YAML and the command exits with 1); a
 * warning is something to review that the import did carry over.
 */
import { fillTemplate, type Severity } from "./catalog.js";
import type { Report, SourceRange } from "./diagnostic.js";

interface Entry {
  readonly severity: Severity;
  /** Message template; `{name}` is replaced by the argument of that name. */
  readonly message: string;
  /** One line on what the user does about it, for docs/import.md and the TODO comments. */
  readonly fix: string;
}

function entry(severity: Severity, message: string, fix: string): Entry {
  return { severity, message, fix };
}

/** Every code `idlc import` reports, with its severity, message template and fix. */
export const importCatalog = {
  // Reading the Rust files.
  "rust-syntax": entry(
    "error",
    "Rust syntax error: {detail}; items here may be missing from the import.",
    "Fix the Rust file (it must compile) and import again.",
  ),
  "duplicate-module": entry(
    "error",
    "Module '{module}' is already imported from '{other}'; this file is not imported.",
    "Import the two files in separate runs, or rename one.",
  ),
  "invalid-idl-name": entry(
    "error",
    "{what} '{name}' cannot be an IDL name: {rule}.",
    "Rename it in the YAML (the wire name is kept with `wire:`), or in Rust.",
  ),
  "duplicate-type": entry(
    "error",
    "Type '{name}' is also declared at {other}; IDL type names are unique across modules.",
    "Rename one of the two types in the YAML.",
  ),
  "import-cycle": entry(
    "error",
    "Module '{from}' uses a type of '{to}', which uses '{from}' in turn; IDL modules cannot import each other in a cycle.",
    "Move the types both modules use into one module (in the YAML, or in Rust and import again).",
  ),
  "idl-refused": entry(
    "error",
    "serde_derive accepts this, but the IDL refuses what it imports to ({code}): {message}",
    "Change the Rust to something serde can write and read back (the message says what), or describe the JSON in the YAML.",
  ),
  "nothing-to-import": entry(
    "warning",
    "No type deriving Serialize or Deserialize, and no path helper, in this file; no module written for it.",
    "Nothing to do, unless the file's types come from a macro.",
  ),
  // Names and types.
  "unresolved-type": entry(
    "error",
    "Type '{name}' is not declared in the imported files; written as 'json' (any JSON value).",
    "Import the file that declares it too, or write its wire type in the YAML.",
  ),
  "unsupported-type": entry(
    "error",
    "Rust type '{type}' has no IDL type; written as 'json' (any JSON value).",
    "Write the type's wire form in the YAML.",
  ),
  "changed-rust-type": entry(
    "warning",
    "Rust type '{type}' is written as '{idl}': the same JSON, but the generated Rust uses {rust}.",
    "Nothing for the JSON; check callers if the Rust crate replaces this file.",
  ),
  "borrowed-str": entry(
    "warning",
    "'{type}' borrows from the input: serde reads only JSON strings without escapes into it. Written as 'string', which reads every string.",
    "Nothing, unless JSON with escaped strings must stay refused; a Rust crate generated from the IDL uses String.",
  ),
  "collapsed-optional": entry(
    "warning",
    "Field '{field}' is Option<Option<T>> without skip_serializing_if = \"Option::is_none\": serde writes None and Some(None) both as null, so it is written as optional<T>, the same JSON.",
    "Nothing for the JSON; add skip_serializing_if = \"Option::is_none\" in Rust (and import again) if missing and null must differ.",
  ),
  "generic-type": entry(
    "error",
    "Type '{name}' has type parameters, which the IDL does not have; each parameter is written as 'json'.",
    "Declare one IDL type per instantiation in use.",
  ),
  "not-serde-type": entry(
    "error",
    "Type '{name}' derives neither Serialize nor Deserialize; written as 'json'.",
    "Derive serde on it in Rust and import again, or write its wire type in the YAML.",
  ),
  "manual-serde-impl": entry(
    "error",
    "Type '{name}' implements {trait} by hand; its JSON is whatever that code does. Written as 'json'.",
    "Describe its JSON in the YAML (often a string, or a `kind: string` type with a rule).",
  ),
  "one-way-serde": entry(
    "warning",
    "Type '{name}' derives only {derives}; the IDL describes both directions.",
    "Nothing, unless the other direction must stay impossible.",
  ),
  "macro-not-expanded": entry(
    "error",
    "Macro '{name}!' is not expanded; any type it declares is not imported.",
    "Write the types the macro declares in the YAML, or expand the macro (cargo expand) and import that.",
  ),
  // serde attributes.
  "unsupported-attribute": entry(
    "error",
    "#[serde({attr})] cannot be expressed in the IDL: {why}.",
    "Describe the JSON this attribute produces in the YAML, or drop it in Rust.",
  ),
  "ignored-attribute": entry("warning", "#[serde({attr})] does not change the JSON; not carried over.", "Nothing."),
  "unknown-attribute": entry(
    "error",
    "#[serde({attr})] is not a serde 1.0.152 attribute{where}.",
    "Check the attribute; serde_derive 1.0.152 refuses it.",
  ),
  "skipped-variant": entry(
    "warning",
    "Variant '{name}' is skipped by serde; {what}.",
    "Nothing for the JSON serde reads; check that nothing relies on Rust refusing to write it.",
  ),
  "unknown-skip-predicate": entry(
    "error",
    'skip_serializing_if = "{fn}" is not a test the IDL has (Option::is_none, *::is_empty, or equality with the field\'s default).',
    "Choose an `omit:` rule in the YAML, or leave the field always written.",
  ),
  // Defaults.
  "computed-default": entry(
    "error",
    "Default '{fn}' computes its value ({detail}); the IDL needs a literal.",
    "Write the literal value the function returns in the YAML.",
  ),
  "unresolved-default": entry(
    "error",
    "Default function '{fn}' is not declared in the imported files.",
    "Write the literal value it returns in the YAML.",
  ),
  "conflicting-struct-defaults": entry("error", "{detail}; the IDL has one default value per struct.", "Choose the value in the YAML."),
  // Display and paths.
  "display-not-literal": entry(
    "error",
    "Display of '{name}' is not a match of each variant to a string literal ({detail}); written without display strings.",
    "Write each variant's `display:` in the YAML.",
  ),
  "display-ignored": entry(
    "warning",
    "Display of '{name}' is not carried over: the IDL has Display strings for enum variants only.",
    "Nothing for the JSON.",
  ),
  "path-not-imported": entry(
    "warning",
    "Function '{name}' formats a path, but {why}; not imported as a path helper.",
    "Write it under `paths:` in the YAML if it is one.",
  ),
} as const satisfies Record<string, Entry>;

/** A code of the import catalog. */
export type ImportCode = keyof typeof importCatalog;

/** A diagnostic of `idlc import`: at a Rust file's line and column. */
export interface ImportDiagnostic extends Report {
  readonly code: ImportCode;
}

/** Creates an import diagnostic from the catalog. */
export function importDiagnostic(
  code: ImportCode,
  range: SourceRange,
  args: Readonly<Record<string, string | number>> = {},
): ImportDiagnostic {
  return { code, severity: importCatalog[code].severity, message: fillTemplate(importCatalog[code].message, args), range };
}

/** The comment left in the YAML for a diagnostic: `TODO(idlc import) <code> (<file:line:col>): <message> <fix>`. */
export function todoNote(d: ImportDiagnostic): string {
  return `TODO(idlc import) ${d.code} (${d.range.file}:${d.range.start.line}:${d.range.start.col}): ${d.message} ${importCatalog[d.code].fix}`;
}
