/**
 * `idlc generate` killed (SIGKILL) in the middle of its work, as a real child process (the small
 * run; test/deep/atomic.test.ts kills it at many more moments). The deterministic counterpart,
 * a crash at each file system call of the writer, is test/atomic/crash-points.test.ts.
 */
import { killGenerateSuite } from "../support/suites/kill-generate.js";

killGenerateSuite(12, [
  { after: "start", ms: 300 },
  { after: "writing", ms: 0 },
  { after: "swap" },
]);
