/**
 * `idlc generate` killed (SIGKILL) at many moments while it replaces a good tree with the output
 * of a large synthetic IDL (`npm run test:deep`): after fixed delays from the start, at several
 * delays into the writing of the new folder, and inside the swap.
 */
import { killGenerateSuite, type KillAt } from "../support/suites/kill-generate.js";

const plan: KillAt[] = [
  ...[50, 200, 500, 1000, 2000, 4000].map((ms) => ({ after: "start" as const, ms })),
  ...[0, 0, 0, 1, 2, 5, 10, 20, 40, 80, 160].map((ms) => ({ after: "writing" as const, ms })),
  { after: "swap" },
  { after: "swap" },
  { after: "swap" },
];

killGenerateSuite(40, plan);
