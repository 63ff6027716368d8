/**
 * The emitted JSON Schemas against real serde: every vector of the serde lab
 * (test/conformance/serde-lab-vectors.json, recorded from serde 1.0.152 / serde_json 1.0.87 on
 * the lab's Rust models) whose text `JSON.parse` reads without erasing what serde sees is
 * validated by ajv against the schema of its type, built from the models as IR
 * (test/support/lab-models.ts). The schema must give serde's verdict, but for the exceptions
 * listed below, each a decision of docs/json-schema.md.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { typeSchemaDocument } from "../../generator/src/emit/json-schema.js";
import { indexModel, type TypeRef } from "../../generator/src/model/ir.js";
import { newtype } from "../support/ir.js";
import { erasedByJsonParse } from "../support/json-text.js";
import { LAB_MODEL, labType, LAB_VECTORS } from "../support/lab-models.js";

const lab = LAB_VECTORS;

/** Ajv as the project's tests use it, with the OpenAPI discriminator the enum schemas carry. */
function newAjv(): Ajv2020 {
  return new Ajv2020({ strict: true, strictTuples: false, discriminator: true, allErrors: false });
}

const validators = new Map<string, ValidateFunction>();

/** The validator of a lab type: the schema document of its declaration, or of a newtype around a type expression. */
function validatorOf(rust: string, t: TypeRef): ValidateFunction {
  let v = validators.get(rust);
  if (v !== undefined) return v;
  const subject = t.kind === "named" ? undefined : newtype("Subject", t);
  const types = [...LAB_MODEL.modules[0]!.types, ...(subject ? [subject] : [])];
  const index = indexModel({ modules: [{ ...LAB_MODEL.modules[0]!, types }] });
  const decl = subject ?? index.types.get((t as { name: string }).name)!;
  v = newAjv().compile(typeSchemaDocument(index, decl));
  validators.set(rust, v);
  return v;
}

/**
 * Vectors where the schema and serde disagree on purpose, by reason (docs/json-schema.md). Each
 * id must be a judged vector, and must still disagree.
 */
const EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  "a form Rust never writes, left out of the schema: an internally tagged enum as an array [tag, ...fields]": [
    "enums#Command.struct.seq",
    "enums#Command.seq.unit",
    "enums#Command.seq.newtype-flat",
  ],
  "a form Rust never writes, left out of the schema: an adjacently tagged enum as an array [tag, content]": [
    "enums#Message.seq",
    "enums#Message.seq.unit-null",
  ],
  "a form Rust never writes, left out of the schema: a variant index as the tag (buffered content only)": [
    "enums#Envelope.command-index",
    "enums#Envelope.command-index-4",
    "enums#Envelope.message-index",
    "enums#Envelope.message-index-unit",
  ],
  "a form Rust never writes, left out of the schema: {} or [] for (), a unit struct or a unit variant's content (buffered content only)": [
    ...["InTagged<()>.v1", "InTagged<()>.v1.tag-last", "InFlatten<()>.v1", "InAdjacent<()>.v1.content-first"],
    ...["InTagged<Marker>.v1", "InTagged<Marker>.v1.tag-last", "InFlatten<Marker>.v1", "InAdjacent<Marker>.v1.content-first"],
    ...["InTagged<Marker>.v2", "InTagged<Marker>.v2.tag-last", "InFlatten<Marker>.v2", "InAdjacent<Marker>.v2.content-first"],
    ...["InTagged<Color>.v2", "InTagged<Color>.v2.tag-last", "InFlatten<Color>.v2", "InAdjacent<Color>.v2.content-first"],
    ...["InTagged<Event>.v6", "InTagged<Event>.v6.tag-last", "InFlatten<Event>.v6", "InAdjacent<Event>.v6.content-first"],
  ].map((id) => `probes#${id}`),
  "serde reads no integer key of a map read from buffered content; the schema does not model buffering": [
    ...["v0", "v0.tag-last", "v1", "v1.tag-last"].map((v) => `InTagged<BTreeMap<u32, String>>.${v}`),
    ...["v0", "v1"].flatMap((v) => [`InUntagged<BTreeMap<u32, String>>.${v}`, `InFlatten<BTreeMap<u32, String>>.${v}`]),
    ...["v0", "v1"].map((v) => `InAdjacent<BTreeMap<u32, String>>.${v}.content-first`),
  ].map((id) => `probes#${id}`),
  "decision: an f32 beyond f32's range is refused; serde reads it as infinity, writes null and cannot read that back": [
    "scalars#f32.1e308",
    "scalars#f32.f32-max-up",
    "scalars#f32.f32-overflow",
    "scalars#f32.1e39",
    "scalars#f32.neg-1e39",
    "scalars#Gauge.f32-overflow",
  ],
  "the IDL refuses the declaration (internal-tag-newtype: a newtype variant holding an external enum); its schema reads nothing": [
    "enums#Payload.paint",
    "enums#Payload.paint.object",
  ],
};

const exceptionOf = new Map(Object.entries(EXCEPTIONS).flatMap(([why, ids]) => ids.map((id) => [id, why] as const)));

/** Types whose every number is a float: `1e39` is judged there, not left to text-level tests. */
const FLOAT_TYPES = new Set(["f32", "f64", "Gauge"]);

const judged = lab.cases.flatMap((c) => {
  const t = labType(c.type);
  if (t === undefined || erasedByJsonParse(c.input_text, { onlyFloats: FLOAT_TYPES.has(c.type) }) !== undefined) return [];
  return [{ ...c, t }];
});

describe("JSON Schemas of the serde lab's models, against serde's verdicts", () => {
  it("judges most vectors (the rest are text-level or have no IR counterpart)", () => {
    expect(judged.length).toBeGreaterThan(2000);
    const types = new Set(judged.map((c) => c.type));
    expect(types.size).toBeGreaterThan(190);
  });

  it.each(judged.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const validate = validatorOf(c.type, c.t);
    const verdict = validate(JSON.parse(c.input_text));
    const why = exceptionOf.get(c.id);
    if (why === undefined) {
      expect(verdict, `${c.input_text} ${JSON.stringify(validate.errors)}`).toBe(c.ok);
    } else {
      expect(verdict, `listed as an exception (${why}) but agrees with serde`).toBe(!c.ok);
    }
  });

  it("every exception is a judged vector", () => {
    const ids = new Set(judged.map((c) => c.id));
    expect([...exceptionOf.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});
