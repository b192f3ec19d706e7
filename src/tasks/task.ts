/**
 * What every task (fix, review, ask, docs, repair) is made of, as the event handler runs it:
 * `prepare` gathers the context and puts the workspace where the agent must work (a pull request's
 * head, a rolling branch), before the model starts; `deliver` turns a successful run into GitHub
 * writes (a push, a pull request, a review, a comment). The handler owns everything around them:
 * the plan, who may trigger, the progress comment, the run itself.
 */
import type { AgentRun, AgentTaskResult } from '../action/run-agent-task.js'
import type { EventTarget, RunPlan } from '../github/events.js'
import type { GitHubClient } from '../github/octokit.js'
import type { ProgressComment } from '../github/progress-comment.js'
import type { ThreadReads } from '../github/reads.js'
import type { Settings } from '../settings.js'
import type { ReviewCollector } from '../tools/review-comment.js'
import { UserError } from '../errors.js'

/** Everything a task may use; built once per run by the event handler. */
export interface TaskContext {
  settings: Settings
  octokit: GitHubClient
  owner: string
  repo: string
  /** The reads of the run's issue or pull request, each made once (some started early). */
  reads: ThreadReads
  plan: RunPlan
  /** The checkout the agent works in. */
  workspace: string
  /** `GITHUB_SERVER_URL`, for pushes and links (GitHub Enterprise Server included). */
  serverUrl: string
  /** The workflow run's page. */
  runUrl: string
  /** The comment that follows the run, when the target has a thread to put it in. */
  progress: ProgressComment | undefined
  /** Redacts every known secret from a text before it leaves the process. */
  redact: (text: string) => string
  /** One line for an API failure and what to do about it; `operation` is the Octokit method (`pulls.create`). */
  describe: (error: unknown, operation: string) => string
  /** Progress lines for the job's log. */
  log: (line: string) => void
}

/** What `prepare` hands the agent. */
export interface PreparedTask {
  /** The whole first message: the instructions, then the fenced data. */
  prompt: string
  /** For a review: where ReviewComment findings go, and which lines are in the diff. */
  review?: ReviewCollector
  /** Offer no Write and no Edit (ask). */
  readOnly?: boolean
}

/** What `deliver` made of a run: laid over the run's result for the outputs and the comment. */
export interface Delivery {
  result: Pick<AgentTaskResult, 'reason'> & Partial<AgentTaskResult>
  branch?: string
  /** The pull request opened or updated, for the progress comment's link. */
  pullNumber?: number
}

export interface TaskHandler {
  /**
   * Starts the reads `prepare` will make, while the permission check is still out. Only reads:
   * nothing may be written, nor the workspace touched, before the check passes.
   */
  prefetch?(reads: ThreadReads, target: EventTarget): void
  prepare(context: TaskContext): Promise<PreparedTask>
  deliver(context: TaskContext, run: AgentRun, prepared: PreparedTask): Promise<Delivery>
}

/**
 * Thrown by `prepare` when the task decides, before the model starts, that there is nothing to do
 * (a repair limit reached, a branch that moved on): the run ends `skipped` with this message.
 */
export class TaskSkipped extends UserError {
  override name = 'TaskSkipped'
}

/** The most tokens the issue or pull request and its conversation may take in the request. */
export const CONTEXT_BUDGET_TOKENS = 20_000

/**
 * The triggering comment for context gathering (it, and what came after it, are left out), as
 * the spread `gatherIssueContext` and `gatherPullRequestContext` take.
 */
export function triggerOf(context: TaskContext): { trigger?: { createdAt: string; id: number } } {
  const comment = context.plan.triggerComment
  return comment === undefined ? {} : { trigger: { createdAt: comment.createdAt, id: comment.id } }
}

/**
 * Starts the reads `gatherIssueContext` or `gatherPullRequestContext` makes (and `loadPullRequest`
 * and the review's earlier findings): a `prefetch` for the tasks that gather one of them.
 */
export function prefetchThread(reads: ThreadReads, target: EventTarget): void {
  if (target.kind === 'issue') {
    void reads.issue(target.number)
    void reads.issueComments(target.number)
  } else if (target.kind === 'pull_request') {
    void reads.pull(target.number)
    void reads.issueComments(target.number)
    void reads.pullFiles(target.number)
    void reads.reviewComments(target.number)
    void reads.reviews(target.number)
  }
}

/** The issue or pull request number a target has a conversation on, if any. */
export function threadNumber(target: EventTarget): number | undefined {
  switch (target.kind) {
    case 'issue':
    case 'pull_request':
      return target.number
    case 'workflow_run':
      return target.pullRequests[0]
    case 'repository':
      return undefined
  }
}

/** The request as the user wrote it, or a default when the comment held only the verb. */
export function requestOr(plan: RunPlan, fallback: string): string {
  const request = plan.request.trim()
  return request === '' ? fallback : request
}

/**
 * Opens the pull request for a branch claw pushed. A failure is the run's failure, but the pushed
 * branch stays and the reason says what to do (the token's missing permission, for instance).
 */
export async function openPullRequest(
  context: TaskContext,
  pull: {
    branch: string
    base: string
    title: string
    body: string
    /** The result's reason, given the new pull request's number. */
    opened: (number: number) => string
  }
): Promise<Delivery> {
  const { branch } = pull
  try {
    const { data } = await context.octokit.rest.pulls.create({
      owner: context.owner,
      repo: context.repo,
      title: pull.title.slice(0, 200),
      head: branch,
      base: pull.base,
      body: pull.body
    })
    return {
      branch,
      pullNumber: data.number,
      result: {
        branch,
        pullRequest: data.html_url,
        reason: pull.opened(data.number)
      }
    }
  } catch (error) {
    return {
      branch,
      result: {
        conclusion: 'failure',
        branch,
        reason: `Pushed ${branch}, but ${context.describe(error, 'pulls.create')}`
      }
    }
  }
}
