/**
 * The action started by a GitHub event instead of the `prompt` input: plan the event, check who
 * triggered it, open the progress comment, run the task's agent, deliver its outcome. Each task
 * (src/tasks/) says how it gathers context and delivers; this file owns what they share.
 *
 * main imports this module lazily, and it imports Octokit lazily: a run that skips on the `prompt`
 * path never pays for either.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { BOT_MARKER, planFromEvent, type Refusal, type RunPlan } from '../github/events.js'
import type { GitHubClient } from '../github/octokit.js'
import { mayTrigger, type PermissionAnswer } from '../github/permission.js'
import { ProgressComment } from '../github/progress-comment.js'
import { ThreadReads } from '../github/reads.js'
import { errorMessage, UserError } from '../errors.js'
import { createRedactor } from '../sandbox/redact.js'
import { collectSecrets } from '../sandbox/secrets.js'
import type { Settings } from '../settings.js'
import type { ApprovalKind, ResumeRequest } from '../agent/resume.js'
import { State } from '../constants.js'
import { TASK_NAMES, type TaskName } from '../policy/types.js'
import { readSession, type Session } from '../session/reader.js'
import { TASKS } from '../tasks/index.js'
import { TaskSkipped, threadNumber, type PreparedTask, type TaskContext } from '../tasks/task.js'
import type { AgentRun, AgentTaskOptions, AgentTaskResult } from './run-agent-task.js'
import { Git } from '../git/repo.js'

export type EventOutcome =
  { kind: 'skip'; reason: string; task?: string } | { kind: 'ran'; result: AgentTaskResult }

export interface EventRunDependencies {
  /**
   * Called once a run is certain, before anything is written to GitHub: checks the API key and
   * saves the session path for the post step. Returns the workspace and the session file.
   */
  startRun: (needsModel?: boolean) => { workspace: string; options: AgentTaskOptions }
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
  const reads = new ThreadReads(octokit, owner, repo)
  const connection = { octokit, owner, repo, env, reads, describe: describeGitHubError }

  // The permission check and the reads the run will need go out together instead of one after
  // another: each is a round trip to GitHub. Only reads go out before the check has answered:
  // an unauthorised commenter gets no progress comment and no model request (nor any other
  // write), only the refusal below.
  const checking = plan.needsPermissionCheck
    ? permissionOf(octokit, owner, repo, plan.actor.login, error =>
        describeGitHubError(error, `reading the permission of ${plan.actor.login}`)
      )
    : undefined
  // A comment on an issue or pull request continues the conversation claw had there, if any.
  // (The deliver phase of a two-phase run delivers the agent phase's outcome: nothing to continue.)
  const lookingBack =
    plan.triggerComment === undefined || (settings.phase === 'deliver' && plan.kind === 'run')
      ? undefined
      : findEarlierSession(settings, plan.target, connection)
  // Awaited after the check; a refused run never awaits it.
  lookingBack?.catch(() => {})
  if (plan.kind === 'run') TASKS[plan.task].prefetch?.(reads, plan.target)
  // The agent core (most of the bundle) loads while the requests are out.
  loadAgentCore().catch(() => {})

  if (checking !== undefined) {
    const permission = await checking
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
  const earlier = await lookingBack
  if (plan.kind === 'resume') {
    if (earlier?.session === undefined) {
      return {
        kind: 'skip',
        reason: `"${settings.trigger} ${plan.approval === 'deny' ? 'deny' : 'approve'}" resumes a session paused for approval, but there is none to resume here: ${earlier?.reason ?? 'no session was found'}.`
      }
    }
    const task = earlier.session.header.task
    if (!isTaskName(task)) {
      return { kind: 'skip', reason: `The earlier session's task "${task}" is not one claw knows.` }
    }
    const approval: ApprovalKind =
      plan.approval === 'deny' ? 'deny' : plan.approval === 'all' ? 'approve-all' : 'approve-once'
    return runPlannedTask(settings, { ...plan, kind: 'run', task }, dependencies, connection, {
      session: earlier.session,
      approval,
      by: plan.actor.login,
      request: plan.request
    })
  }
  const resume =
    earlier?.session === undefined
      ? undefined
      : { session: earlier.session, by: plan.actor.login, request: plan.request }
  if (earlier?.session === undefined && earlier?.reason !== undefined) {
    core.info(`claw: starting a fresh session: ${earlier.reason}`)
  }
  return runPlannedTask(settings, plan, dependencies, connection, resume)
}

/**
 * The newest session claw left on the target (its artifact), downloaded and checked; or why there
 * is none to continue (none yet, or one that cannot be used: the run then starts fresh).
 */
async function findEarlierSession(
  settings: Settings,
  target: RunPlan['target'],
  connection: Connection
): Promise<{ session?: Session; reason?: string }> {
  if (target.kind !== 'issue' && target.kind !== 'pull_request') return {}
  const { downloadLatestSession, sessionArtifactName } =
    await import('../session/artifact-store.js')
  const directory = mkdtempSync(
    join(connection.env['RUNNER_TEMP'] || tmpdir(), 'claw-earlier-session-')
  )
  const found = await downloadLatestSession({
    token: settings.githubToken,
    owner: connection.owner,
    repo: connection.repo,
    name: sessionArtifactName(target),
    directory,
    env: connection.env,
    log: line => core.info(line)
  })
  if (!found.found) return { reason: found.reason }
  try {
    const session = readSession(found.sessionFile)
    core.info(
      `claw: continuing the session of run ${found.runId} (${session.header.task}, started ${session.header.started_at}).`
    )
    return { session }
  } catch (error) {
    return { reason: `the earlier session could not be read (${errorMessage(error)})` }
  }
}

interface Connection {
  octokit: GitHubClient
  owner: string
  repo: string
  env: NodeJS.ProcessEnv
  /** The run's reads of its issue or pull request, each made once. */
  reads: ThreadReads
  describe: (error: unknown, operation: string) => string
}

/** src/action/run-agent-task.ts, loaded once (the agent core, policy and tools come with it). */
function loadAgentCore(): Promise<typeof import('./run-agent-task.js')> {
  return import('./run-agent-task.js')
}

/** Runs the task of a plan that passed every check: progress comment, prepare, agent, deliver. */
async function runPlannedTask(
  settings: Settings,
  plan: RunPlan,
  dependencies: EventRunDependencies,
  connection: Connection,
  resume?: ResumeRequest
): Promise<EventOutcome> {
  const { octokit, owner, repo, env, reads } = connection
  const handler = TASKS[plan.task]
  const { phase } = settings
  const { workspace, options } = dependencies.startRun(phase !== 'deliver')
  if (phase === 'deliver') resume = undefined
  // The isolation probe (child processes that read nothing of the repository) runs while the task
  // reads its issue or pull request; the run picks up its answer.
  const probing =
    phase === 'deliver'
      ? undefined
      : loadAgentCore().then(agent => agent.startIsolationProbe(settings, workspace, plan.task))
  // Awaited before the agent runs; a run that ends before never awaits it.
  probing?.catch(() => {})
  const redact = createRedactor(
    collectSecrets(process.env, [settings.anthropicApiKey, settings.githubToken])
  )
  const serverUrl = env['GITHUB_SERVER_URL'] || 'https://github.com'
  const run = { serverUrl, repository: `${owner}/${repo}`, runId: env['GITHUB_RUN_ID'] ?? '0' }
  const number = threadNumber(plan.target)
  // The agent phase makes no GitHub writes (its token may be read-only): no progress comment.
  const progress =
    number === undefined || phase === 'agent'
      ? undefined
      : new ProgressComment({
          octokit,
          owner,
          repo,
          issueNumber: number,
          run,
          task: plan.task,
          redact,
          trigger: settings.trigger,
          log: line => core.warning(line)
        })
  const context: TaskContext = {
    settings,
    octokit,
    owner,
    repo,
    reads,
    plan,
    workspace,
    serverUrl,
    runUrl: `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/actions/runs/${run.runId}`,
    progress,
    redact,
    describe: connection.describe,
    log: line => core.info(redact(line))
  }
  await saveArtifactNames(plan.target)
  // Not awaited: the comment is created while the task prepares and the model starts. Edits made
  // meanwhile wait for it, `flush` below waits for it, and a failure is a warning (start never
  // throws).
  void progress?.start()
  try {
    const prepared = await handler.prepare(context)
    if (resume !== undefined) {
      progress?.addStep(
        resume.approval === undefined
          ? 'Continued the earlier session on this thread'
          : `Resumed the paused session: ${resume.approval.replace('-', ' ')} by @${resume.by}`
      )
    }
    const agentRun =
      phase === 'deliver'
        ? await agentPhaseOutcome(context, plan, prepared)
        : await (
            await loadAgentCore()
          ).runAgentRequest(settings, workspace, options, {
            task: plan.task,
            // A resumed session has the context already: the new request alone goes on.
            prompt: resume === undefined ? prepared.prompt : (resume.request ?? ''),
            ...(resume === undefined ? {} : { resume }),
            ...(progress === undefined ? {} : { onEvent: event => progress.record(event) }),
            ...(prepared.review === undefined ? {} : { review: prepared.review }),
            ...(prepared.readOnly === true ? { readOnly: true } : {}),
            ...(probing === undefined ? {} : { isolation: await probing })
          })
    const result = agentRun.result
    if (result.conclusion !== 'success') {
      progress?.finish()
      return { kind: 'ran', result }
    }
    if (phase === 'agent')
      return { kind: 'ran', result: await keepForDelivery(context, agentRun, prepared) }
    const delivered = await handler.deliver(context, agentRun, prepared)
    if (delivered.pullNumber !== undefined) {
      // The conversation goes on on the pull request: its next comment finds the session there.
      await saveArtifactNames(plan.target, delivered.pullNumber)
    }
    const finalResult: AgentTaskResult = { ...result, ...delivered.result }
    progress?.finish({
      reason: finalResult.reason,
      ...(delivered.result.conclusion === 'failure' ? { status: 'error' as const } : {}),
      ...(delivered.branch === undefined ? {} : { branch: delivered.branch }),
      ...(delivered.pullNumber === undefined ? {} : { pullRequest: delivered.pullNumber })
    })
    return { kind: 'ran', result: finalResult }
  } catch (error) {
    if (error instanceof TaskSkipped) {
      progress?.finish({ status: 'success', reason: `Nothing done: ${error.message}` })
      return { kind: 'skip', reason: error.message, task: plan.task }
    }
    progress?.finish({ status: 'error', reason: redact(errorMessage(error)) })
    throw error
  } finally {
    await progress?.flush()
  }
}

/** `phase: agent`: the outcome goes into the `claw-outcome` artifact instead of to GitHub. */
async function keepForDelivery(
  context: TaskContext,
  run: AgentRun,
  prepared: PreparedTask
): Promise<AgentTaskResult> {
  const { saveOutcome, OUTCOME_ARTIFACT } = await import('./two-phase.js')
  const git = new Git({ cwd: context.workspace })
  const base = await git.headSha()
  if (base === undefined) throw new UserError('The workspace has no commit checked out.')
  const patch = (await git.hasChanges()) ? await git.workingTreePatch() : ''
  const saved = await saveOutcome(
    {
      format: 'claw-outcome',
      version: 1,
      task: context.plan.task,
      event: context.plan.event,
      targetNumber: threadNumber(context.plan.target),
      base,
      summary: run.summary,
      result: run.result,
      // Findings are public once delivered: redacted like every other text that leaves the run.
      findings: (prepared.review?.findings ?? []).map(finding => ({
        ...finding,
        body: context.redact(finding.body),
        ...(finding.suggestion === undefined
          ? {}
          : { suggestion: context.redact(finding.suggestion) })
      }))
    },
    context.redact(patch)
  )
  return {
    ...run.result,
    reason: `Phase "agent": the outcome is kept as the artifact "${OUTCOME_ARTIFACT}" (${saved.size} bytes) for a job with phase "deliver".`
  }
}

/**
 * `phase: deliver`: the outcome the agent phase of this workflow run left, checked against this
 * job's checkout and policy, applied to the working tree, and handed to the task's delivery.
 */
async function agentPhaseOutcome(
  context: TaskContext,
  plan: RunPlan,
  prepared: PreparedTask
): Promise<AgentRun> {
  const { loadOutcome, outcomeProblems } = await import('./two-phase.js')
  const loaded = await loadOutcome()
  const git = new Git({ cwd: context.workspace })
  const problems = outcomeProblems(loaded, {
    task: plan.task,
    event: plan.event,
    targetNumber: threadNumber(plan.target),
    head: (await git.headSha()) ?? '',
    policy: (await loadAgentCore()).loadRunPolicy(context.settings, context.workspace),
    workspace: context.workspace
  })
  if (problems.length > 0) {
    throw new UserError(`The agent phase's outcome is not delivered: ${problems.join('; ')}.`)
  }
  if (loaded.patch !== '') {
    const applied = await git.exec(['apply', '--binary'], { input: loaded.patch })
    if (applied.exitCode !== 0) {
      throw new UserError(
        `The agent phase's changes do not apply to this checkout: ${applied.stderr.trim().split('\n')[0] ?? ''}`
      )
    }
  }
  prepared.review?.findings.push(...loaded.outcome.findings)
  context.progress?.addStep(
    `Took the outcome of the agent phase (${loaded.outcome.result.turns} turns)`
  )
  return {
    result: loaded.outcome.result,
    summary: loaded.outcome.summary,
    checkoutCredentials: { entries: [] }
  }
}

/**
 * Names the session artifact(s) the post step uploads this run's session as: the target's, and
 * the pull request's when delivery opened or updated one.
 */
async function saveArtifactNames(target: RunPlan['target'], pullNumber?: number): Promise<void> {
  const { sessionArtifactName } = await import('../session/artifact-store.js')
  const names = [sessionArtifactName(target)]
  if (pullNumber !== undefined) {
    const onPull = sessionArtifactName({ kind: 'pull_request', number: pullNumber })
    if (!names.includes(onPull)) names.push(onPull)
  }
  core.saveState(State.SessionArtifact, names.join('\n'))
}

function isTaskName(name: string): name is TaskName {
  return (TASK_NAMES as readonly string[]).includes(name)
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
