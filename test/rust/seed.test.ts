/**
 * The ten tests of pool.rs's `#[cfg(test)]` module, restated against the generated crate
 * (test/rust/seed/tests/pool_rs.rs: upstream's text with `mvm_pool_model::pool` for `super`),
 * run by cargo test: the crate is a drop-in replacement for the hand-written model.
 */
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { cargo, REPO, requireToolchain } from "./support/cargo.js";

const TESTS = [
  "test_pool_dir_path",
  "test_pool_config_roundtrip",
  "test_role_serde_roundtrip",
  "test_role_display",
  "test_role_default_is_worker",
  "test_runtime_policy_defaults",
  "test_pool_spec_backward_compat",
  "test_pool_config_data_dir",
  "test_secret_scope_serde_roundtrip",
  "test_pool_spec_backward_compat_secret_scopes",
];

beforeAll(() => requireToolchain());

it("passes pool.rs's ten tests, compiled against generated-rust/", () => {
  const r = cargo(["test", "--offline", "--test", "pool_rs"], join(REPO, "test/rust/seed"));
  expect(r.status, r.stdout + r.stderr).toBe(0);
  for (const name of TESTS) expect(r.stdout).toContain(`test ${name} ... ok`);
  expect(r.stdout).toContain("test result: ok. 10 passed; 0 failed; 0 ignored");
});
