#!/usr/bin/env node
/**
 * Writes serde-lab-outputs.json: what serde wrote for the serde lab's vectors that
 * test/conformance/data-model.test.ts judges (the lab types the data-model fixture has), beside
 * the read verdicts already in serde-lab-vectors.json.
 *
 *   node test/conformance/extract-lab-outputs.mjs /path/to/serde-lab
 *
 * Per case read successfully: `canonical` (serde_json::to_string) and `pretty`
 * (to_string_pretty); for a hash-ordered value with more than one entry, serde's order is
 * unspecified and the lab gives the output of the same input through the BTree twin instead
 * (`order: "unspecified"`, `canonical_sorted`, `pretty_sorted`). Also `display` (Display of an
 * enum value) where the lab recorded it, and the lab's `Default::default()` outputs. Per case
 * refused: serde's message (for reference: the package's messages are its own), its category
 * (`data`, `syntax`, `eof`) and position (`error_line` 0: none). A pretty
 * text longer than 4,096 characters (the 127-level nesting cases) is kept as its SHA-256
 * (`pretty_sha256`), which keeps the file small.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const lab = process.argv[2];
if (!lab) throw new Error("usage: extract-lab-outputs.mjs <serde-lab directory>");
const here = new URL(".", import.meta.url).pathname;
const trimmed = JSON.parse(readFileSync(join(here, "serde-lab-vectors.json"), "utf8"));
const wanted = new Set(trimmed.cases.filter((c) => c.ok).map((c) => c.id));
const refusedIds = new Set(trimmed.cases.filter((c) => !c.ok).map((c) => c.id));
const types = new Set(Object.keys(JSON.parse(readFileSync(join(here, "lab-types.json"), "utf8")).covered));

const outputs = [];
const refusals = [];
const defaults = [];
let header;
for (const file of ["scalars", "enums", "structs", "containers", "raw"]) {
  const vectors = JSON.parse(readFileSync(join(lab, "vectors", `${file}.json`), "utf8"));
  header ??= vectors;
  for (const c of vectors.cases) {
    const id = `${file}#${c.id}`;
    if (types.has(c.type) && refusedIds.has(id)) {
      refusals.push({ id, error: c.error, error_category: c.error_category, error_line: c.error_line, error_column: c.error_column });
    }
    if (!types.has(c.type) || !wanted.has(id)) continue;
    const out = { id };
    for (const key of ["canonical", "pretty", "order", "canonical_sorted", "pretty_sorted", "write_error", "display"]) {
      if (c[key] === undefined) continue;
      if (key === "pretty" && typeof c[key] === "string" && c[key].length > 4096) {
        out.pretty_sha256 = createHash("sha256").update(c[key]).digest("hex");
      } else out[key] = c[key];
    }
    outputs.push(out);
  }
  for (const d of vectors.defaults ?? []) {
    if (types.has(d.type) && !defaults.some((x) => x.type === d.type)) defaults.push({ type: d.type, canonical: d.canonical });
  }
}

const lines = [
  `{"generator":${JSON.stringify(header.generator)},"serde_version":${JSON.stringify(header.serde_version)},"serde_json_version":${JSON.stringify(header.serde_json_version)},`,
  `"source":"serde-lab vectors/{scalars,enums,structs,containers,raw}.json: the outputs of the ok cases, and the error category and position of the refused cases, of serde-lab-vectors.json whose type is in lab-types.json's covered list",`,
  `"defaults":[`,
  defaults.map((d) => JSON.stringify(d)).join(",\n"),
  `],"outputs":[`,
  outputs.map((o) => JSON.stringify(o)).join(",\n"),
  `],"refusals":[`,
  refusals.map((o) => JSON.stringify(o)).join(",\n"),
  `]}`,
];
writeFileSync(join(here, "serde-lab-outputs.json"), `${lines.join("\n")}\n`);
// serde-lab-floats.json: how serde reads float texts into f64 and f32 (floats.json: the bits), and
// how it writes f64 and f32 values (writes.json: the value as Rust's Debug prints it, which reads
// back exactly as a JavaScript number, then Math.fround for f32); and writes.json's other cases of
// covered types (`other_writes`: the value only as Rust's Debug, with what serde wrote and whether
// that reads back, `reread`).
const floats = JSON.parse(readFileSync(join(lab, "vectors", "floats.json"), "utf8"));
const writes = JSON.parse(readFileSync(join(lab, "vectors", "writes.json"), "utf8"));
const floatLines = [
  `{"generator":${JSON.stringify(floats.generator)},`,
  `"source":"serde-lab vectors/floats.json (reads: serde's f64 and f32 bits per input text) and writes.json (the f64 and f32 cases)",`,
  `"reads":[`,
  floats.cases
    .map((c) =>
      JSON.stringify({
        id: `floats#${c.id}`,
        input_text: c.input_text,
        ok: c.ok,
        ...(c.ok ? { f64_bits: c.serde_f64_bits, f32_bits: c.serde_f32_bits } : { error: c.error }),
      }),
    )
    .join(",\n"),
  `],"writes":[`,
  writes.cases
    .filter((c) => c.type === "f64" || c.type === "f32")
    .map((c) => JSON.stringify({ id: `writes#${c.id}`, type: c.type, value_debug: c.value_debug, canonical: c.canonical, pretty: c.pretty }))
    .join(",\n"),
  `],"other_writes":[`,
  writes.cases
    .filter((c) => c.type !== "f64" && c.type !== "f32" && types.has(c.type))
    .map((c) =>
      JSON.stringify({
        id: `writes#${c.id}`,
        type: c.type,
        value_debug: c.value_debug,
        canonical: c.canonical ?? null,
        pretty: c.pretty ?? null,
        ...(c.reread !== undefined && { reread: c.reread }),
        ...(c.write_error !== undefined && { write_error: c.write_error }),
      }),
    )
    .join(",\n"),
  `]}`,
];
writeFileSync(join(here, "serde-lab-floats.json"), `${floatLines.join("\n")}\n`);

console.log(`${outputs.length} outputs, ${refusals.length} refusals, ${defaults.length} defaults`);
