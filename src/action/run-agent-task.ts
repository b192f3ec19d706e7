/**
 * The one seam between the action's wiring (`src/main.ts`) and the agent core: run the agent on
 * the checked-out workspace with the workflow's settings and report what happened.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import * as core from '@actions/core'
import type { Usage } from '../agent/messages.js'
import { lazyModelClient } from '../agent/model-client.js'
import { runTask } from '../agent/run-task.js'
import { Defaults, Inputs, State, type Conclusion } from '../constants.js'
import { errorMessage, UserError } from '../errors.js'
import {
  credentialSecrets,
  removePersistedCredentials,
  type RemovedCredentials,
  type SavedCredentials
} from '../git/credentials.js'
import { DEFAULT_POLICY, loadPolicyFile } from '../policy/load.js'
import { canReadPath } from '../policy/decide.js'
import { rulesFor } from '../policy/rules.js'
import type { RunStatus, SessionEvent } from '../session/events.js'
import type { Policy, TaskName } from '../policy/types.js'
import { childEnvironment } from '../sandbox/child-env.js'
import {
  needsProbe,
  sharedIsolationDetector,
  type IsolationDetector
} from '../sandbox/isolation.js'
import { createRedactor, type Redactor } from '../sandbox/redact.js'
import { collectSecrets } from '../sandbox/secrets.js'
import type { Settings } from '../settings.js'
import type { ReviewCollector } from '../tools/review-comment.js'
import type { ResumeRequest } from '../agent/resume.js'
import { Git } from '../git/repo.js'
import type { WorkspaceEvent } from '../session/events.js'
import { sealCredentials, stateKeyMaterial } from './credential-state.js'

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

/** How each way a run can end maps to the action's `conclusion` output. */
const CONCLUSION_OF: Record<RunStatus, Conclusion> = {
  success: 'success',
  'needs-approval': 'needs-approval',
  'max-turns': 'failure',
  'max-cost': 'failure',
  timeout: 'failure',
  refusal: 'failure',
  error: 'failure'
}

/**
 * Runs the agent with the `prompt` input as the request, leaving the changes in the workspace for
 * later steps of the job.
 */
export const runAgentTask: RunAgentTask = async (settings, workspace, options) => {
  const run = await runAgentRequest(settings, workspace, options, {
    task: settings.task ?? 'fix',
    prompt: settings.prompt
  })
  return run.result
}

/** What the agent is asked to do: the task and the whole request the model reads first. */
export interface AgentRequest {
  task: TaskName
  prompt: string
  /** Each event the session records, as it is recorded (a progress comment follows the run). */
  onEvent?: (event: SessionEvent) => void
  /** For a review: the ReviewComment tool is offered, and its findings collected here. */
  review?: ReviewCollector
  /** A task that only reads (ask): Write and Edit are not offered. */
  readOnly?: boolean
  /** Continue an earlier session (an approval or a follow-up) instead of starting fresh. */
  resume?: ResumeRequest
  /** The isolation probe, started earlier by startIsolationProbe; default: one of its own. */
  isolation?: IsolationDetector
}

/** One agent run, with what a caller that delivers its outcome needs beyond the result. */
export interface AgentRun {
  result: AgentTaskResult
  /** The model's final text (its summary of the change), redacted. */
  summary: string
  /**
   * The git credentials actions/checkout persisted, taken away for the run and put back after it
   * (empty when there were none): what a push of the outcome should use.
   */
  checkoutCredentials: SavedCredentials
}

/**
 * The one call path to the agent core for the action: policy, credential removal around the run,
 * secrets, model. Both the `prompt` input path and the event path use it.
 */
export async function runAgentRequest(
  settings: Settings,
  workspace: string,
  options: AgentTaskOptions,
  request: AgentRequest
): Promise<AgentRun> {
  const task = request.task
  const policy = loadRunPolicy(settings, workspace)
  core.info(`claw: ${task} with ${settings.model}; policy: ${policy.source}`)

  // The probe and the SDK's load go on while git takes the credentials away (tens of ms each, one
  // after another before): neither reads the repository or the credentials, nor writes anything.
  const isolation = request.isolation ?? sharedIsolationDetector()
  probeFor(isolation, policy, task)
  // The model's log lines are redacted with the credentials too, once they are known.
  let redactLog: Redactor = createRedactor(
    collectSecrets(process.env, [settings.anthropicApiKey, settings.githubToken])
  )
  // Loaded only here: a run that skips never pays for the SDK's start-up.
  const model = lazyModelClient(async () => {
    const { createAnthropicClient } = await import('../agent/anthropic-client.js')
    return createAnthropicClient({
      apiKey: settings.anthropicApiKey,
      baseURL: process.env['ANTHROPIC_BASE_URL'] || undefined,
      log: line => core.info(redactLog(line))
    })
  })
  // Awaited by runTask, which reports a failure to load.
  model.prepare?.().catch(() => {})

  const credentials = await takeAwayCredentials(workspace, settings)
  try {
    // Every secret the runner handed this process, and the credentials just taken away: the
    // agent's tools cannot get them from their own environment, but a /proc read or a file could
    // still show them, so they are redacted by value wherever they turn up, and masked by the
    // runner in the log.
    const secrets = collectSecrets(process.env, [
      settings.anthropicApiKey,
      settings.githubToken,
      ...credentialSecrets(credentials.saved)
    ])
    for (const secret of secrets) core.setSecret(secret)
    const redact = createRedactor(secrets)
    redactLog = redact

    const result = await runTask({
      workspace,
      task,
      prompt: request.prompt,
      policy,
      model,
      modelName: settings.model,
      sessionPath: options.sessionFile,
      limits: {
        maxTurns: settings.maxTurns,
        maxCostUsd: settings.maxCostUsd,
        timeoutMinutes: settings.timeoutMinutes
      },
      secrets,
      repository: process.env['GITHUB_REPOSITORY'] || 'unknown',
      event: process.env['GITHUB_EVENT_NAME'] || 'unknown',
      log: line => core.info(line),
      env: process.env,
      isolation,
      smallHeap: true,
      ...(request.onEvent === undefined ? {} : { onEvent: request.onEvent }),
      ...(request.review === undefined ? {} : { review: request.review }),
      ...(request.readOnly === true ? { readOnly: true } : {}),
      ...(request.resume === undefined ? {} : { resume: request.resume }),
      // A paused run's edits must survive the runner: they go into the session, and the run that
      // resumes it (on a fresh checkout) puts them back first.
      snapshotWorkspace: () =>
        snapshotWorkspace(workspace, path => canReadPath(rulesFor(policy, task), path)),
      restoreWorkspace: saved => restoreWorkspace(workspace, saved)
    })
    return {
      result: {
        conclusion: CONCLUSION_OF[result.status],
        task,
        // The reason can quote an API error or a tool's message; it goes to the summary and outputs.
        reason: redact(result.reason),
        turns: result.turns,
        usage: result.usage,
        costUsd: result.costUsd,
        sessionFile: result.sessionPath
      },
      summary: redact(result.finalText),
      checkoutCredentials: credentials.saved
    }
  } finally {
    await giveBackCredentials(credentials)
  }
}

/**
 * Starts the isolation probe for a run of `task` in `workspace` with the policy as it is now, and
 * returns the detector to hand to runAgentRequest: the event path calls it while its GitHub
 * requests are out. A task whose preparation changes the policy (a pull request's checkout) gets a
 * probe for its own policy there; a policy that does not load fails the run there too.
 */
export function startIsolationProbe(
  settings: Settings,
  workspace: string,
  task: TaskName
): IsolationDetector {
  const isolation = sharedIsolationDetector()
  try {
    probeFor(isolation, loadRunPolicy(settings, workspace), task)
  } catch {
    // Reported where the policy is loaded for the run.
  }
  return isolation
}

/** Starts the probe a run of `task` under `policy` asks for (none when its Bash is off). */
function probeFor(isolation: IsolationDetector, policy: Policy, task: TaskName): void {
  const rules = rulesFor(policy, task)
  if (!needsProbe(policy.isolation, rules)) return
  // runTask asks the same question (its child environment is made the same way) and reports.
  isolation({ network: rules.network, env: childEnvironment(process.env) }).catch(() => {})
}

/**
 * The working tree's changes for the session. A file the read rules deny (a `.env` a tool wrote)
 * is left out: the session is uploaded as an artifact, and must not carry what the agent may not
 * even read.
 */
export async function snapshotWorkspace(
  workspace: string,
  canRead: (path: string) => boolean
): Promise<WorkspaceEvent | undefined> {
  const git = new Git({ cwd: workspace })
  const base = await git.headSha()
  if (base === undefined || !(await git.hasChanges())) return undefined
  const sections = (await git.workingTreePatch()).split(/^(?=diff --git )/m)
  const kept = sections.filter(section => {
    const match = /^diff --git a\/(.+?) b\/(.+)$/m.exec(section)
    if (match === null) return true
    const allowed = canRead(match[1] ?? '') && canRead(match[2] ?? '')
    if (!allowed)
      core.warning(
        `claw: ${match[2] ?? ''} is not kept for the resumed run: the read rules deny it.`
      )
    return allowed
  })
  return { type: 'workspace', base, patch: kept.join('') }
}

async function restoreWorkspace(workspace: string, saved: WorkspaceEvent): Promise<void> {
  const git = new Git({ cwd: workspace })
  const head = await git.headSha()
  // On the same commit the patch applies as it was made; on a newer one, a three-way merge.
  const args = head === saved.base ? ['apply', '--binary'] : ['apply', '--binary', '--3way']
  const applied = await git.exec(args, { input: saved.patch })
  if (applied.exitCode !== 0) {
    throw new UserError(
      `The paused run's changes (made on ${saved.base.slice(0, 12)}) do not apply to the checkout at ${head?.slice(0, 12) ?? 'no commit'}: ${applied.stderr.trim().split('\n')[0] ?? ''}. Start again with a new "/claw" request.`
    )
  }
  core.info(
    `claw: put back the paused run's changes to the working tree (made on ${saved.base.slice(0, 12)}).`
  )
}

/**
 * Takes the credentials actions/checkout persisted out of the repository's config (see
 * src/git/credentials.ts) and saves them, sealed, for the post step before the agent starts.
 */
async function takeAwayCredentials(
  workspace: string,
  settings: Settings
): Promise<RemovedCredentials> {
  const credentials = await removePersistedCredentials(workspace)
  if (credentials.removed === 0) return credentials
  const keyMaterial = stateKeyMaterial(process.env, settings.githubToken)
  if (keyMaterial === undefined) {
    core.debug('claw: no key to seal the git credentials with; only this step restores them.')
  } else {
    core.saveState(State.Credentials, sealCredentials(credentials.saved, keyMaterial))
  }
  core.info(
    `claw: took ${credentials.removed} persisted git credential(s) out of the repository's config for the agent run; they are put back after it.`
  )
  return credentials
}

/** The policy a run in `workspace` goes by: the `policy` input's file, or the read-only default. */
export function loadRunPolicy(settings: Settings, workspace: string): Policy {
  const policyFile = resolve(workspace, settings.policyPath)
  if (existsSync(policyFile)) return loadPolicyFile(policyFile)
  if (settings.policyPath !== Defaults.Policy) {
    // A policy the workflow names but that is not there is a mistake, not a choice of the
    // read-only default: say so instead of running with rules nobody wrote.
    throw new UserError(
      `Input "${Inputs.Policy}" names ${settings.policyPath}, but there is no such file in the workspace. ` +
        `Check the path, or remove the input to use ${Defaults.Policy} (or the built-in read-only policy without it).`
    )
  }
  return DEFAULT_POLICY
}

/** Puts the credentials back; a failure is a warning, and the post step tries again. */
async function giveBackCredentials(credentials: RemovedCredentials): Promise<void> {
  if (credentials.removed === 0) return
  try {
    await credentials.restore()
    core.saveState(State.Credentials, '')
    core.info('claw: put the persisted git credentials back.')
  } catch (error) {
    core.warning(
      `claw: could not put the persisted git credentials back (the post step tries again): ${errorMessage(error)}`
    )
  }
}
