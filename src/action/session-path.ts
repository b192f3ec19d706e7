import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Where this step's session transcript goes: under the runner's per-job temp directory (emptied
 * after every job), named so that two claw steps in one job never share a file.
 */
export function sessionFilePath(
  environment: Readonly<Record<string, string | undefined>>,
  now: Date = new Date()
): string {
  const base = environment['RUNNER_TEMP'] || tmpdir()
  const runId = environment['GITHUB_RUN_ID'] || 'local'
  const attempt = environment['GITHUB_RUN_ATTEMPT'] || '1'
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  return join(base, 'claw', `session-${runId}-${attempt}-${stamp}.jsonl`)
}
