import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where a test run keeps its one build of the web apps (removed by the global teardown). */
export function webBuildRoot(runPrefix: string): string {
  return path.join(tmpdir(), `campus-web-${runPrefix}`);
}
