/**
 * KNOWN BUGS of the TypeScript package that the differential harness finds on the data-model
 * fixture: TypeScript and the generated crate (serde itself) disagree, and TypeScript is wrong.
 * They belong to `generator/src/targets/ts/` (mostly its runtime, which another engineer is
 * editing), so they are recorded here instead of fixed: every disagreement must be one of these,
 * each bug is counted in the test's output, and test/rust/ts-known-bugs.test.ts holds one
 * failing case of each (`it.fails`) against the fixture's TypeScript package. A disagreement
 * none of them explains fails the harness.
 */
import type { Disagreement } from "./harness.js";

export interface KnownTsBug {
  readonly id: string;
  /** What TypeScript does, and what serde does instead. */
  readonly what: string;
  readonly matches: (d: Disagreement) => boolean;
}

interface Sides {
  readonly type: string;
  readonly text: string;
  readonly tsOk: boolean;
  readonly rustOk: boolean;
  readonly rustError: string;
  readonly tsDisplay: string | null;
  readonly rustDisplay: string | null;
  readonly tsCompact: string;
  readonly rustCompact: string;
}

function sides(d: Disagreement): Sides | undefined {
  if (d.case.k !== "read") return undefined;
  const ts = d.ts as { ok?: boolean; display?: string | null; compact?: string };
  const rust = d.rust as { ok?: boolean; error?: string; display?: string | null; compact?: string };
  return {
    type: d.case.type,
    text: d.case.text,
    tsOk: ts.ok === true,
    rustOk: rust.ok === true,
    rustError: rust.error ?? "",
    tsDisplay: ts.display ?? null,
    rustDisplay: rust.display ?? null,
    tsCompact: ts.compact ?? "",
    rustCompact: rust.compact ?? "",
  };
}

const on = (test: (s: Sides) => boolean) => (d: Disagreement): boolean => {
  const s = sides(d);
  return s !== undefined && test(s);
};

export const KNOWN_TS_BUGS: readonly KnownTsBug[] = [
  {
    id: "ts-flatten-enum-writer",
    what:
      "a struct with a flattened internally tagged enum (Job.command) is written as invalid JSON, the enum's object " +
      'glued after the fields: {"id":"j","priority":"NORMAL"{"type":"ping"}}; serde writes {"id":"j","priority":"NORMAL","type":"ping"}',
    matches: on((s) => s.type === "Job" && s.tsOk && s.rustOk),
  },
  {
    id: "ts-flatten-unit-struct-variant",
    what:
      'a flattened internally tagged enum\'s newtype variant holding a unit struct (Command::Noop(Marker)) is refused: {"id":"j","type":"noop"} ' +
      "(invalid-type); serde reads it",
    matches: on((s) => s.type === "Job" && !s.tsOk && s.rustOk && s.rustCompact.endsWith('"type":"noop"}')),
  },
  {
    id: "ts-flatten-unit-map-form",
    what:
      'in a struct with a flattened enum whose variant holds a map (Job with Command::Label), the struct\'s own field is also ' +
      'given to that map: {"id":"j","priority":{"NORMAL":null},"type":"label"} is refused (/priority: expected a string); serde ' +
      "takes the struct's fields out first and reads it",
    matches: on((s) => s.type === "Job" && !s.tsOk && s.rustOk && !s.rustCompact.endsWith('"type":"noop"}')),
  },
  {
    id: "ts-internal-tag-seq-form",
    what:
      'an internally tagged enum written as a JSON array, the tag first and then the variant\'s fields in order (["Info","hi"], ["ping"]), ' +
      "is refused (invalid-type); serde reads it, as it reads a struct's sequence form",
    matches: on((s) => ["Notice", "Command", "StrictCommand"].includes(s.type) && !s.tsOk && s.rustOk && s.text.trimStart().startsWith("[")),
  },
  {
    id: "ts-tag-not-a-string",
    what:
      'a tag that is not a string ({"kind":null}, {"kind":[1]}, {"t":false}) is read as the `other` variant; serde refuses it ' +
      "(invalid type: ..., expected variant identifier)",
    matches: on((s) => s.tsOk && !s.rustOk && s.rustError.includes("expected variant identifier")),
  },
  {
    id: "ts-duplicate-field-buffered",
    what:
      "a field given twice (or under its name and an alias) is accepted where serde refuses it (duplicate field): in a struct " +
      "with aliases (Host), in an internally tagged variant (Command), and in a struct with flattened fields (Job, Resource)",
    matches: on((s) => s.tsOk && !s.rustOk && s.rustError.startsWith("duplicate field")),
  },
  {
    id: "ts-repeated-content-unchecked",
    what:
      'an adjacently tagged enum\'s content given twice keeps the last without checking the first ({"t":"Kill","c":1.5,"c":2}); ' +
      "serde reads both and refuses the invalid one (the map bug of ts-known-bugs.test.ts, in another place)",
    matches: on((s) => s.type === "Signal" && s.tsOk && !s.rustOk && s.rustError.startsWith("invalid")),
  },
  {
    id: "ts-unit-map-form-value",
    what:
      'a unit variant\'s map form with a value that is not null ({"heartbeat":2147483648}) is read as the `other` variant; serde ' +
      "refuses it (invalid type: integer, expected unit)",
    matches: on((s) => s.type === "Action" && s.tsOk && !s.rustOk && s.rustError.includes("expected unit")),
  },
  {
    id: "ts-untagged-float-integer",
    what:
      "an untagged enum reads an integer written as a float (0.0, 448754148E+0) as its u32 variant (Setting::Count); serde keeps " +
      "it a float and picks the f64 variant (Setting::Ratio), writing 0.0; likewise raw JSON in an untagged variant ([1.0,2]) " +
      "is written [1,2] where serde keeps 1.0",
    matches: on((s) => s.type === "Setting" && s.tsOk && s.rustOk && (s.tsDisplay === "Count" ? s.rustDisplay === "Ratio" : /\.0\b/.test(s.rustCompact))),
  },
  {
    id: "ts-flatten-option-struct",
    what:
      "a flattened optional struct (MaybeOwned.ownership) whose fields do not read (team: null) is some with defaults; serde makes " +
      "it none",
    matches: on((s) => s.type === "MaybeOwned" && s.tsOk && s.rustOk),
  },
  {
    id: "ts-flatten-buffered-number",
    what:
      "in a struct with flattened fields, an unknown field holding a number beyond f64's range (1e400) is skipped; serde buffers " +
      "every value of such a struct and refuses it (number out of range)",
    matches: on((s) => s.tsOk && !s.rustOk && s.rustError.startsWith("number out of range")),
  },
  {
    id: "ts-f32-beyond-range",
    what:
      "an f32 field given a number beyond f32's range (1e39) is read as Infinity, which the writer then refuses " +
      '(ValidationError); serde rounds it to inf and writes null: {"load":null,...}',
    matches: on((s) => s.type === "Gauge" && s.tsOk && s.rustOk && s.tsCompact.startsWith("TypeScript cannot write")),
  },
  {
    id: "ts-f32-format",
    what:
      "an f32 between 1e-6 and 1e-5 in size is written in exponent form (-2.9292514e-6); serde_json (ryu's f32 format) writes " +
      "-0.0000029292514: its threshold for f32 is one digit further than for f64",
    matches: on((s) => s.type === "Gauge" && s.tsOk && s.rustOk && !s.tsCompact.startsWith("TypeScript cannot write")),
  },
  {
    id: "documented-2^53-in-raw-json",
    what:
      "an integer beyond 2^53 inside raw JSON (json, map<string, json>) is rounded by TypeScript (a JSON number is a double): the " +
      "documented difference, here inside a value TypeScript cannot refuse",
    matches: on((s) => s.tsOk && s.rustOk && /\d{16,}/.test(s.text) && (s.type === "Tenant" || s.type === "Setting" || s.type === "Webhook")),
  },
];

/** The known bug a disagreement is, if any. */
export function knownTsBug(d: Disagreement): KnownTsBug | undefined {
  return KNOWN_TS_BUGS.find((b) => b.matches(d));
}
