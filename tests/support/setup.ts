// Before every unit test file: the lazily loaded scheduler engine is here, as it is in the app
// by the time anyone grades; so is the English text of the screens that load on demand, as it is
// by the time the app shows one (tests render those screens directly).
import { loadScreenText } from '../../src/i18n/catalogues.ts';
import { loadEngine } from '../../src/scheduler/engine.ts';

await Promise.all([loadEngine(), loadScreenText()]);
