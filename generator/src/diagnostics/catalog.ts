/**
 * The catalog of every diagnostic idlc reports: a stable kebab-case code, a severity and a
 * message template. Phases create diagnostics only through this catalog, so codes never drift.
 */

export type Severity = "error" | "warning";

interface Entry {
  readonly severity: Severity;
  /** Message template; `{name}` is replaced by the argument of that name. */
  readonly message: string;
}

function entry(severity: Severity, message: string): Entry {
  return { severity, message };
}

export const catalog = {
  // Files and YAML syntax.
  "file-unreadable": entry("error", "Cannot read '{file}': {reason}."),
  "file-too-large": entry("error", "File is {size} bytes; IDL files are limited to {limit} bytes."),
  "no-modules": entry("error", "No IDL modules (*.yaml) found in '{dir}'."),
  "yaml-syntax": entry("error", "YAML syntax error: {detail}"),
  "duplicate-key": entry("error", "Key '{key}' appears more than once in this mapping."),
  "yaml-multiple-documents": entry("error", "A module file holds one YAML document; found another one here."),
  "yaml-alias": entry("error", "YAML anchors and aliases are not allowed in the IDL; write the value out."),
  "yaml-tag": entry("error", "YAML tag '{tag}' is not allowed in the IDL."),
  "yaml-non-string-key": entry("error", "Keys must be plain strings; this one is {got}."),
  // Shape of the document (checked against generator/idl.schema.json).
  "unknown-key": entry("error", "Unknown key '{key}' in {where}.{hint}"),
  "missing-key": entry("error", "Missing key '{key}' in {where}.{hint}"),
  "invalid-value": entry("error", "Invalid value for {where}: {detail}."),
  "invalid-name": entry("error", "Invalid name '{name}' in {where}: {rule}."),
  "unsupported-version": entry("error", "Unsupported IDL version; this idlc reads 'idl: 1'."),
  "unknown-kind": entry("error", "Unknown kind '{kind}'. Expected one of {allowed}.{hint}"),
  // Modules and names.
  "module-name-mismatch": entry("error", "Module is named '{module}' but its file is '{file}'; they must match."),
  "unknown-module": entry("error", "Module '{module}' is not defined.{hint}"),
  "import-cycle": entry("error", "Modules import each other in a cycle: {cycle}."),
  "duplicate-name": entry("error", "'{name}' is already declared at {other}."),
  "reserved-name": entry("error", "'{name}' cannot be used as {what}: {reason}."),
  "name-collision": entry("error", "{what} '{name}' collides with {other} in the generated code."),
  // Types.
  "type-syntax": entry("error", "Invalid type expression '{text}': {detail}."),
  "unknown-type": entry("error", "Type '{name}' is not defined.{hint}"),
  "not-imported": entry("error", "'{name}' is declared in module '{module}', which this module does not import. Add it to 'imports'."),
  "invalid-map-key": entry("error", "'{key}' cannot be a map key: {reason}."),
  "invalid-set-element": entry("error", "'{element}' cannot be a set element: {reason}."),
  "indistinct-optional": entry(
    "error",
    "{type} cannot be told apart from optional<T> on the wire (serde reads null as the outer none); it is allowed only as the type of a field with 'omit: if-none'.",
  ),
  "invalid-type-use": entry("error", "{detail}."),
  "recursive-type": entry("error", "Type '{name}' contains itself through {through} ({cycle}); no finite value exists."),
  "invalid-pattern": entry("error", "Invalid regular expression: {detail}."),
  "invalid-length-range": entry("error", "min_length {min} is greater than max_length {max}."),
  "unknown-variant": entry("error", "'{name}' is not a variant of {type}.{hint}"),
  "duplicate-wire-name": entry("error", "Wire name '{wire}' is already used by '{other}' in {type}."),
  // Enums: serde_derive's refusals, and what serde fails to write at run time.
  "invalid-repr": entry("error", "Invalid enum representation: {detail}."),
  "conflicting-payload": entry("error", "Variant {variant} carries either '{first}' or '{second}', not both."),
  "tag-tuple-variant": entry(
    "error",
    "Tuple variant {variant} cannot be internally tagged (tag '{tag}'): serde has nowhere to put the tag in an array. Add 'content' (adjacent tagging), or give the variant 'fields'.",
  ),
  "tag-field-conflict": entry("error", "Field '{field}' of {owner} is {how} '{tag}' on the wire, like the enum's internal tag."),
  "internal-tag-newtype": entry(
    "error",
    "Variant {variant} is internally tagged, so it must hold something written as a JSON object (a struct, a map, a unit struct, an internally tagged enum, or a newtype or box of one), for the tag to sit among its keys; it holds {got}.",
  ),
  "invalid-other": entry("error", "'other' on {variant}: {detail}."),
  "default-variant-not-unit": entry("error", "The default variant must be a unit variant (Rust's #[default]); {variant} is a {payload} variant."),
  // Structs: serde's rules for transparent, flatten and skip.
  "invalid-transparent": entry("error", "Transparent struct {type}: {detail}."),
  "invalid-flatten": entry("error", "Cannot flatten this field: {detail}."),
  "skip-without-default": entry(
    "error",
    "Field '{field}' is never read (skip), so it takes a default: its type {type} has none of its own; add 'default' to the field.",
  ),
  "no-struct-default": entry(
    "error",
    "'missing_fields: default' takes a missing field from the default of {type}; give {type} 'has_default: true' or a 'default' value.",
  ),
  // Defaults and omit rules.
  "conflicting-defaults": entry("error", "{what} has either '{first}' or '{second}', not both."),
  "invalid-default": entry("error", "Default does not fit type {type}: {detail}."),
  "no-type-default": entry("error", "Type {type} has no default of its own for 'type_default' to use; write a literal 'default' instead."),
  "invalid-omit": entry("error", "'omit: {omit}' needs {needs}; field type is {type}."),
  // Path helpers.
  "template-syntax": entry("error", "Invalid template: {detail}."),
  "unknown-placeholder": entry("error", "'{name}' is not a root, a path helper or a parameter of this helper.{hint}"),
  "unanchored-template": entry("error", "A template must start with a root or another path helper, as '{{root}/...'."),
  "path-cycle": entry("error", "Path helpers build on each other in a cycle: {cycle}."),
  "unused-param": entry("error", "Parameter '{name}' is declared but not used in the template."),
  "param-conflict": entry("error", "Parameter '{name}' already comes from '{helper}', which this template builds on; remove it here."),
  "invalid-param-type": entry("error", "Path parameters must have a string type (string or a 'kind: string' type); '{type}' is not one."),
  // Targets.
  "unsupported-pattern": entry("error", "The Rust target cannot check this pattern: {detail}."),
} as const satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof catalog;

/** Fills a template; unknown placeholders stay as written so a typo in the catalog is visible. */
export function renderMessage(code: DiagnosticCode, args: Readonly<Record<string, string | number>>): string {
  return fillTemplate(catalog[code].message, args);
}

/** Fills `{name}` placeholders of a catalog template (`{{` is a literal brace). */
export function fillTemplate(template: string, args: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{|\{([a-z]+)\}/g, (whole, name: string | undefined) =>
    name === undefined ? "{" : name in args ? oneLine(String(args[name])) : whole,
  );
}

/** A diagnostic is one line: line breaks and other control characters in quoted text are escaped. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}
