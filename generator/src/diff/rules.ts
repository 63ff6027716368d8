/**
 * The catalog of every rule `idlc diff` reports: a stable SCREAMING_SNAKE id, a severity, the
 * direction it protects and a message template. Findings are created only through this catalog.
 * docs/diff-rules.md explains each rule with an example.
 */
import type { SourceRange } from "../diagnostics/diagnostic.js";

export type DiffSeverity = "breaking" | "dangerous" | "safe";

/** What a rule protects: who reads what after the change. */
export type Direction =
  /** Files written before the change, read by code built after it. */
  | "old-data-new-code"
  /** Files written after the change, read by code built before it. */
  | "new-data-old-code"
  | "both"
  /** Where files live: path helpers and roots. */
  | "on-disk-layout"
  /** Code using the generated package or the Rust types (names, constants, strings). */
  | "code"
  /** Nothing: documentation. */
  | "none";

export const SEVERITIES: readonly DiffSeverity[] = ["breaking", "dangerous", "safe"];

interface Rule {
  readonly severity: DiffSeverity;
  readonly direction: Direction;
  readonly title: string;
  /** Message template; `{name}` is replaced by the argument of that name. */
  readonly message: string;
}

function rule(severity: DiffSeverity, direction: Direction, title: string, message: string): Rule {
  return { severity, direction, title, message };
}

/** One line per rule: severity, direction, title, message. */
// prettier-ignore
export const RULES = {
  // Types and modules.
  TYPE_ADDED: rule("safe", "code", "Type added", "Type {name} ({kind}) was added."),
  TYPE_REMOVED: rule("breaking", "code", "Type removed", "Type {name} ({kind}) was removed: code that uses it no longer compiles and its JSON Schema is gone."),
  TYPE_KIND_CHANGED: rule("breaking", "both", "Kind changed", "Type {name} changed from {from} to {to}: {detail}."),
  TYPE_KIND_RELAXED: rule("dangerous", "new-data-old-code", "Kind relaxed", "Type {name} changed from {from} to {to}: old values still read, but old readers refuse {detail}."),
  TYPE_DEFAULT_ADDED: rule("safe", "code", "Type default added", "Type {name} now has a default: {value}."),
  TYPE_DEFAULT_REMOVED: rule("breaking", "code", "Type default removed", "Type {name} no longer has a default (was {value}): default{name}() and Rust's Default go away."),
  TYPE_DEFAULT_CHANGED: rule("dangerous", "old-data-new-code", "Type default changed", "The default of {name} is {to}, not {from}: {affected}."),
  MODULE_CHANGED: rule("safe", "code", "Moved to another module", "{what} {name} moved from module {from} to {to}; the package still exports it from its root."),
  // Names on the wire.
  RENAME_RULE_CHANGED: rule("breaking", "both", "Naming rule changed", "rename_all of {name} changed from {from} to {to}, which renames on the wire: {changes}."),
  WIRE_NAME_CHANGED: rule("breaking", "both", "Wire name changed", "{what} {name} is written '{to}', not '{from}': {consequence}."),
  WIRE_NAME_ALIASED: rule("breaking", "new-data-old-code", "Wire name changed, old name kept as alias", "{what} {name} is written '{to}', not '{from}', which it still reads as an alias: existing files read, but {consequence}."),
  WIRE_NAME_SWAPPED: rule("safe", "new-data-old-code", "Wire name swapped with an alias", "{what} {name} is written '{to}', not '{from}'; both versions read both names."),
  ALIAS_ADDED: rule("safe", "old-data-new-code", "Alias added", "{what} {name} also reads '{alias}' now; it is still written '{wire}'."),
  ALIAS_REMOVED: rule("breaking", "old-data-new-code", "Alias removed", "{what} {name} no longer reads '{alias}': existing files that use it {consequence}."),
  IDL_ONLY_CHANGE: rule("safe", "code", "IDL-only change", "{detail}; the wire and the disk layout do not change."),
  DOC_CHANGED: rule("safe", "none", "Docs changed", "Documentation of {what} {name} changed."),
  // Struct fields.
  FIELD_ADDED_REQUIRED: rule("breaking", "old-data-new-code", "Required field added", "Field '{wire}' ({type}) was added without a default: existing files lack it and no longer read."),
  FIELD_ADDED_OPTIONAL: rule("safe", "old-data-new-code", "Optional field added", "Field '{wire}' ({type}) was added {how}: existing files still read and old readers ignore it."),
  FIELD_ADDED_STRICT: rule("dangerous", "new-data-old-code", "Field added to a strict struct", "Field '{wire}' ({type}) was added to {struct}, which denies unknown fields: old readers refuse new files that carry it."),
  FIELD_REMOVED: rule("breaking", "both", "Field removed", "Field '{wire}' ({type}) was removed: {consequence}."),
  FIELD_TYPE_CHANGED: rule("breaking", "both", "Field type changed", "Field '{wire}' changed from {from} to {to}: {detail}."),
  FIELD_TYPE_NARROWED: rule("breaking", "old-data-new-code", "Field type narrowed", "Field '{wire}' narrowed from {from} to {to}: existing files with {detail} no longer read."),
  FIELD_TYPE_WIDENED: rule("dangerous", "new-data-old-code", "Field type widened", "Field '{wire}' widened from {from} to {to}: existing files still read, but old readers refuse new files with {detail}."),
  FIELD_MADE_REQUIRED: rule("breaking", "old-data-new-code", "Field made required", "Field '{wire}' {how}: existing files {which} no longer read."),
  FIELD_MADE_OPTIONAL: rule("dangerous", "new-data-old-code", "Field made optional", "Field '{wire}' changed from {from} to {to}: new files may hold null{omitted}, which old readers refuse."),
  DEFAULT_ADDED: rule("safe", "old-data-new-code", "Default added", "Field '{wire}' now reads as {value} when missing; files so far always hold it."),
  DEFAULT_CHANGED: rule("dangerous", "old-data-new-code", "Default changed", "Field '{wire}' reads as {to} when missing, not {from}: existing files that leave it out change meaning."),
  OMIT_CHANGED: rule("dangerous", "new-data-old-code", "Omit rule changed", "Field '{wire}' is now {to} on output (was {from}): {consequence}."),
  OMIT_REMOVED: rule("safe", "new-data-old-code", "Omit rule removed", "Field '{wire}' is now always written (was {from}); old readers read it as before."),
  FIELD_NO_LONGER_READ: rule("breaking", "old-data-new-code", "Field no longer read", "Field '{wire}' is no longer read (skip: {to}, was {from}): {consequence}."),
  FIELD_NOW_READ: rule("dangerous", "old-data-new-code", "Field read again", "Field '{wire}' is read now (skip: {to}, was {from}): {consequence}."),
  FIELD_NO_LONGER_WRITTEN: rule("dangerous", "new-data-old-code", "Field no longer written", "Field '{wire}' is no longer written (skip: {to}, was {from}): {consequence}."),
  FIELD_NOW_WRITTEN: rule("safe", "new-data-old-code", "Field written again", "Field '{wire}' is written now (skip: {to}, was {from}): {consequence}."),
  FLATTEN_CHANGED: rule("breaking", "both", "Flatten changed", "Field '{wire}' is {how}: existing files no longer read the same, and old readers refuse or misread new files."),
  LIST_BECAME_SET: rule("dangerous", "old-data-new-code", "List became a set", "{what} is {to}, not {from}{where}: the same arrays read, but repeated elements in existing files are read as one and written sorted."),
  SET_BECAME_LIST: rule("dangerous", "new-data-old-code", "Set became a list", "{what} is {to}, not {from}{where}: new files may repeat elements or leave them unsorted, which old readers collapse and reorder."),
  HASHED_CHANGED: rule("safe", "code", "Hashed collection changed", "{what} is {to}, not {from}{where}: the wire reads the same; the Rust type changes (a hash_map or hash_set is written by Rust in no particular order)."),
  BOX_CHANGED: rule("safe", "code", "Box changed", "{what} is {to}, not {from}{where}: the wire is the same; only the Rust type changes."),
  FIELD_ORDER_CHANGED: rule("safe", "new-data-old-code", "Field order changed", "Fields of {name} are written in a new order ({order}); JSON objects read the same, serde's sequence form does not."),
  UNKNOWN_FIELDS_DENIED: rule("breaking", "old-data-new-code", "Unknown fields denied", "{name} now refuses fields it does not declare: existing files with extra fields no longer read."),
  UNKNOWN_FIELDS_ALLOWED: rule("safe", "old-data-new-code", "Unknown fields allowed", "{name} now ignores fields it does not declare."),
  MISSING_FIELDS_DEFAULT_ADDED: rule("safe", "old-data-new-code", "Missing fields take the default", "{name} now reads a missing field from its default (missing_fields: default): files that leave out {fields} read."),
  MISSING_FIELDS_DEFAULT_REMOVED: rule("breaking", "old-data-new-code", "Missing fields no longer take the default", "{name} no longer reads missing fields from its default: existing files that leave out {fields} no longer read."),
  TRANSPARENT_CHANGED: rule("breaking", "both", "Transparent changed", "{name} is {how}: existing files no longer read, and old readers refuse new files."),
  // Enums and open enums.
  VARIANT_ADDED: rule("dangerous", "new-data-old-code", "Enum variant added", "{type} gained variant '{wire}': {consequence}."),
  VARIANT_REMOVED: rule("breaking", "old-data-new-code", "Enum variant removed", "{type} lost variant '{wire}': {consequence}."),
  VARIANT_PAYLOAD_CHANGED: rule("breaking", "both", "Variant payload changed", "Variant {name} carries {to}, not {from}: existing files that hold it no longer read, and old readers refuse new files that hold it."),
  VARIANT_ORDER_CHANGED: rule("dangerous", "old-data-new-code", "Untagged variants reordered", "Variants of untagged {type} are tried in a new order ({order}): a value more than one variant reads may now read as another one."),
  ENUM_REPRESENTATION_CHANGED: rule("breaking", "both", "Enum representation changed", "{name} is {to}, not {from}: every value with data (or every value) is written differently; existing files no longer read, and old readers refuse new files."),
  ENUM_TAG_RENAMED: rule("breaking", "both", "Enum tag renamed", "The {which} key of {name} is '{to}', not '{from}': existing files no longer read, and old readers refuse new files."),
  OTHER_ADDED: rule("safe", "old-data-new-code", "Catch-all variant added", "{type} now reads any variant it does not list as {name} ('{wire}'), where it refused them."),
  OTHER_REMOVED: rule("breaking", "old-data-new-code", "Catch-all variant removed", "{type} no longer reads unknown variants as {name} ('{wire}'): existing files that hold a variant it does not list no longer read."),
  DEFAULT_VARIANT_CHANGED: rule("dangerous", "old-data-new-code", "Default variant changed", "The default of {type} is '{to}', not '{from}': {affected}."),
  DISPLAY_CHANGED: rule("dangerous", "code", "Display string changed", "{type}.{name} displays as '{to}', not '{from}': logs, UIs and whatever parses them change."),
  KNOWN_VALUE_ADDED: rule("safe", "both", "Known value added", "{type} lists the value '{value}'; any string was read before and still is."),
  KNOWN_VALUE_REMOVED: rule("safe", "both", "Known value removed", "{type} no longer lists '{value}'; it still reads as any string, but the constant {type}.{constant} is gone."),
  // Newtypes, tuple structs, and variants with data: the type they hold.
  INNER_TYPE_NARROWED: rule("breaking", "old-data-new-code", "Inner type narrowed", "{what} narrowed from {from} to {to}: existing files with {detail} no longer read."),
  INNER_TYPE_WIDENED: rule("dangerous", "new-data-old-code", "Inner type widened", "{what} widened from {from} to {to}: existing files still read, but old readers refuse new files with {detail}."),
  INNER_TYPE_CHANGED: rule("breaking", "both", "Inner type changed", "{what} changed from {from} to {to}: {detail}."),
  // Constrained strings.
  STRING_CONSTRAINT_TIGHTENED: rule("breaking", "old-data-new-code", "String rule tightened", "{type} now refuses {detail}: existing values (and the directories named after them) may no longer be accepted."),
  STRING_CONSTRAINT_RELAXED: rule("dangerous", "new-data-old-code", "String rule relaxed", "{type} now accepts {detail}: old readers and old path helpers refuse them."),
  STRING_CONSTRAINT_CHANGED: rule("breaking", "both", "String rule changed", "{type} changed its rule ({detail}): neither rule contains the other."),
  // Paths on disk.
  PATH_ADDED: rule("safe", "on-disk-layout", "Path helper added", "Path helper {name} was added: {template}."),
  PATH_REMOVED: rule("breaking", "on-disk-layout", "Path helper removed", "Path helper {name} ({template}) was removed: code that finds files through it breaks."),
  PATH_TEMPLATE_CHANGED: rule("breaking", "on-disk-layout", "Path template changed", "{name} resolves to {to}, not {from}: existing files are no longer found there{dependents}."),
  PATH_PARAMS_CHANGED: rule("breaking", "on-disk-layout", "Path parameters changed", "{name} takes ({to}), not ({from}): {consequence}{dependents}."),
  PATH_ROOT_CHANGED: rule("breaking", "on-disk-layout", "Root changed", "Root {name} is {to}, not {from}: every file under it moves{dependents}."),
  ROOT_ADDED: rule("safe", "on-disk-layout", "Root added", "Root {name} ({value}) was added."),
  ROOT_REMOVED: rule("breaking", "on-disk-layout", "Root removed", "Root {name} ({value}) was removed: code that uses it no longer compiles."),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES).sort() as RuleId[];

export function isRuleId(name: string): name is RuleId {
  return Object.hasOwn(RULES, name);
}

/** One change between base and head and what it breaks. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: DiffSeverity;
  readonly direction: Direction;
  /** Stable dotted identifier: `PoolSpec.template_id`, `Role.Worker`, `type:PoolSpec`, `pool_dir`, `root:TENANT_BASE`. */
  readonly path: string;
  readonly message: string;
  /** Where the changed item is in the base (absent for additions). */
  readonly base?: SourceRange;
  /** Where the changed item is in the head (absent for removals). */
  readonly head?: SourceRange;
  /** Set when idl/accepted-changes.yaml accepts the finding. */
  readonly accepted?: { readonly reason: string };
}

export interface Where {
  readonly base?: SourceRange | undefined;
  readonly head?: SourceRange | undefined;
}

/** Creates a finding of `rule` at `path`, its message filled from `args`. */
export function finding(rule: RuleId, path: string, args: Readonly<Record<string, string | number>>, where: Where): Finding {
  const r = RULES[rule];
  const message = r.message.replace(/\{([a-z]+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
  return {
    rule,
    severity: r.severity,
    direction: r.direction,
    path,
    message,
    ...(where.base ? { base: where.base } : {}),
    ...(where.head ? { head: where.head } : {}),
  };
}
