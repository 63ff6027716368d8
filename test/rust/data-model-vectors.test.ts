/**
 * The data-model fixture's crate against recorded serde: the golden crate
 * (test/golden/fixtures/data-model/expected-rust) compiled into the harness's driver, and every
 * serde-lab vector of a type the fixture declares (data-model-vectors.json, trimmed from the
 * lab's vector files) read with `serde_json::from_str` on the generated type. The generated
 * Rust must accept or refuse as the lab's hand-written model did, write the same `to_string`
 * and `to_string_pretty`, and refuse with the same message.
 *
 * Where the fixture's type is not the lab's type (the fixture chose other fields or options for
 * the same name), the vector's outcome differs by design: each such vector is listed below by
 * id with the reason, and the test fails when a listed vector stops differing (so the list
 * stays exact) or an unlisted one differs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireToolchain } from "./support/cargo.js";
import { buildDriver, type Driver, type ReadAnswer } from "./support/driver.js";
import { unordered } from "./support/harness.js";
import { goldenModel } from "./support/models.js";

interface Vector {
  readonly id: string;
  readonly type: string;
  readonly input_text: string;
  readonly ok: boolean;
  readonly canonical?: string | null;
  readonly pretty?: string | null;
  readonly error?: string;
  readonly display?: string;
  readonly order?: string;
  readonly canonical_sorted?: string;
  readonly pretty_sorted?: string;
  readonly write_error?: string;
}

const file = JSON.parse(readFileSync(join(import.meta.dirname, "data-model-vectors.json"), "utf8")) as { readonly cases: readonly Vector[] };

/** The same reason for each of `ids`. */
const explain = (reason: string, ids: readonly string[]): [string, string][] => ids.map((id) => [id, reason]);

/**
 * Vectors whose outcome differs because the fixture's type differs from the lab's, by id: each
 * reason is a choice the fixture made (read in its IDL), never a difference of the generated
 * Rust from what serde does with the attributes it has.
 */
const EXPLAINED: ReadonlyMap<string, string> = new Map<string, string>([
  ...explain("the fixture's Patch has the fields `replicas: optional<optional<u32>>` and `note`, not the lab's `plain`/`defaulted`/`omitted`: the lab's keys are unknown fields here", [
    "containers#Patch.empty",
    "containers#Patch.plain-null",
    "containers#Patch.plain-value",
    "containers#Patch.defaulted-null",
    "containers#Patch.omitted-null",
    "containers#Patch.omitted-value",
    "containers#Patch.all-null",
    "containers#Patch.nested-array",
    "containers#Patch.shape.array",
    "containers#Patch.shape.array-1",
    "containers#Patch.shape.object",
  ]),
]);

type Outcome = { readonly ok: true; readonly canonical: string; readonly pretty: string } | { readonly ok: false; readonly error: string };

function recorded(v: Vector): Outcome {
  if (!v.ok) return { ok: false, error: v.error ?? "" };
  if (v.order === "unspecified") return { ok: true, canonical: unordered(v.canonical_sorted!), pretty: unordered(v.pretty_sorted!) };
  return { ok: true, canonical: v.canonical ?? `write error: ${v.write_error}`, pretty: v.pretty ?? `write error: ${v.write_error}` };
}

function got(v: Vector, a: ReadAnswer): Outcome {
  if (!a.ok) return { ok: false, error: a.error };
  if (v.order === "unspecified") return { ok: true, canonical: unordered(a.compact), pretty: unordered(a.pretty) };
  return { ok: true, canonical: a.compact, pretty: a.pretty };
}

let driver: Driver;

beforeAll(() => {
  requireToolchain();
  const m = goldenModel("data-model");
  driver = buildDriver(m.model, m.crateName, m.crateDir, "data-model");
});

describe("the data-model crate against the serde lab's vectors", () => {
  it("covers the fixture's types", () => {
    expect(file.cases.length).toBeGreaterThan(1500);
  });

  it("reads, writes and refuses as serde did on the lab's models, messages included", () => {
    const answers = driver.run(file.cases.map((c) => ({ op: "read", type: c.type, text: c.input_text }))) as ReadAnswer[];
    const differing: { id: string; recorded: Outcome; got: Outcome }[] = [];
    file.cases.forEach((c, i) => {
      const r = recorded(c);
      const g = got(c, answers[i]!);
      if (JSON.stringify(r) !== JSON.stringify(g)) differing.push({ id: c.id, recorded: r, got: g });
    });
    const unexplained = differing.filter((d) => !EXPLAINED.has(d.id));
    const stale = [...EXPLAINED.keys()].filter((id) => !differing.some((d) => d.id === id));
    expect(unexplained.slice(0, 20)).toEqual([]);
    expect(unexplained.length).toBe(0);
    expect(stale).toEqual([]);
    expect(file.cases.length - differing.length).toBeGreaterThan(1000);
  });
});
