/**
 * The action started by a GitHub event instead of the `prompt` input: plan the event, check who
 * triggered it, open the progress comment, run the task's agent, deliver its outcome. Each task
 * (src/tasks/) says how it gathers context and delivers; this file owns what they share.
 *
 * main imports this module lazily, and it imports Octokit lazily: a run that skips on the `prompt`
 * path never pays for either.
 */
import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { BOT_MARKER, planFromEvent, type Refusal, type RunPlan } from '../github/events.js'
import type { GitHubClient } from '../github/octokit.js'
import { mayTrigger, type PermissionAnswer } from '../github/permission.js'
import { ProgressComment } from '../github/progress-comment.js'
import { errorMessage, UserError } from '../errors.js'
import { createRedactor } from '../sandbox/redact.js'
import { collectSecrets } from '../sandbox/secrets.js'
import type { Settings } from '../settings.js'
import { TASKS } from '../tasks/index.js'
import { threadNumber, type TaskContext } from '../tasks/task.js'
import { runAgentRequest, type AgentTaskOptions, type AgentTaskResult } from './run-agent-task.js'

export type EventOutcome =
  { kind: 'skip'; reason: string; task?: string } | { kind: 'ran'; result: AgentTaskResult }

export interface EventRunDependencies {
  /**
   * Called once a run is certain, before anything is written to GitHub: checks the API key and
   * saves the session path for the post step. Returns the workspace and the session file.
   */
  startRun: () => { workspace: string; options: AgentTaskOptions }
  env?: NodeJS.ProcessEnv
}

/** Handles the event in `GITHUB_EVENT_NAME` / `GITHUB_EVENT_PATH` with the workflow's settings. */
export async function handleEvent(
  settings: Settings,
  dependencies: EventRunDependencies
): Promise<EventOutcome> {
  const env = dependencies.env ?? process.env
  const eventName = env['GITHUB_EVENT_NAME'] ?? ''
  const plan = planFromEvent({
    eventName,
    payload: readPayload(env['GITHUB_EVENT_PATH']),
    settings: {
      trigger: settings.trigger,
      task: settings.task,
      prompt: settings.prompt,
      allowedBots: settings.allowedBots,
      labelTrigger: settings.labelTrigger,
      branchPrefix: settings.branchPrefix
    },
    self: { botMarker: BOT_MARKER, workflowPath: workflowPath(env['GITHUB_WORKFLOW_REF']) }
  })
  if (plan.kind === 'skip' && plan.refusal?.reply !== true) {
    return { kind: 'skip', reason: plan.reason }
  }
  const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/')
  if (owner === '' || repo === '') {
    throw new UserError('GITHUB_REPOSITORY is not set: claw runs from an event only on a runner.')
  }
  const { createOctokit, describeGitHubError } = await import('../github/octokit.js')
  const octokit = createOctokit({ token: settings.githubToken, log: line => core.info(line) })
  const reply = (refusal: RefusalReply): Promise<void> => refuse(octokit, owner, repo, refusal)

  if (plan.kind === 'skip') {
    if (plan.refusal !== undefined) await reply(plan.refusal)
    return { kind: 'skip', reason: plan.reason }
  }
  const task = plan.kind === 'run' ? plan.task : undefined

  if (plan.needsPermissionCheck) {
    const permission = await permissionOf(octokit, owner, repo, plan.actor.login, error =>
      describeGitHubError(error, `reading the permission of ${plan.actor.login}`)
    )
    const decision = mayTrigger(permission, plan.actor.type)
    if (!decision.allowed) {
      if (plan.triggerComment !== undefined && plan.actor.type === 'User') {
        const number = threadNumber(plan.target)
        if (number !== undefined) {
          await reply({
            replyTo: {
              issueNumber: number,
              ...(plan.target.kind === 'pull_request' && plan.target.reviewComment !== undefined
                ? { reviewCommentId: plan.target.reviewComment.id }
                : {})
            },
            message: `@${plan.actor.login}: ${decision.reason}`
          })
        }
      }
      return { kind: 'skip', reason: decision.reason, ...(task === undefined ? {} : { task }) }
    }
  }
  if (plan.kind === 'resume') {
    return {
      kind: 'skip',
      reason:
        `"${settings.trigger} approve" and "${settings.trigger} deny" resume a session paused ` +
        'for approval; sessions are kept as artifacts from a later release of claw, so there is ' +
        'nothing to resume.'
    }
  }
  return runPlannedTask(settings, plan, dependencies, {
    octokit,
    owner,
    repo,
    env,
    describe: describeGitHubError
  })
}

interface Connection {
  octokit: GitHubClient
  owner: string
  repo: string
  env: NodeJS.ProcessEnv
  describe: (error: unknown, operation: string) => string
}

/** Runs the task of a plan that passed every check: progress comment, prepare, agent, deliver. */
async function runPlannedTask(
  settings: Settings,
  plan: RunPlan,
  dependencies: EventRunDependencies,
  connection: Connection
): Promise<EventOutcome> {
  const { octokit, owner, repo, env } = connection
  const handler = TASKS[plan.task]
  const { workspace, options } = dependencies.startRun()
  const redact = createRedactor(
    collectSecrets(process.env, [settings.anthropicApiKey, settings.githubToken])
  )
  const serverUrl = env['GITHUB_SERVER_URL'] || 'https://github.com'
  const run = { serverUrl, repository: `${owner}/${repo}`, runId: env['GITHUB_RUN_ID'] ?? '0' }
  const number = threadNumber(plan.target)
  const progress =
    number === undefined
      ? undefined
      : new ProgressComment({
          octokit,
          owner,
          repo,
          issueNumber: number,
          run,
          task: plan.task,
          redact,
          log: line => core.warning(line)
        })
  const context: TaskContext = {
    settings,
    octokit,
    owner,
    repo,
    plan,
    workspace,
    serverUrl,
    runUrl: `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/actions/runs/${run.runId}`,
    progress,
    redact,
    describe: connection.describe,
    log: line => core.info(redact(line))
  }
  await progress?.start()
  try {
    const prepared = await handler.prepare(context)
    const agentRun = await runAgentRequest(settings, workspace, options, {
      task: plan.task,
      prompt: prepared.prompt,
      ...(progress === undefined ? {} : { onEvent: event => progress.record(event) }),
      ...(prepared.review === undefined ? {} : { review: prepared.review }),
      ...(prepared.readOnly === true ? { readOnly: true } : {})
    })
    const result = agentRun.result
    if (result.conclusion !== 'success') {
      progress?.finish()
      return { kind: 'ran', result }
    }
    const delivered = await handler.deliver(context, agentRun, prepared)
    const finalResult: AgentTaskResult = { ...result, ...delivered.result }
    progress?.finish({
      reason: finalResult.reason,
      ...(delivered.result.conclusion === 'failure' ? { status: 'error' as const } : {}),
      ...(delivered.branch === undefined ? {} : { branch: delivered.branch }),
      ...(delivered.pullNumber === undefined ? {} : { pullRequest: delivered.pullNumber })
    })
    return { kind: 'ran', result: finalResult }
  } catch (error) {
    progress?.finish({ status: 'error', reason: redact(errorMessage(error)) })
    throw error
  } finally {
    await progress?.flush()
  }
}

type RefusalReply = Pick<Refusal, 'message' | 'replyTo'>

/** Replies to a refused trigger (rate-limited); never fails the run. */
async function refuse(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  refusal: RefusalReply
): Promise<void> {
  if (refusal.replyTo === undefined) return
  const { replyToRefusal } = await import('../github/refusal.js')
  const outcome = await replyToRefusal(octokit, {
    owner,
    repo,
    replyTo: refusal.replyTo,
    message: refusal.message,
    log: line => core.warning(line)
  })
  core.info(`claw: refusal reply: ${outcome}.`)
}

async function permissionOf(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  username: string,
  describe: (error: unknown) => string
): Promise<PermissionAnswer> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner,
      repo,
      username
    })
    return data
  } catch (error) {
    // GitHub answers 404 for someone who is not a collaborator at all: no permission.
    if ((error as { status?: unknown }).status === 404) return undefined
    throw new UserError(describe(error))
  }
}

function readPayload(path: string | undefined): unknown {
  if (path === undefined || path === '') return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch (error) {
    throw new UserError(`Could not read the event payload at ${path}: ${errorMessage(error)}`)
  }
}

/** `.github/workflows/claw.yml` from `owner/repo/.github/workflows/claw.yml@refs/heads/main`. */
function workflowPath(ref: string | undefined): string | undefined {
  const match = /^[^/]+\/[^/]+\/([^@]+)@/.exec(ref ?? '')
  return match?.[1]
}
