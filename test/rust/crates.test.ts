/**
 * The committed crate (generated-rust/) and every golden fixture's crate, as an upstream Rust
 * engineer's CI would check them: rustfmt-clean with the default configuration, clean under
 * `cargo clippy -- -D warnings`, documented without broken links, built offline against
 * Debian's serde 1.0.152.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cargo, lockedPackages, REPO, requireToolchain, scratchCopy } from "./support/cargo.js";

const goldens = readdirSync(join(REPO, "test/golden/fixtures")).sort();
const crates: [string, string][] = [
  ["generated-rust", join(REPO, "generated-rust")],
  ...goldens.map((name): [string, string] => [`golden ${name}`, join(REPO, "test/golden/fixtures", name, "expected-rust")]),
];

beforeAll(() => requireToolchain());

describe.each(crates)("crate %s", (label, source) => {
  let dir = "";
  beforeAll(() => {
    dir = scratchCopy(source, `crates/${label.replace(/\W+/g, "-")}`);
  });

  it("is what rustfmt writes (cargo fmt --check)", () => {
    const r = cargo(["fmt", "--check"], dir);
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("builds offline against Debian's serde 1.0.152, with no warning", () => {
    const r = cargo(["build", "--offline"], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/^warning/m);
    const locked = lockedPackages(dir);
    expect(locked.get("serde")).toBe("1.0.152");
    expect(locked.get("serde_derive")).toBe("1.0.152");
  });

  it("is clean under cargo clippy -- -D warnings", () => {
    const r = cargo(["clippy", "--offline", "--all-targets", "--", "-D", "warnings"], dir);
    expect(r.status, r.stderr).toBe(0);
  });

  it("documents without a broken link (cargo doc, warnings denied)", () => {
    const r = cargo(["doc", "--offline", "--no-deps"], dir, undefined);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/^warning/m);
  });
});
