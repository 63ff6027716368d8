/**
 * The generated crate reproduces every shared serde vector exactly (test/conformance/): each
 * input read by `serde_json::from_str` on the generated type accepts or refuses as serde did on
 * pool.rs, writes the same `to_string` and `to_string_pretty`, and refuses with the same message
 * (naming the same types and fields, at the same line and column). Display, paths and defaults
 * too. Nothing is left out: text-level cases, serde's other forms and ids upstream would not
 * check are all serde's behaviour, and the crate is serde.
 */
import { beforeAll } from "vitest";
import { requireToolchain } from "./support/cargo.js";
import { buildDriver, type Driver } from "./support/driver.js";
import { projectModel } from "./support/models.js";
import { serdeVectorsThroughCrate } from "./support/serde-vectors-suite.js";

let driver: Driver;

beforeAll(() => {
  requireToolchain();
  const m = projectModel();
  driver = buildDriver(m.model, m.crateName, m.crateDir, "conformance");
});

serdeVectorsThroughCrate(() => driver);
