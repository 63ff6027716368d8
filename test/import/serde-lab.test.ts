/**
 * The serde lab's Rust models (test/import/fixtures/serde-lab/*.rs, copies of
 * /work/scratch/serde-lab/models/src/{enums,scalars,containers,structs,raw}.rs), imported: what the
 * import cannot carry over is reported exactly; the rest loads, is the lab model as the project
 * wrote it by hand for its emitters (test/support/lab-models.ts), and its generated package reads
 * every recorded serde vector of those types (test/conformance/serde-lab-vectors.json: serde
 * 1.0.152 + serde_json 1.0.87) as serde did, but for the listed exceptions.
 */
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { Document, parseDocument, type Scalar, YAMLMap } from "yaml";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { diffModels } from "../../generator/src/diff/diff-models.js";
import { importRust } from "../../generator/src/import/rust/index.js";
import type { Model, TypeDecl } from "../../generator/src/model/ir.js";
import { LAB_MODEL, LAB_VECTORS } from "../support/lab-models.js";
import { generatePackage, importAndGenerate, type ModuleText, rustSources } from "./round-trip.js";

const LAB_FILES = ["enums.rs", "scalars.rs", "containers.rs", "structs.rs", "raw.rs"].map((f) =>
  fileURLToPath(new URL(`./fixtures/serde-lab/${f}`, import.meta.url)),
);

const lab = LAB_VECTORS;

/**
 * Declarations the import reports as refused by the IDL (idl-refused): left out of the comparison
 * and of the package. serde_derive compiles each, but serde fails on them at run time (Payload's
 * internally tagged scalars) or reads what it cannot write back (the flattens).
 */
const REFUSED = ["Payload", "GreedyFirst", "Occurrence", "StrictOpen"];

/**
 * The lab's enums.rs and structs.rs use each other's types (import-cycle: IDL modules cannot), so
 * the modules are merged into one for loading, without the refused declarations.
 */
function mergeModules(modules: readonly ModuleText[]): ModuleText[] {
  const types = new YAMLMap();
  for (const m of modules) {
    const doc = parseDocument(m.text);
    const own = doc.get("types") as YAMLMap<Scalar<string>, unknown>;
    for (const pair of own.items) if (!REFUSED.includes(pair.key.value)) types.items.push(pair as never);
  }
  const doc = new Document({ idl: 1, module: "lab" });
  doc.set("types", types);
  return [{ fileName: "lab.yaml", text: doc.toString() }];
}

const started = performance.now();
const pkg = await importAndGenerate(rustSources(LAB_FILES), "@import/serde-lab", mergeModules);
const elapsed = performance.now() - started;
afterAll(() => pkg.remove());

/** The lab model as one module, like LAB_MODEL, without the probes (probes.rs is not imported). */
function oneModule(m: Model): Model {
  const types: TypeDecl[] = m.modules.flatMap((x) => x.types);
  return { modules: [{ ...m.modules[0]!, name: "m", file: "idl/m.yaml", types, imports: [], roots: [], paths: [] }] };
}
const handWritten = oneModule({
  modules: [{ ...LAB_MODEL.modules[0]!, types: LAB_MODEL.modules[0]!.types.filter((t) => !/^(Direct|InTagged|InUntagged|InFlatten|InAdjacent)\d+$/.test(t.name)) }],
});

describe("importing the serde lab's models", () => {
  it("reports exactly what the IDL cannot say, at the Rust position", () => {
    const lines = pkg.imported.diagnostics.map((d) => `${formatDiagnostic(d).split(": ")[0]}`);
    expect(lines).toEqual([
      // Option<Option<u32>> without skip_serializing_if: null and missing are one on the wire; optional<u32>.
      "containers.rs:77:16 - warning collapsed-optional",
      "containers.rs:80:20 - warning collapsed-optional",
      // enums.rs uses structs::Marker, structs.rs uses enums::{Command, Event}: the IDL has no import cycles.
      "enums.rs:143:10 - error import-cycle",
      // Payload: internally tagged newtype variants holding non-objects (serde fails to write them).
      ...[204, 206, 208, 210, 212, 214, 216].map((line) => `enums.rs:${line}:5 - error idl-refused`),
      // Health: skip_serializing is read the same; skip_deserializing has no IDL form.
      "enums.rs:373:13 - warning skipped-variant",
      "enums.rs:376:13 - error unsupported-attribute",
      // Probe: tag on a struct.
      "structs.rs:83:9 - error unsupported-attribute",
      // GreedyFirst (a map flattened before a struct), Occurrence (an enum with unit variants flattened),
      // StrictOpen (deny_unknown_fields with a flattened map): serde reads what it cannot write back.
      "structs.rs:157:5 - error idl-refused",
      "structs.rs:172:18 - error import-cycle",
      "structs.rs:182:5 - error idl-refused",
      "structs.rs:204:5 - error idl-refused",
    ]);
    const codes = pkg.imported.diagnostics.filter((d) => d.code === "idl-refused").map((d) => d.message.match(/\((.+?)\)/)![1]);
    expect(codes).toEqual([...Array(7).fill("internal-tag-newtype"), "invalid-flatten", "invalid-flatten", "invalid-flatten"]);
    // Every error is a TODO where it is, in the module of its file.
    for (const d of pkg.imported.diagnostics.filter((x) => x.severity === "error")) {
      const module = pkg.imported.modules.find((m) => m.source === d.range.file)!;
      expect(module.text).toContain(`TODO(idlc import) ${d.code} (${d.range.file}:${d.range.start.line}:${d.range.start.col})`);
    }
  });

  it("imports the five files (868 lines of Rust) in well under a second once the parser is loaded", async () => {
    const again = performance.now();
    const second = await importRust(rustSources(LAB_FILES), { schemaPath: "idl.schema.json" });
    const ms = performance.now() - again;
    console.log(`serde lab: first import + load + generate ${elapsed.toFixed(0)} ms; import again ${ms.toFixed(0)} ms`);
    // Deterministic: the same texts.
    expect(second.modules.map((m) => m.text)).toEqual(pkg.imported.modules.map((m) => m.text).map((t) => t.replace("../generator/idl.schema.json", "idl.schema.json")));
    expect(ms).toBeLessThan(2_000);
  });

  it("is the hand-written lab model on the wire, but for what the diagnostics and the Rust say", () => {
    const findings = diffModels(handWritten, oneModule(pkg.model))
      // One module in both: the import's five are merged above.
      .filter((f) => f.rule !== "DOC_CHANGED" && f.rule !== "MODULE_CHANGED")
      .map((f) => `${f.severity} ${f.rule} ${f.path}`);
    expect(findings).toEqual([
      // collapsed-optional: the IR the emitters are tested with keeps optional<optional<u32>>, which the loader refuses.
      "breaking FIELD_TYPE_NARROWED Patch.defaulted",
      "breaking FIELD_TYPE_NARROWED Patch.plain",
      // idl-refused, left out above.
      "breaking TYPE_REMOVED type:GreedyFirst",
      "breaking TYPE_REMOVED type:Occurrence",
      "breaking TYPE_REMOVED type:Payload",
      "breaking TYPE_REMOVED type:StrictOpen",
      // Priority's impl Display, which the hand-written IR leaves out.
      "dangerous DISPLAY_CHANGED Priority.Background",
      "dangerous DISPLAY_CHANGED Priority.Normal",
      "dangerous DISPLAY_CHANGED Priority.RealTime",
      // The hand-written IR leaves Health out (its skipped variants); imported with a TODO on Unreachable.
      "safe TYPE_ADDED type:Health",
    ]);
  });
});

/** What a package does with each recorded vector of the given types, where it disagrees with serde. */
function disagreementsWithSerde(api: Record<string, unknown>, types: ReadonlySet<string>): { compared: number; ids: string[] } {
  const ids: string[] = [];
  let compared = 0;
  for (const c of lab.cases) {
    if (!types.has(c.type)) continue;
    const safeParse = api[`safeParse${c.type}Json`] as (text: string) => { ok: boolean };
    compared++;
    if (safeParse(c.input_text).ok !== c.ok) ids.push(c.id);
  }
  return { compared, ids };
}

/**
 * Where the TypeScript package, generated from the import or from the hand-written IR alike,
 * reads a lab vector otherwise than serde 1.0.152 did. None comes from the import (the test
 * below proves the hand-written model's package does the same); each is a documented exception
 * of the package (docs/idl.md, docs/json-schema.md) or the data-model conformance work's.
 */
const PACKAGE_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  "integers beyond 2^53, read through JSON.parse (the documented exception)": [
    "scalars#Counters.clock_offset_ns.min",
    "scalars#Counters.clock_offset_ns.max",
    "scalars#Counters.open_fds.max",
    "scalars#Counters.credit_balance.min",
    "scalars#Counters.credit_balance.max",
    "enums#Setting.big",
    "enums#Setting.neg-min",
  ],
  "forms Rust never writes (tagged enums as arrays, variant indexes as tags), left out on purpose": [
    "enums#Command.struct.seq",
    "enums#Command.seq.unit",
    "enums#Command.seq.newtype-flat",
    "enums#Envelope.command-index",
    "enums#Envelope.command-index-4",
    "enums#Envelope.message-index",
    "enums#Envelope.message-index-unit",
  ],
  "Health::Unreachable (skip_deserializing): kept in the IDL, so read, with the import's TODO": ["enums#Health.unreachable"],
};

describe("the imported lab package against recorded serde", async () => {
  const hand = await generatePackage(
    { modules: [{ ...handWritten.modules[0]!, types: handWritten.modules[0]!.types.filter((t) => !REFUSED.includes(t.name) && t.name !== "Patch") }] },
    "@import/serde-lab-hand",
  );
  afterAll(() => hand.remove());
  const imported = new Set(pkg.model.modules.flatMap((m) => m.types.map((t) => t.name)));

  it("reads every vector of the imported types as serde did, but for the package's listed exceptions", () => {
    const { compared, ids } = disagreementsWithSerde(pkg.api, imported);
    console.log(`serde lab vectors of imported types: ${compared}, disagreeing: ${ids.length}`);
    expect(compared).toBeGreaterThan(1000);
    expect(ids.sort()).toEqual(Object.values(PACKAGE_EXCEPTIONS).flat().sort());
  });

  it("disagrees with serde exactly where the package of the hand-written model does", () => {
    const both = new Set([...imported].filter((t) => t !== "Health" && t !== "Patch"));
    expect(disagreementsWithSerde(pkg.api, both).ids).toEqual(disagreementsWithSerde(hand.api, both).ids);
  });
});
