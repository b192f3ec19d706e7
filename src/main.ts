/**
 * The action's main step, wiring only: read the settings, decide what to do, run the agent,
 * report. Everything runs inside one try/catch that ends in `core.setFailed`, so a bad input or a
 * failed run is one readable error line, never a crash with a stack trace.
 */
import * as core from '@actions/core'
import { renderResultSummary } from './action/job-summary.js'
import { planRun, requireApiKey } from './action/plan-run.js'
import type { AgentTaskResult, RunAgentTask } from './action/run-agent-task.js'
import { sessionArtifactName } from './session/artifact-store.js'
import { defaultSessionPath } from './session/paths.js'
import { EVENT_DRIVEN } from './action/event-driven.js'
import { Outputs, State, type Conclusion } from './constants.js'
import { errorMessage, UserError } from './errors.js'
import { createRedactor } from './sandbox/redact.js'
import { collectSecrets } from './sandbox/secrets.js'
import { describeSettings, getSettings, type Settings } from './settings.js'

/** What `run` calls out to; tests replace the agent with a fake. */
export interface RunDependencies {
  runAgentTask: RunAgentTask
}

export async function run(dependencies: Partial<RunDependencies> = {}): Promise<void> {
  let settings: Settings | undefined
  try {
    const current = await core.group('claw: settings', () => Promise.resolve(readSettings()))
    settings = current

    const startRun = (
      needsModel = true
    ): { workspace: string; options: { sessionFile: string } } => {
      // The deliver phase of a two-phase run calls no model: it needs no key.
      if (needsModel) requireApiKey(current)
      const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd()
      const sessionFile = defaultSessionPath(workspace, process.env)
      // Saved before the run so that the post step finds the transcript after a failure or cancel.
      core.saveState(State.SessionFile, sessionFile)
      return { workspace, options: { sessionFile } }
    }

    let result: AgentTaskResult
    if (startsFromEvent(current)) {
      // Loaded only here: Octokit and the event handling cost start-up time the prompt path saves.
      const { handleEvent } = await import('./action/handle-event.js')
      const outcome = await core.group('claw: agent', () => handleEvent(current, { startRun }))
      if (outcome.kind === 'skip') {
        await reportSkip(outcome.reason, outcome.task ?? current.task ?? '')
        return
      }
      result = outcome.result
    } else {
      const plan = planRun(current)
      if (plan.kind === 'skip') {
        await reportSkip(plan.reason, current.task ?? '')
        return
      }
      const { workspace, options } = startRun()
      // A prompt run has no issue or pull request to file its session under: the run's own name.
      const runId = Number(process.env['GITHUB_RUN_ID'])
      if (Number.isSafeInteger(runId) && runId > 0) {
        const target = { kind: 'workflow_run' as const, runId, pullRequests: [] }
        core.saveState(State.SessionArtifact, sessionArtifactName(target))
      }
      // Loaded only here, as the event path loads it once its first GitHub requests are out: the
      // agent core is most of the bundle, and nothing before this point needs it.
      const runAgentTask =
        dependencies.runAgentTask ?? (await import('./action/run-agent-task.js')).runAgentTask
      result = await core.group('claw: agent', () => runAgentTask(current, workspace, options))
    }
    setResultOutputs(result)
    await writeResultSummary(result)
    if (result.conclusion === 'failure') core.setFailed(`claw: ${result.reason}`)
  } catch (error) {
    // The job summary is a file the runner's log masking may not cover, and an error can quote
    // anything (a git message, an API reply): the secrets are redacted from it here.
    const redact = createRedactor(
      collectSecrets(process.env, [settings?.anthropicApiKey, settings?.githubToken])
    )
    const message = redact(errorMessage(error))
    // A UserError is the whole story; anything else gets its stack at debug level for a bug report.
    if (!(error instanceof UserError) && error instanceof Error && error.stack !== undefined) {
      core.debug(redact(error.stack))
    }
    try {
      core.setOutput(Outputs.Conclusion, 'failure' satisfies Conclusion)
      core.setOutput(Outputs.Task, settings?.task ?? '')
      await writeSummary(`**claw** failed: ${message}`)
    } catch (reportError) {
      core.warning(`claw: could not report the failure: ${errorMessage(reportError)}`)
    }
    core.setFailed(message)
  }
}

/**
 * Whether the run starts from the GitHub event (its task chosen by the event, its outcome
 * delivered) rather than from the `prompt` input alone (the agent runs on the checkout and leaves
 * its changes for later steps). A comment, an issue, a pull request or a workflow run always
 * starts from the event, the `prompt` adding instructions. A schedule or a manual dispatch does
 * unless it carries a `prompt` and no `task`: that is a workflow running the agent as one of its
 * steps. The deliver phase of a two-phase run always starts from the event it delivers for.
 */
function startsFromEvent(settings: Settings): boolean {
  const eventName = process.env['GITHUB_EVENT_NAME'] ?? ''
  if (!EVENT_DRIVEN.has(eventName)) return false
  if (settings.phase === 'deliver') return true
  if (eventName === 'schedule' || eventName === 'workflow_dispatch') {
    return settings.prompt === '' || settings.task !== undefined
  }
  return true
}

async function reportSkip(reason: string, task: string): Promise<void> {
  core.info(`claw: skipped. ${reason}`)
  core.setOutput(Outputs.Conclusion, 'skipped' satisfies Conclusion)
  core.setOutput(Outputs.Task, task)
  await writeSummary(`**claw** skipped: ${reason}`)
}

function readSettings(): Settings {
  const settings = getSettings()
  core.debug(`claw settings: ${describeSettings(settings)}`)
  return settings
}

function setResultOutputs(result: AgentTaskResult): void {
  core.setOutput(Outputs.Conclusion, result.conclusion)
  core.setOutput(Outputs.Task, result.task)
  core.setOutput(Outputs.SessionFile, result.sessionFile ?? '')
  core.setOutput(Outputs.Branch, result.branch ?? '')
  core.setOutput(Outputs.PullRequest, result.pullRequest ?? '')
  core.setOutput(Outputs.ReviewId, result.reviewId === undefined ? '' : String(result.reviewId))
  core.setOutput(Outputs.Turns, String(result.turns))
  core.setOutput(Outputs.CostUsd, result.costUsd.toFixed(4))
  core.setOutput(Outputs.InputTokens, String(result.usage.input_tokens))
  core.setOutput(Outputs.OutputTokens, String(result.usage.output_tokens))
}

/**
 * The job summary of a run: how it ended, links to what it produced, and the session's table of
 * tool calls with the policy's decisions. A session that cannot be read leaves the result line,
 * with a warning.
 */
async function writeResultSummary(result: AgentTaskResult): Promise<void> {
  const summary = renderResultSummary(result, {
    serverUrl: process.env['GITHUB_SERVER_URL'] || 'https://github.com',
    repository: process.env['GITHUB_REPOSITORY'] ?? ''
  })
  if (summary.warning !== undefined) core.warning(`claw: ${summary.warning}`)
  await writeSummaryMarkdown(summary.markdown)
}

/**
 * Appends one line to the job summary. Messages can quote input values, and the summary renders
 * HTML, so `<`, `>` and `&` are escaped.
 */
async function writeSummary(line: string): Promise<void> {
  await writeSummaryMarkdown(escapeHtml(line))
}

/**
 * Appends Markdown whose untrusted parts are escaped already. A summary that cannot be written (no
 * `GITHUB_STEP_SUMMARY` outside a runner) is a warning, not a reason to fail the step.
 */
async function writeSummaryMarkdown(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown, true).write()
  } catch (error) {
    core.summary.emptyBuffer()
    core.warning(`claw: could not write the job summary: ${errorMessage(error)}`)
  }
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
