/**
 * The differences of the TypeScript package that the differential harness finds on the
 * data-model fixture (and the reserved-words fixture's internally tagged enum): TypeScript and the generated crate (serde itself) disagree, and the
 * difference is left on purpose, documented in docs/idl.md ("Where the TypeScript package differs
 * from serde"). Every disagreement must be one of these, each is counted in the test's output, and
 * test/rust/ts-known-bugs.test.ts holds a failing case of each (`it.fails`) against the fixture's
 * TypeScript package. A disagreement none of them explains fails the harness. The bugs once
 * listed here are fixed: test/golden/data-model-behaviour.test.ts.
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
    id: "ts-internal-tag-seq-form",
    what:
      'an internally tagged enum written as a JSON array, the tag first and then the variant\'s fields in order (["Info","hi"], ["ping"]), ' +
      "is refused (invalid-type); serde reads it, as it reads a struct's sequence form",
    matches: on(
      (s) =>
        !s.tsOk &&
        s.rustOk &&
        // Tagged: the reserved-words fixture's enum tagged by `constructor`.
        ((["Notice", "Command", "StrictCommand", "Tagged"].includes(s.type) && s.text.trimStart().startsWith("[")) ||
          (s.type === "CommandList" && /[[,]\s*\[/.test(s.text))),
    ),
  },
  {
    id: "ts-untagged-float-integer",
    what:
      "an untagged enum reads an integer written as a float (0.0, 448754148E+0) as its u32 variant (Setting::Count); serde keeps " +
      "it a float and picks the f64 variant (Setting::Ratio), writing 0.0; likewise raw JSON in an untagged variant ([1.0,2]) " +
      "is written [1,2] where serde keeps 1.0",
    matches: on(
      (s) =>
        (s.type === "Setting" || s.type === "SettingList") &&
        s.tsOk &&
        s.rustOk &&
        (s.tsDisplay === "Count" ? s.rustDisplay === "Ratio" : /\.0\b/.test(s.rustCompact)),
    ),
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
