/**
 * Turns a GitHub event (its name and webhook payload) into a plan: skip, with one line saying
 * why, or run a task for an actor on a target. Pure: no network, no GitHub client. What needs
 * GitHub comes after, in the caller: the actor's permission when `needsPermissionCheck` is set
 * (see `mayTrigger`), the comments and diff of the target, the reply to a refusal.
 *
 * Payloads are read defensively: a missing or mistyped field the plan needs becomes a skip whose
 * reason names the field, never an exception.
 */
import { Defaults } from '../constants.js'
import type { TaskName } from '../policy/types.js'
import { sanitizeUntrusted } from './sanitize.js'
import { parseTrigger, type ParsedTrigger } from './trigger.js'

/** The HTML comment every comment claw writes carries, so that claw never answers itself. */
export const BOT_MARKER = '<!-- claw:progress -->'
/**
 * What every claw marker starts with (`<!-- claw:progress -->`, and any later `<!-- claw:... -->`).
 * A comment holding one is claw's own, whatever its author: an answer that explains how to type
 * `/claw fix` must not start a run.
 */
export const BOT_MARKER_PATTERN = /<!--\s*claw:/i
/** The login GitHub shows for comments and commits made with the workflow's `GITHUB_TOKEN`. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]'

/** Events claw handles, and the actions of each that can start a run. */
export const HANDLED_EVENTS = {
  issue_comment: ['created'],
  pull_request_review_comment: ['created'],
  issues: ['opened', 'labeled'],
  pull_request: ['opened', 'synchronize', 'ready_for_review', 'reopened'],
  schedule: [],
  workflow_dispatch: [],
  workflow_run: ['completed']
} as const satisfies Record<string, readonly string[]>

export interface Actor {
  login: string
  /** `Bot` for GitHub Apps and other bot accounts (type `Bot`, or a login ending in `[bot]`). */
  type: 'User' | 'Bot'
  /** The account's id, when the payload has it: the co-author trailer's noreply address needs it. */
  id?: number
}

export interface IssueTarget {
  kind: 'issue'
  number: number
  title: string
  url: string
}

export interface PullRequestTarget {
  kind: 'pull_request'
  number: number
  title: string
  url: string
  /**
   * The head and base of the pull request when the payload carries them (`pull_request` and
   * `pull_request_review_comment` do; an `issue_comment` on a pull request does not: fetch them).
   */
  head?: { ref: string; sha: string; repository: string | undefined }
  base?: { ref: string; repository: string | undefined }
  draft?: boolean
  /** The head lives in another repository (a fork): claw cannot push to it. */
  fromFork?: boolean
  /** The review comment that triggered the run, for a `pull_request_review_comment`. */
  reviewComment?: {
    id: number
    path: string
    line: number | undefined
    diffHunk: string | undefined
    inReplyTo: number | undefined
  }
}

export interface RepositoryTarget {
  kind: 'repository'
  /** The ref the workflow runs on (`workflow_dispatch`); the default branch otherwise. */
  ref?: string
  /** The cron expression of a `schedule` event. */
  schedule?: string
}

export interface WorkflowRunTarget {
  kind: 'workflow_run'
  runId: number
  /** 1 for the first attempt; reruns count up. With `ownBranch`, the data for an attempt limit. */
  runAttempt: number
  workflowName: string
  workflowPath: string | undefined
  headBranch: string
  headSha: string
  url: string
  /** The event that started the failed run (`push`, `pull_request`, ...). */
  event: string | undefined
  /** Numbers of the pull requests of the failed run's head, in this repository. */
  pullRequests: number[]
  /** The head branch starts with `branch-prefix`: a branch claw made, and perhaps repaired before. */
  ownBranch: boolean
}

export type EventTarget = IssueTarget | PullRequestTarget | RepositoryTarget | WorkflowRunTarget

export interface TriggerComment {
  id: number
  /** `issue_comment` (on an issue or a pull request) or a pull request `review_comment`. */
  kind: 'issue_comment' | 'review_comment'
  /** When the comment was created: context newer than this is left out (`filterCommentsBefore`). */
  createdAt: string
  updatedAt: string | undefined
  url: string
  author: string
}

/** A refusal the caller may answer in a comment. */
export interface Refusal {
  /** The text of the reply, one or two sentences. */
  message: string
  /**
   * Whether a reply is warranted at all. Never to a bot (two bots answering each other never
   * stop); a reply is still subject to the permission check (an unauthorised user gets the
   * permission refusal instead) and to `refusalReplyAllowed`.
   */
  reply: boolean
  /** Where to reply: the issue or pull request, and the review comment thread if any. */
  replyTo?: { issueNumber: number; reviewCommentId?: number }
}

export interface SkipPlan {
  kind: 'skip'
  /** One line saying why nothing runs. */
  reason: string
  refusal?: Refusal
}

interface PlanCommon {
  /** `<event>.<action>`, or the event name alone for events without actions. */
  event: string
  /** Who started it: the commenter, the sender, or for `workflow_run` the upstream run's actor. */
  actor: Actor
  /**
   * Whether the caller must check the actor's permission (`mayTrigger`) before running. False for
   * a bot listed in `allowed-bots` and for `schedule` (no actor: the workflow file decides).
   */
  needsPermissionCheck: boolean
  target: EventTarget
  /**
   * The instructions: the text after the trigger verb in the triggering comment (sanitised), then
   * the workflow's `prompt` input after a blank line. Only these are instructions; the issue,
   * the other comments and the diff are data to be fenced (`fenceAsData`). May be empty: the task
   * brief and the target then say what to do.
   */
  request: string
  triggerComment?: TriggerComment
}

export interface RunPlan extends PlanCommon {
  kind: 'run'
  task: TaskName
}

/**
 * `/claw approve`, `/claw approve all`, `/claw deny`: resume the session paused on the target
 * (`needs-approval`) with its pending calls allowed once, allowed for the rest of the run, or
 * refused. The task is the paused session's, so it is not decided here.
 */
export interface ResumePlan extends PlanCommon {
  kind: 'resume'
  approval: 'once' | 'all' | 'deny'
}

export type EventPlan = SkipPlan | RunPlan | ResumePlan

export interface EventInput {
  /** `github.event_name` (`GITHUB_EVENT_NAME`). */
  eventName: string
  /** The webhook payload (`GITHUB_EVENT_PATH`), unchecked. */
  payload: unknown
  settings: {
    /** The comment trigger, such as `/claw`. */
    trigger: string
    /** The `task` input: overrides the task chosen from the event (not an approval's). */
    task?: TaskName | undefined
    /** The `prompt` input: extra instructions appended to the request. */
    prompt: string
    /** Bot logins that may trigger a run; compared case-insensitively, `[bot]` optional. */
    allowedBots: readonly string[]
    /** A label whose addition to an issue (or presence when it is opened) starts a fix. */
    labelTrigger?: string | undefined
    /** The start of the branches claw creates (default `claw/`). */
    branchPrefix?: string | undefined
  }
  self: {
    /** The login claw comments and pushes as, when not `github-actions[bot]` (an app token). */
    login?: string | undefined
    /** The marker claw's comments carry (`BOT_MARKER`). */
    botMarker: string
    /**
     * Path of the workflow claw runs in (`.github/workflows/claw.yml`, from `GITHUB_WORKFLOW_REF`):
     * a failure of that workflow is never repaired.
     */
    workflowPath?: string | undefined
  }
}

/** A payload field that is missing or of the wrong type. */
class PayloadError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string
  ) {
    super(`missing or invalid field "${field}" (expected ${expected})`)
  }
}

/**
 * The plan for one event. Never throws for a bad payload: a field the plan needs that is missing or
 * of the wrong type gives a skip naming it.
 */
export function planFromEvent(input: EventInput): EventPlan {
  try {
    return plan(input)
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error
    return skip(
      `The ${input.eventName} payload has a ${error.message}; claw cannot tell what to do, so it ` +
        'does nothing.'
    )
  }
}

function plan(input: EventInput): EventPlan {
  const payload = input.payload
  if (!isRecord(payload)) throw new PayloadError('(the payload itself)', 'an object')
  switch (input.eventName) {
    case 'issue_comment':
      return fromIssueComment(new Reader(payload), input)
    case 'pull_request_review_comment':
      return fromReviewComment(new Reader(payload), input)
    case 'issues':
      return fromIssues(new Reader(payload), input)
    case 'pull_request':
      return fromPullRequest(new Reader(payload), input)
    case 'schedule':
      return fromSchedule(new Reader(payload), input)
    case 'workflow_dispatch':
      return fromWorkflowDispatch(new Reader(payload), input)
    case 'workflow_run':
      return fromWorkflowRun(new Reader(payload), input)
    default:
      return skip(
        `claw does not handle "${input.eventName}" events (it handles ` +
          `${Object.keys(HANDLED_EVENTS).join(', ')}).`
      )
  }
}

// ---------------------------------------------------------------------------------------------
// Comments

interface CommentEvent {
  event: string
  comment: TriggerComment
  body: string
  actor: Actor
  target: IssueTarget | PullRequestTarget
  replyTo: { issueNumber: number; reviewCommentId?: number }
}

function fromIssueComment(payload: Reader, input: EventInput): EventPlan {
  const action = payload.string('action')
  const unhandled = unhandledAction('issue_comment', action, 'a new comment')
  if (unhandled !== undefined) return unhandled
  const number = payload.integer('issue.number')
  const onPullRequest = payload.present('issue.pull_request')
  const common = {
    number,
    title: payload.string('issue.title'),
    url: payload.string('issue.html_url')
  }
  const target: IssueTarget | PullRequestTarget = onPullRequest
    ? { kind: 'pull_request', ...common }
    : { kind: 'issue', ...common }
  return fromComment(
    {
      event: `issue_comment.${action}`,
      ...readComment(payload, 'issue_comment'),
      target,
      replyTo: { issueNumber: number }
    },
    input
  )
}

function fromReviewComment(payload: Reader, input: EventInput): EventPlan {
  const action = payload.string('action')
  const unhandled = unhandledAction('pull_request_review_comment', action, 'a new comment')
  if (unhandled !== undefined) return unhandled
  const comment = readComment(payload, 'review_comment')
  const target: PullRequestTarget = {
    ...readPullRequest(payload),
    reviewComment: {
      id: comment.comment.id,
      path: payload.string('comment.path'),
      line:
        payload.optionalInteger('comment.line') ?? payload.optionalInteger('comment.original_line'),
      diffHunk: payload.optionalString('comment.diff_hunk'),
      inReplyTo: payload.optionalInteger('comment.in_reply_to_id')
    }
  }
  return fromComment(
    {
      event: `pull_request_review_comment.${action}`,
      ...comment,
      target,
      replyTo: { issueNumber: target.number, reviewCommentId: comment.comment.id }
    },
    input
  )
}

function readComment(
  payload: Reader,
  kind: TriggerComment['kind']
): { comment: TriggerComment; body: string; actor: Actor } {
  const actor = payload.actor('comment.user')
  return {
    comment: {
      id: payload.integer('comment.id'),
      kind,
      createdAt: payload.string('comment.created_at'),
      updatedAt: payload.optionalString('comment.updated_at'),
      url: payload.string('comment.html_url'),
      author: actor.login
    },
    body: payload.string('comment.body'),
    actor
  }
}

function fromComment(source: CommentEvent, input: EventInput): EventPlan {
  const own = ownText(source.body, source.actor, input)
  if (own !== undefined) return skip(`${source.event}: ${own}`)
  const parsed = parseTrigger(source.body, input.settings.trigger)
  if (parsed === undefined) {
    return skip(
      `${source.event}: the comment has no line starting with "${input.settings.trigger}".`
    )
  }
  const gate = gateActor(source.actor, input, source.event, source.replyTo)
  if (gate.kind === 'skip') return gate
  const common = {
    event: source.event,
    actor: source.actor,
    needsPermissionCheck: gate.needsPermissionCheck,
    target: source.target,
    triggerComment: source.comment
  }
  const refuse = (message: string): SkipPlan =>
    skip(`${source.event}: ${message}`, { message, reply: true, replyTo: source.replyTo })
  const onPullRequest = source.target.kind === 'pull_request'
  const trigger = input.settings.trigger

  const approval = APPROVALS[parsed.verb]
  if (approval !== undefined) {
    return { kind: 'resume', approval, ...common, request: parsed.text }
  }
  if (parsed.verb === 'ask' && parsed.text === '') {
    return refuse(
      `"${trigger} ask" needs a question after it, such as "${trigger} ask how is X built?".`
    )
  }
  if (
    parsed.verb === 'free' &&
    parsed.text === '' &&
    onPullRequest &&
    input.settings.task === undefined
  ) {
    return refuse(
      `"${trigger}" on a pull request needs instructions after it, or a verb: ` +
        `"${trigger} fix <what to change>", "${trigger} review", "${trigger} ask <question>".`
    )
  }
  const task = input.settings.task ?? verbTask(parsed)
  if (task === 'review' && !onPullRequest) {
    return refuse(
      `"${trigger} review" reviews a pull request, and this is an issue; use "${trigger} fix" ` +
        `or "${trigger} ask <question>" here.`
    )
  }
  return {
    kind: 'run',
    task,
    ...common,
    request: joinRequest(parsed.text, input.settings.prompt)
  }
}

const APPROVALS: Partial<Record<ParsedTrigger['verb'], ResumePlan['approval']>> = {
  approve: 'once',
  'approve-all': 'all',
  deny: 'deny'
}

/**
 * The task a verb names. Free text is a fix on both issues and pull requests: on an issue the text
 * adds to what the issue asks, on a pull request it is the whole instruction (checked above).
 */
function verbTask(parsed: ParsedTrigger): TaskName {
  switch (parsed.verb) {
    case 'review':
      return 'review'
    case 'docs':
      return 'docs'
    case 'ask':
      return 'ask'
    default:
      return 'fix'
  }
}

// ---------------------------------------------------------------------------------------------
// Issues and pull requests

function fromIssues(payload: Reader, input: EventInput): EventPlan {
  const action = payload.string('action')
  const event = `issues.${action}`
  const unhandled = unhandledAction('issues', action, 'an issue opened or labeled')
  if (unhandled !== undefined) return unhandled
  const number = payload.integer('issue.number')
  const target: IssueTarget = {
    kind: 'issue',
    number,
    title: payload.string('issue.title'),
    url: payload.string('issue.html_url')
  }
  const actor = payload.present('sender') ? payload.actor('sender') : payload.actor('issue.user')
  const body = payload.optionalString('issue.body') ?? ''
  const own = ownText(body, actor, input)
  if (own !== undefined) return skip(`${event}: ${own}`)
  const labelTrigger = input.settings.labelTrigger?.trim() ?? ''
  const sameLabel = (name: string | undefined): boolean =>
    labelTrigger !== '' && name !== undefined && name.toLowerCase() === labelTrigger.toLowerCase()

  let request = ''
  let task: TaskName = 'fix'
  if (action === 'labeled') {
    const label = payload.string('label.name')
    if (labelTrigger === '') {
      return skip(`${event}: no label trigger is configured, so adding a label starts nothing.`)
    }
    if (!sameLabel(label)) {
      return skip(`${event}: the label "${label}" is not the label trigger "${labelTrigger}".`)
    }
  } else {
    const labels = payload.labelNames('issue.labels')
    const parsed = parseTrigger(body, input.settings.trigger)
    if (labels.some(sameLabel)) {
      // The label says "fix"; a trigger line in the body can still add instructions.
      request = parsed?.text ?? ''
    } else if (parsed === undefined) {
      return skip(
        `${event}: the issue has no line starting with "${input.settings.trigger}"` +
          (labelTrigger === '' ? '.' : ` and no "${labelTrigger}" label.`)
      )
    } else if (parsed.verb === 'review' || APPROVALS[parsed.verb] !== undefined) {
      return skip(
        `${event}: "${input.settings.trigger} ${parsed.verb}" does not apply to a new issue.`
      )
    } else {
      task = verbTask(parsed)
      request = parsed.text
    }
  }
  const gate = gateActor(actor, input, event, { issueNumber: number })
  if (gate.kind === 'skip') return gate
  return {
    kind: 'run',
    task: input.settings.task ?? task,
    event,
    actor,
    needsPermissionCheck: gate.needsPermissionCheck,
    target,
    request: joinRequest(request, input.settings.prompt)
  }
}

function fromPullRequest(payload: Reader, input: EventInput): EventPlan {
  const action = payload.string('action')
  const event = `pull_request.${action}`
  const unhandled = unhandledAction(
    'pull_request',
    action,
    'a pull request opened, pushed to, ready or reopened'
  )
  if (unhandled !== undefined) return unhandled
  const target = readPullRequest(payload)
  if (target.draft === true) {
    return skip(
      `${event}: the pull request is a draft; it is reviewed once it is ready for review.`
    )
  }
  const actor = payload.actor('sender')
  const gate = gateActor(actor, input, event, undefined)
  if (gate.kind === 'skip') return gate
  return {
    kind: 'run',
    task: input.settings.task ?? 'review',
    event,
    actor,
    needsPermissionCheck: gate.needsPermissionCheck,
    target,
    request: joinRequest('', input.settings.prompt)
  }
}

function readPullRequest(payload: Reader): PullRequestTarget {
  const headRepository = payload.optionalString('pull_request.head.repo.full_name')
  const baseRepository =
    payload.optionalString('pull_request.base.repo.full_name') ??
    payload.optionalString('repository.full_name')
  return {
    kind: 'pull_request',
    number: payload.integer('pull_request.number'),
    title: payload.string('pull_request.title'),
    url: payload.string('pull_request.html_url'),
    head: {
      ref: payload.string('pull_request.head.ref'),
      sha: payload.string('pull_request.head.sha'),
      repository: headRepository
    },
    base: { ref: payload.string('pull_request.base.ref'), repository: baseRepository },
    draft: payload.optionalBoolean('pull_request.draft') ?? false,
    // A deleted fork leaves `head.repo` null: still not a branch claw can push to.
    fromFork:
      headRepository === undefined ||
      baseRepository === undefined ||
      headRepository.toLowerCase() !== baseRepository.toLowerCase()
  }
}

// ---------------------------------------------------------------------------------------------
// Schedule, dispatch, failed runs

function fromSchedule(payload: Reader, input: EventInput): EventPlan {
  const actor: Actor = payload.present('sender')
    ? payload.actor('sender')
    : { login: 'schedule', type: 'Bot' }
  return {
    kind: 'run',
    task: input.settings.task ?? 'docs',
    event: 'schedule',
    actor,
    // Nobody triggers a schedule: whoever could edit the workflow file already had write access.
    needsPermissionCheck: false,
    target: { kind: 'repository', schedule: payload.optionalString('schedule') },
    request: joinRequest('', input.settings.prompt)
  }
}

function fromWorkflowDispatch(payload: Reader, input: EventInput): EventPlan {
  const actor = payload.actor('sender')
  const event = 'workflow_dispatch'
  // gateActor refuses claw itself: a workflow may dispatch another with GITHUB_TOKEN (the one
  // event that token can start), so claw dispatching its own workflow would loop.
  const gate = gateActor(actor, input, event, undefined)
  if (gate.kind === 'skip') return gate
  return {
    kind: 'run',
    task: input.settings.task ?? 'docs',
    event,
    actor,
    needsPermissionCheck: gate.needsPermissionCheck,
    target: { kind: 'repository', ref: payload.optionalString('ref') },
    request: joinRequest('', input.settings.prompt)
  }
}

function fromWorkflowRun(payload: Reader, input: EventInput): EventPlan {
  const action = payload.string('action')
  const event = `workflow_run.${action}`
  const unhandled = unhandledAction('workflow_run', action, 'a completed run')
  if (unhandled !== undefined) return unhandled
  const conclusion = payload.optionalString('workflow_run.conclusion')
  if (conclusion !== 'failure') {
    return skip(
      `${event}: the run's conclusion is ${conclusion === undefined ? 'not set' : `"${conclusion}"`}; ` +
        'only a failed run is repaired.'
    )
  }
  const workflowPath =
    stripRef(payload.optionalString('workflow_run.path')) ??
    stripRef(payload.optionalString('workflow.path'))
  const ownWorkflow = stripRef(input.self.workflowPath)
  if (ownWorkflow !== undefined && workflowPath !== undefined && workflowPath === ownWorkflow) {
    return skip(
      `${event}: the failed workflow is claw's own (${workflowPath}); repairing it would run it again.`
    )
  }
  // The run's own repository (the base of a pull request); the top-level `repository` is the same
  // on GitHub, the run's is the closer source.
  const repository =
    payload.optionalString('workflow_run.repository.full_name') ??
    payload.optionalString('repository.full_name')
  const headRepository = payload.optionalString('workflow_run.head_repository.full_name')
  // The pwn-request attack: a fork's pull request fails CI on purpose, and the workflow_run that
  // follows runs with this repository's secrets and write token on the fork's code.
  if (
    repository !== undefined &&
    headRepository !== undefined &&
    repository.toLowerCase() !== headRepository.toLowerCase()
  ) {
    return skip(
      `${event}: the failed run is on ${headRepository}, a fork; claw repairs only this ` +
        "repository's branches."
    )
  }
  const headBranch = payload.string('workflow_run.head_branch')
  // The upstream run's actor: who pushed or opened what failed. A re-run by someone else
  // (`triggering_actor`) does not make their code trusted.
  const actor = payload.present('workflow_run.actor')
    ? payload.actor('workflow_run.actor')
    : payload.present('workflow_run.triggering_actor')
      ? payload.actor('workflow_run.triggering_actor')
      : payload.actor('sender')
  if (isSelf(actor.login, input)) {
    return skip(
      `${event}: the failed run was started by claw itself (${actor.login}); claw's own ` +
        'commits never trigger it.'
    )
  }
  const gate = gateActor(actor, input, event, undefined)
  if (gate.kind === 'skip') return gate
  const branchPrefix = input.settings.branchPrefix ?? Defaults.BranchPrefix
  const target: WorkflowRunTarget = {
    kind: 'workflow_run',
    runId: payload.integer('workflow_run.id'),
    runAttempt: payload.optionalInteger('workflow_run.run_attempt') ?? 1,
    workflowName:
      nonEmpty(payload.optionalString('workflow_run.name')) ??
      nonEmpty(payload.optionalString('workflow.name')) ??
      workflowPath ??
      '',
    workflowPath,
    headBranch,
    headSha: payload.string('workflow_run.head_sha'),
    url: payload.string('workflow_run.html_url'),
    event: payload.optionalString('workflow_run.event'),
    pullRequests: payload.pullRequestNumbers('workflow_run.pull_requests'),
    ownBranch: branchPrefix !== '' && headBranch.startsWith(branchPrefix)
  }
  return {
    kind: 'run',
    task: input.settings.task ?? 'repair',
    event,
    actor,
    needsPermissionCheck: gate.needsPermissionCheck,
    target,
    request: joinRequest('', input.settings.prompt)
  }
}

// ---------------------------------------------------------------------------------------------
// Shared checks

function skip(reason: string, refusal?: Refusal): SkipPlan {
  return refusal === undefined ? { kind: 'skip', reason } : { kind: 'skip', reason, refusal }
}

function unhandledAction(
  eventName: keyof typeof HANDLED_EVENTS,
  action: string,
  what: string
): SkipPlan | undefined {
  const actions: readonly string[] = HANDLED_EVENTS[eventName]
  if (actions.includes(action)) return undefined
  const named = actions.map(name => `"${name}"`).join(', ')
  return skip(`${eventName}.${action}: claw starts only on ${what} (${named}), not on "${action}".`)
}

/** Why a comment or issue is claw's own, or undefined when it is not. */
function ownText(body: string, actor: Actor, input: EventInput): string | undefined {
  if (isSelf(actor.login, input)) {
    return `the author is claw itself (${actor.login}); its own comments never trigger it.`
  }
  // Checked on the raw body: sanitising removes HTML comments, the marker among them.
  if (
    (input.self.botMarker !== '' && body.includes(input.self.botMarker)) ||
    BOT_MARKER_PATTERN.test(body)
  ) {
    return "the text carries claw's marker, so it is claw's own; its own comments never trigger it."
  }
  return undefined
}

function isSelf(login: string, input: EventInput): boolean {
  const name = login.toLowerCase()
  return (
    name === GITHUB_ACTIONS_BOT ||
    (input.self.login !== undefined && name === input.self.login.toLowerCase())
  )
}

/** Bots pass only when listed in `allowed-bots` (and then need no permission check). */
function gateActor(
  actor: Actor,
  input: EventInput,
  event: string,
  replyTo: Refusal['replyTo']
): SkipPlan | { kind: 'pass'; needsPermissionCheck: boolean } {
  if (isSelf(actor.login, input)) {
    return skip(`${event}: the actor is claw itself (${actor.login}), which never triggers claw.`)
  }
  if (actor.type === 'User') return { kind: 'pass', needsPermissionCheck: true }
  const bare = (login: string): string =>
    login
      .trim()
      .toLowerCase()
      .replace(/\[bot\]$/, '')
  if (input.settings.allowedBots.some(login => bare(login) === bare(actor.login))) {
    return { kind: 'pass', needsPermissionCheck: false }
  }
  const message = `The bot ${actor.login} is not listed in the "allowed-bots" input, so it cannot trigger claw.`
  return skip(`${event}: ${message}`, {
    message,
    // Never answer a bot: two bots replying to each other never stop.
    reply: false,
    ...(replyTo === undefined ? {} : { replyTo })
  })
}

function joinRequest(text: string, prompt: string): string {
  return [sanitizeUntrusted(text).trim(), prompt.trim()].filter(part => part !== '').join('\n\n')
}

function stripRef(path: string | undefined): string | undefined {
  if (path === undefined) return undefined
  const at = path.indexOf('@')
  return nonEmpty(at === -1 ? path : path.slice(0, at))
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Typed reads of dotted paths in a payload; a required field that is wrong throws PayloadError. */
class Reader {
  constructor(private readonly root: Record<string, unknown>) {}

  get(path: string): unknown {
    let current: unknown = this.root
    for (const key of path.split('.')) {
      if (!isRecord(current)) return undefined
      current = current[key]
    }
    return current
  }

  /** Present and not null. */
  present(path: string): boolean {
    const value = this.get(path)
    return value !== undefined && value !== null
  }

  string(path: string): string {
    const value = this.get(path)
    if (typeof value !== 'string') throw new PayloadError(path, 'a string')
    return value
  }

  optionalString(path: string): string | undefined {
    const value = this.get(path)
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') throw new PayloadError(path, 'a string or null')
    return value
  }

  integer(path: string): number {
    const value = this.get(path)
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new PayloadError(path, 'a whole number')
    }
    return value
  }

  optionalInteger(path: string): number | undefined {
    const value = this.get(path)
    if (value === undefined || value === null) return undefined
    return this.integer(path)
  }

  optionalBoolean(path: string): boolean | undefined {
    const value = this.get(path)
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'boolean') throw new PayloadError(path, 'true or false')
    return value
  }

  actor(path: string): Actor {
    const login = this.string(`${path}.login`)
    if (login.trim() === '') throw new PayloadError(`${path}.login`, 'a login')
    const type = this.optionalString(`${path}.type`)
    const id = this.optionalInteger(`${path}.id`)
    return {
      login,
      type: type === 'Bot' || /\[bot\]$/i.test(login) ? 'Bot' : 'User',
      ...(id === undefined ? {} : { id })
    }
  }

  labelNames(path: string): string[] {
    const value = this.get(path)
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) throw new PayloadError(path, 'a list of labels')
    return value.map((label: unknown, index) => {
      const name = isRecord(label) ? label.name : undefined
      if (typeof name !== 'string') throw new PayloadError(`${path}.${index}.name`, 'a string')
      return name
    })
  }

  pullRequestNumbers(path: string): number[] {
    const value = this.get(path)
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) throw new PayloadError(path, 'a list of pull requests')
    return value.map((pull: unknown, index) => {
      const number = isRecord(pull) ? pull.number : undefined
      if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
        throw new PayloadError(`${path}.${index}.number`, 'a whole number')
      }
      return number
    })
  }
}
