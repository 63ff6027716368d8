/** Hostile values through every type's readers and writers (small run; the large one is test/deep/hostile.test.ts). */
import { fcRuns } from "../support/runs.js";
import { hostileSuite } from "../support/suites/hostile.js";

hostileSuite(fcRuns(100));
