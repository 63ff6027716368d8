// Inputs of the validator benchmarks, as pool.json text. full and minimal are the serde
// conformance vectors PoolSpec.valid.full and PoolSpec.valid.minimal
// (test/conformance/serde-vectors.json); invalid is a realistic bad pool.json: the full one
// with vcpus 300 (u8 overflow) and the required `profile` left out.
import { readFileSync } from "node:fs";

const VECTORS = JSON.parse(readFileSync(new URL("../test/conformance/serde-vectors.json", import.meta.url), "utf8"));
/** A conformance vector's input, as pool.json is written (pretty, two spaces). */
const vectorText = (id) => JSON.stringify(JSON.parse(VECTORS.cases.find((c) => c.id === id).input_text), null, 2);

export const FULL_TEXT = vectorText("PoolSpec.valid.full");
export const MINIMAL_TEXT = vectorText("PoolSpec.valid.minimal");

const invalid = JSON.parse(FULL_TEXT);
delete invalid.profile;
invalid.instance_resources.vcpus = 300;
export const INVALID_TEXT = JSON.stringify(invalid, null, 2);

export const INPUTS = { full: FULL_TEXT, minimal: MINIMAL_TEXT, invalid: INVALID_TEXT };
