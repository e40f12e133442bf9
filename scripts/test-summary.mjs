// Prints one closing line, "tests: N passed, N failed", from the JSON reports that `npm test`
// leaves in test-results/ (unit and end-to-end), so CI logs say plainly how many tests ran.
import { existsSync, readFileSync } from 'node:fs';

const reports = ['test-results/unit.json', 'test-results/e2e.json'];
let passed = 0;
let failed = 0;
for (const file of reports) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: did the test run finish?`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
