/**
 * Failed CI jobs' logs for the model: what failed and why, within a token budget.
 *
 * A job log is mostly setup noise; what matters is the failing tests and the errors, usually near
 * the end. Each log is cut to an excerpt: the lines that name a failure (with a line of context
 * either side) first, then as much of the tail as the budget leaves, in their original order,
 * timestamps removed (they cost tokens and say nothing). Each excerpt is fenced as data: a log
 * prints whatever the code under test printed.
 */
import { estimateTokens } from './context.js'
import type { GitHubClient } from './octokit.js'
import { fenceAsData } from './sanitize.js'

export interface FailedJob {
  /** The Actions job id (for a check run made by GitHub Actions, the check run's id). */
  id: number
  name: string
  failedSteps: string[]
  /** What to show when the log cannot be read (a check run's own summary, for instance). */
  fallback?: string
}

/** Lines kept from the end of each log before the budget is applied. */
const TAIL_LINES = 150
/** A line that reports a failure in the usual test runners and compilers. */
const FAILURE_LINE =
  /\b(not ok|FAIL(ED)?|fail(ed|ing|ure)?|Error|Exception|AssertionError|Traceback|panic|✖|✗|×|ERR!)\b|##\[error\]/

/** The excerpt of one log that fits `budgetTokens`; see the file comment. */
export function excerptLog(log: string, budgetTokens: number): string {
  const lines = log.split(/\r?\n/).map(line => line.replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z ?/, ''))
  const keep = new Set<number>()
  const fits = (): boolean =>
    estimateTokens([...keep].map(index => lines[index] ?? '').join('\n')) <= budgetTokens
  // The failure lines first, newest first: the last failure is the one that stopped the job.
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    if (!FAILURE_LINE.test(lines[index] ?? '')) continue
    const added = [index - 1, index, index + 1].filter(
      at => at >= 0 && at < lines.length && !keep.has(at)
    )
    added.forEach(at => keep.add(at))
    if (!fits()) {
      added.forEach(at => keep.delete(at))
      break
    }
  }
  // Then the tail, as far as the budget goes.
  for (let index = lines.length - 1; index >= Math.max(0, lines.length - TAIL_LINES); index -= 1) {
    if (keep.has(index)) continue
    keep.add(index)
    if (!fits()) {
      keep.delete(index)
      break
    }
  }
  const sorted = [...keep].sort((a, b) => a - b)
  const out: string[] = []
  let previous = -1
  for (const index of sorted) {
    if (previous !== -1 && index > previous + 1) out.push('…')
    out.push(lines[index] ?? '')
    previous = index
  }
  if (sorted[0] !== undefined && sorted[0] > 0) out.unshift(`… (${sorted[0]} earlier lines)`)
  return out.join('\n').trimEnd()
}

/** The failed jobs' log excerpts, fenced, sharing `budgetTokens`. Never throws for one log. */
export async function failedJobLogs(
  octokit: GitHubClient,
  request: {
    owner: string
    repo: string
    jobs: FailedJob[]
    budgetTokens: number
    describe: (error: unknown, operation: string) => string
  }
): Promise<string> {
  const { owner, repo, jobs } = request
  if (jobs.length === 0) return 'No job is marked failed; no log is included.'
  const perJob = Math.floor(request.budgetTokens / jobs.length)
  const sections: string[] = []
  for (const job of jobs) {
    const label = `log of job ${job.name}${job.failedSteps.length > 0 ? `, failed step ${job.failedSteps.join(', ')}` : ''}`
    try {
      const response = await octokit.rest.actions.downloadJobLogsForWorkflowRun({
        owner,
        repo,
        job_id: job.id
      })
      const log = typeof response.data === 'string' ? response.data : String(response.data)
      sections.push(fenceAsData(label, excerptLog(log, perJob)))
    } catch (error) {
      if (job.fallback !== undefined && job.fallback.trim() !== '') {
        sections.push(
          fenceAsData(`${job.name} (its summary; no log)`, excerptLog(job.fallback, perJob))
        )
      } else {
        sections.push(
          `Job "${job.name}": its log could not be read (${request.describe(error, 'actions.downloadJobLogsForWorkflowRun')}).`
        )
      }
    }
  }
  return sections.join('\n\n')
}
