/**
 * The golden fixtures' round trip: Rust written from each fixture's IDL the way an upstream
 * engineer writes it (test/import/fixtures/golden/<name>/*.rs), imported back, loaded, generated,
 * and compared with the fixture's own package on the wire: by idlc diff's engine (model against
 * model) and by running both packages on the same inputs. What Rust cannot say (a string's rule,
 * an open enum's known values) is listed as the expected difference, case by case.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { diffModels } from "../../generator/src/diff/diff-models.js";
import type { Model } from "../../generator/src/model/ir.js";
import * as everythingPackage from "../golden/fixtures/everything/expected/src/index.js";
import * as minimalPackage from "../golden/fixtures/minimal/expected/src/index.js";
import { importAndGenerate, loadIdlFolder, rustSources } from "./round-trip.js";
import { disagreements } from "./same-behaviour.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const rustOf = (name: string): string[] => {
  const dir = join(here, "fixtures/golden", name);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".rs"))
    .sort()
    .map((f) => join(dir, f));
};

function goldenModel(name: string): Model {
  return loadIdlFolder(join(here, "../golden/fixtures", name, "idl"));
}

/** Findings of idlc diff's engine from the fixture's IDL to the imported one, documentation aside. */
function wireFindings(golden: Model, imported: Model): string[] {
  return diffModels(golden, imported)
    .filter((f) => f.rule !== "DOC_CHANGED")
    .map((f) => `${f.severity} ${f.rule} ${f.path}`);
}

describe("golden fixture minimal, through Rust and back", async () => {
  const pkg = await importAndGenerate(rustSources(rustOf("minimal")), "@import/minimal");
  afterAll(() => pkg.remove());

  it("imports completely and is the fixture's model on the wire", () => {
    expect(pkg.imported.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(wireFindings(goldenModel("minimal"), pkg.model)).toEqual([]);
  });

  it("behaves as the fixture's package", () => {
    const result = disagreements(minimalPackage as unknown as Record<string, unknown>, pkg.api, { Thing: [{ id: "a" }, { id: "" }] });
    expect(result.differences).toEqual([]);
    expect(result.compared).toBeGreaterThan(20);
  });
});

describe("golden fixture everything, through Rust and back", async () => {
  const pkg = await importAndGenerate(rustSources(rustOf("everything")), "@import/everything");
  afterAll(() => pkg.remove());

  it("imports completely", () => {
    expect(pkg.imported.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it("is the fixture's model on the wire, but for what Rust cannot say", () => {
    expect(wireFindings(goldenModel("everything"), pkg.model)).toEqual([
      // `Code` is a plain String in Rust: its rule (2-8 upper-case letters) is not there to import.
      "breaking PATH_PARAMS_CHANGED cache_dir",
      "breaking PATH_PARAMS_CHANGED data_dir",
      "breaking TYPE_REMOVED type:Code",
      // `Codec` is a String documented with its values: the import does not guess open enums.
      "breaking TYPE_REMOVED type:Codec",
      "dangerous FIELD_TYPE_WIDENED Everything.code",
      // Not a change: {origin: {}} and the fixture's {origin: {xPos: 0}} read the same (xPos defaults to 0), as the
      // behaviour test below shows; idlc diff compares literal defaults as written, not completed.
      "dangerous DEFAULT_CHANGED Everything.point_map",
      "safe IDL_ONLY_CHANGE Everything.codec",
      "safe IDL_ONLY_CHANGE Tally.codecs",
      // Rust needs Box for a struct that holds itself; the fixture's IDL leaves it to the Rust target.
      "safe BOX_CHANGED Tree.parent",
    ]);
  });

  it("behaves as the fixture's package, but for codes that break Code's rule", () => {
    const required = { small: 1, medium: 2, large: 3, huge: 4, signed: -5, wide: -6, ratio: 0.5, flag: true };
    const point = { xPos: 1, yPos: -2.5, label: "p" };
    const tree = { name: "root", children: [{ name: "leaf", parent: null }], parent: { name: "up", parent: null } };
    const full = {
      ...required,
      name: "n",
      color: "green",
      codec: "7z",
      code: "AB",
      maybe_count: null,
      nested_lists: [[1, -2], []],
      point_map: { b: point, a: {} },
      optional_points: [null, point],
      point,
      tags: { z: [], y: ["q"] },
      tree,
    };
    const seeds = {
      Everything: [required, full],
      Point: [{}, point],
      Tree: [tree, { name: "t", parent: null }],
      Color: ["RED", "DEEP_BLUE", "green", "LIGHT_GREEN"],
      Tally: [
        { counts: { b: 2, a: 1 }, picks: ["RED", "green"], slots: [null, 3], groups: { g: ["x"], "": [] }, initial: "é", accent: null, codecs: [] },
        { counts: {}, picks: [], slots: [], groups: {}, initial: "\u{1F600}", accent: "DEEP_BLUE", codecs: ["7z", "brotli"] },
      ],
    };
    // The one known difference: the fixture refuses codes that break Code's rule; the Rust, and so the import, reads any string.
    const codeRule = /^[A-Z]{2,8}$/u;
    const breaksCodeRule = (type: string, input: unknown): boolean =>
      type === "Everything" &&
      typeof input === "object" &&
      input !== null &&
      typeof (input as { code?: unknown }).code === "string" &&
      !codeRule.test((input as { code: string }).code);
    const result = disagreements(everythingPackage as unknown as Record<string, unknown>, pkg.api, seeds, breaksCodeRule);
    expect(result.differences).toEqual([]);
    expect(result.compared).toBeGreaterThan(500);
    expect(everythingPackage.displayColor("DEEP_BLUE")).toBe((pkg.api["displayColor"] as (c: string) => string)("DEEP_BLUE"));
    expect((pkg.api["dataFile"] as (a: string, b: string) => string)("AB", "x")).toBe(everythingPackage.dataFile("AB", "x"));
    expect((pkg.api["cacheDir"] as (a: string) => string)("AB")).toBe(everythingPackage.cacheDir("AB"));
  });
});
