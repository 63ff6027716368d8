/** Round trips of valid values of every type: at least 100,000 cases per property (`npm run test:deep`). */
import { DEEP_RUNS, fcRuns } from "../support/runs.js";
import { roundTripSuite } from "../support/suites/round-trip.js";

roundTripSuite(fcRuns(DEEP_RUNS));
