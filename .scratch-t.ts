import { applyScenario } from "./src/scenario/apply-scenario.ts";
import { analyseNetwork } from "./src/engine/analyse.ts";
import { runScenario } from "./src/run-scenario.ts";
let t = Date.now();
const a = applyScenario("scenarios/baseline-2019.yaml");
console.log("apply", Date.now() - t); t = Date.now();
const r = runScenario("scenarios/baseline-2019.yaml");
console.log("run", Date.now() - t, JSON.stringify(r).length, a.network.order, a.network.size);
