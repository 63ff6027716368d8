/** Round trips of valid values of every type (small run; the large one is test/deep/round-trip.test.ts). */
import { fcRuns } from "../support/runs.js";
import { roundTripSuite } from "../support/suites/round-trip.js";

roundTripSuite(fcRuns(100));
