/** The generated parsers against ajv on the emitted JSON Schemas: at least 100,000 generated inputs per type (`npm run test:deep`). */
import { DEEP_RUNS, fcRuns } from "../support/runs.js";
import { differentialSuite } from "../support/suites/differential.js";

differentialSuite(fcRuns(DEEP_RUNS));
