/**
 * The one seam between the action's wiring (`src/main.ts`) and the agent core: run the agent on
 * the checked-out workspace with the workflow's settings and report what happened. The agent
 * core is built separately; until it is wired in, this refuses with a clear message instead of
 * pretending to run.
 */
import type { Usage } from '../agent/messages.js'
import type { Conclusion } from '../constants.js'
import { UserError } from '../errors.js'
import type { TaskName } from '../policy/types.js'
import type { Settings } from '../settings.js'

export interface AgentTaskOptions {
  /**
   * Absolute path the session transcript must be written to. main saves it as state before the
   * run starts, so the post step finds it even when this step fails or is cancelled.
   */
  sessionFile: string
}

/** What one agent run produced, as the action reports it in its outputs and job summary. */
export interface AgentTaskResult {
  conclusion: Conclusion
  /** The task that ran. */
  task: TaskName
  /** One line for people: why the run ended the way it did. */
  reason: string
  turns: number
  usage: Usage
  costUsd: number
  /** The session transcript, when one was written. */
  sessionFile?: string
  /** The branch the outcome was committed to, when there is one. */
  branch?: string
  /** URL of the pull request opened or updated, when there is one. */
  pullRequest?: string
  /** Id of the review posted, when there is one. */
  reviewId?: number
}

export type RunAgentTask = (
  settings: Settings,
  workspace: string,
  options: AgentTaskOptions
) => Promise<AgentTaskResult>

export const runAgentTask: RunAgentTask = () =>
  Promise.reject(
    new UserError(
      'claw: running the agent from the action is not wired yet in this release. ' +
        'Remove the "prompt" input to let the step finish as skipped, or try the task locally with `claw run`.'
    )
  )
