/**
 * Agreement with serde_json, case by case, as test/conformance/README.md defines it, for the
 * committed package (the suite: test/support/suites/serde-vectors.ts).
 */
import * as model from "@mvm/pool-model";
import { serdeVectorsSuite } from "../support/suites/serde-vectors.js";

serdeVectorsSuite(model);
