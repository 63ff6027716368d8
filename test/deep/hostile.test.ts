/**
 * Hostile values through every type's readers and writers (`npm run test:deep`): at least
 * 100,000 cases of the main property per type (any JavaScript value through parse<T>), 20,000
 * of the others (frozen inputs, any text through parse<T>Json).
 */
import { DEEP_RUNS, fcRuns } from "../support/runs.js";
import { hostileSuite } from "../support/suites/hostile.js";

const runs = fcRuns(DEEP_RUNS);
hostileSuite(runs, Math.max(1, Math.round(runs / 5)));
