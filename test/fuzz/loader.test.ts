/**
 * Loader fuzzing, the fast sample of `npm test`: mutated copies of the real IDL and hand-made
 * hostile files through loadIdl in-process, and the most hostile files (alias bomb, custom tags,
 * a 10 MB file, random bytes, deep nesting, code in docs) plus a few mutations through
 * `idlc generate`. The large runs are in test/deep/loader.test.ts.
 */
import { describe, expect, it } from "vitest";
import { loadIdl } from "../../generator/src/load.js";
import { REAL_FILES } from "../support/idl-fuzz.js";
import { fcRuns } from "../support/runs.js";
import { cliFuzzSuite, loaderFuzzSuite } from "../support/suites/loader-fuzz.js";

loaderFuzzSuite(fcRuns(100));

cliFuzzSuite(
  [
    "alias bomb (billion laughs)",
    "custom tags",
    "a 10 MB file",
    "random bytes",
    "invalid UTF-8 in a doc",
    "deeply nested flow sequences",
    "code in docs, defaults, patterns and templates",
  ],
  3,
  20260601,
);

describe("diagnostics are one line each", () => {
  // KNOWN BUG: the duplicate-key message quotes the key as written, line break included, so idlc
  // prints a diagnostic over two lines (the second without file:line:col). Found by the CLI
  // fuzzing (a mutated tenant.yaml). When this passes, set KNOWN_BUGS.multilineMessages to false
  // in test/support/idl-fuzz.ts.
  it("a repeated block-scalar key is reported on one line", () => {
    const text = "idl: 1\nmodule: pool\n? |\n  x\n: 1\n? |\n  x\n: 2\n";
    const tenant = REAL_FILES.find((f) => f.path === "idl/tenant.yaml")!;
    const { diagnostics } = loadIdl([{ path: "idl/pool.yaml", text }, tenant]);
    expect(diagnostics.map((d) => d.code)).toContain("duplicate-key");
    for (const d of diagnostics) expect(d.message).not.toMatch(/[\r\n]/);
  });
});

describe("diagnostics are where the problem is", () => {
  // KNOWN BUG: file-unreadable is located with the line count of the YAML parser, which stops
  // counting after a syntax error (here the indented first key): the NUL on line 4 is reported at
  // 3:8. Found by the in-process fuzzing (a mutated tenant.yaml, reported at 5:85 on a line of 82
  // characters). When this passes, set KNOWN_BUGS.misplacedUnreadable to false.
  it("a NUL after a syntax error is reported at its own line and column", () => {
    const text = " idl: 1\ndoc: |\n  text\n\0\n";
    const { diagnostics } = loadIdl([{ path: "idl/tenant.yaml", text }]);
    const d = diagnostics.find((x) => x.code === "file-unreadable");
    expect(d?.range.start).toMatchObject({ line: 4, col: 1 });
  });

  it("a NUL in a file that parses is reported at its own line and column", () => {
    const text = "idl: 1\ndoc: |\n  text\n\0\n";
    const { diagnostics } = loadIdl([{ path: "idl/tenant.yaml", text }]);
    expect(diagnostics.find((x) => x.code === "file-unreadable")?.range.start).toMatchObject({ line: 4, col: 1 });
  });
});
