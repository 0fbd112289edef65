// Prints vitest's totals as one plain line ("vitest: N passed, N failed, N skipped"), the
// form CI reads, and says loudly when engine tests were skipped. Reads the JSON report that
// `npm run test:all` writes; exits non-zero when there is none, so a broken run cannot look
// green.
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'test-results/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch (error) {
  console.error(`No test report at ${reportPath}: ${error.message}`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
if (skipped > 0) {
  console.warn(`WARNING: ${skipped} tests were skipped (see the messages above for why).`);
}
console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
