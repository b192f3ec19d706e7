/**
 * The progress comment: one comment per run on the issue or pull request that started it, created
 * before the model starts and edited as the run goes. It shows a checklist of the agent's tool
 * calls, then the final state (duration, turns, cost, links, and why it failed or what the policy
 * denied).
 *
 * Edits are throttled to one API call every `minIntervalMs`: a model can make several tool calls a
 * second, and GitHub asks for content-creating requests to be spaced (its secondary rate limit
 * answers a burst of comment edits with 403s that would hold up the run). Updates in between are
 * coalesced, so only the latest state is sent. The final edit waits only `finalIntervalMs` (GitHub
 * asks for about a second between writes): waiting out the whole throttle there would keep the
 * runner idle for seconds at the end of every run. The comment is a courtesy: a failed request is a
 * warning, never a failed run.
 *
 * Everything in the comment that came from the model, a tool or the policy's reasons is untrusted:
 * it goes through `redact` (a command line can hold a token) and is escaped (a prompt-injected
 * command could otherwise render as a fake checklist line, a link or an image that carries data
 * out).
 */
import type { Usage } from '../agent/messages.js'
import type { RunStatus, SessionEvent } from '../session/events.js'
import { callSubjectText, code, count, inline, usd } from '../session/render.js'
import { BOT_MARKER } from './events.js'
import { describeGitHubError, type GitHubClient } from './octokit.js'

export interface ProgressCommentOptions {
  octokit: GitHubClient
  owner: string
  repo: string
  /** The issue or pull request the comment goes on. */
  issueNumber: number
  /** Links to the run: `${serverUrl}/${repository}/actions/runs/${runId}`. */
  run: { serverUrl: string; repository: string; runId: number | string }
  /** What the run does, shown in the heading, e.g. `fix`. */
  task: string
  /** Applied to every untrusted piece of text before it is escaped (src/sandbox/redact.ts). */
  redact: (text: string) => string
  /** Warnings: a failed create or edit. */
  log: (line: string) => void
  /** At most one API call this often while the run goes on. Default 3000 ms. */
  minIntervalMs?: number
  /**
   * The final state (`flush`) is written this long after the previous call at the latest, or
   * `minIntervalMs` if that is shorter. Default 1000 ms.
   */
  finalIntervalMs?: number
  /** Checklist lines shown; older ones are counted in one line. Default 40. */
  maxSteps?: number
  /** Denied calls listed in the final state; the rest are counted. Default 10. */
  maxDenied?: number
  /** Milliseconds since the epoch; tests may inject one. Default `Date.now`. */
  now?: () => number
  /** The comment trigger, for the approval instructions (`/claw approve`). Default `/claw`. */
  trigger?: string
}

/** What the run ended with, beyond the session's outcome event (or instead of it, after a crash). */
export interface ProgressFinish {
  status?: RunStatus
  reason?: string
  turns?: number
  costUsd?: number
  usage?: Usage
  /** The branch claw pushed. */
  branch?: string
  /** The pull request claw opened or updated. */
  pullRequest?: number
  /** Default: the time since the comment was started. */
  durationMs?: number
}

interface Step {
  id: string | undefined
  label: string
  state: 'running' | 'done' | 'failed' | 'denied' | 'asked'
}

interface Denial {
  label: string
  rule: string
  reason: string
}

const DEFAULT_INTERVAL_MS = 3000
/** GitHub's guidance: about one second between content-changing requests. */
const DEFAULT_FINAL_INTERVAL_MS = 1000
const DEFAULT_MAX_STEPS = 40
const DEFAULT_MAX_DENIED = 10
/** GitHub rejects a comment body over 65,536 characters. */
const MAX_BODY_CHARS = 60_000

/** Verbs for the checklist, by tool; other tools show their name. */
const TOOL_VERBS: Record<string, string> = {
  Bash: 'Run',
  Read: 'Read',
  Write: 'Write',
  Edit: 'Edit',
  Glob: 'Find files',
  Grep: 'Search for',
  ReviewComment: 'Comment on'
}

export class ProgressComment {
  private readonly interval: number
  private readonly finalInterval: number
  private readonly now: () => number
  private readonly startedAt: number
  private readonly steps: Step[] = []
  private readonly denials: Denial[] = []
  /** Calls the run ended waiting on, from the outcome event. */
  private pending: { label: string; rule: string }[] = []
  private final: ProgressFinish | undefined
  private finished = false
  /** `flush` is writing the end: no more throttled edits. */
  private flushing = false

  private commentId: number | undefined
  /** A create failed: later edits have nothing to edit until `flush` tries once more. */
  private createFailed = false
  /** The last body GitHub accepted. */
  private landed: string | undefined
  /** When the last API call started. */
  private lastCallAt: number | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private inFlight: Promise<void> | undefined

  constructor(private readonly options: ProgressCommentOptions) {
    this.interval = options.minIntervalMs ?? DEFAULT_INTERVAL_MS
    this.finalInterval = Math.min(
      this.interval,
      options.finalIntervalMs ?? DEFAULT_FINAL_INTERVAL_MS
    )
    this.now = options.now ?? Date.now
    this.startedAt = this.now()
  }

  /** The comment's id once it exists. */
  get id(): number | undefined {
    return this.commentId
  }

  /** The workflow run's page. */
  get runUrl(): string {
    const { serverUrl, repository, runId } = this.options.run
    return `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`
  }

  /**
   * Creates the comment. Never throws: a failure is logged, and the final state is tried once more
   * at `flush`. Resolves to the comment's id, or undefined when it could not be created.
   */
  async start(): Promise<number | undefined> {
    await this.send(false)
    return this.commentId
  }

  /** A step claw takes itself (not a tool call), e.g. "Read the issue". */
  addStep(label: string, done = true): void {
    const state = done ? 'done' : 'running'
    this.steps.push({ id: undefined, label: inline(this.options.redact(label)), state })
    this.changed()
  }

  /** Takes the session's events: tool calls and results make the checklist, the outcome the end. */
  record(event: SessionEvent): void {
    switch (event.type) {
      case 'tool_call': {
        const label = this.callLabel(event.tool, event.input)
        const { decision } = event
        const state =
          decision.decision === 'allow'
            ? 'running'
            : decision.decision === 'deny'
              ? 'denied'
              : 'asked'
        this.steps.push({ id: event.id, label, state })
        if (decision.decision === 'deny') {
          this.denials.push({ label, rule: decision.rule, reason: decision.reason })
        }
        break
      }
      case 'tool_result': {
        const step = this.steps.find(entry => entry.id === event.id && entry.state === 'running')
        if (!step) return
        step.state = event.is_error ? 'failed' : 'done'
        break
      }
      case 'outcome':
        this.final = {
          ...this.final,
          status: event.status,
          reason: event.reason,
          turns: event.turns,
          costUsd: event.cost_usd,
          usage: event.usage,
          ...(event.branch === undefined ? {} : { branch: event.branch })
        }
        this.pending = (event.pending ?? []).map(call => ({
          label: this.callLabel(call.tool, call.input),
          rule: call.rule
        }))
        break
      default:
        return
    }
    this.changed()
  }

  /** Marks the run finished; `details` add to (and override) the outcome event. Then call `flush`. */
  finish(details: ProgressFinish = {}): void {
    this.final = { ...this.final, ...details }
    this.finished = true
    this.changed()
  }

  /**
   * Writes the latest state if GitHub does not have it yet, waiting for the pending edit and the
   * throttle interval first; a failure is retried once. Never throws.
   */
  async flush(): Promise<void> {
    this.flushing = true
    this.cancelTimer()
    await this.inFlight
    // The edit that just ended may have scheduled the next one; this flush sends it instead.
    this.cancelTimer()
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        if (this.landed === this.render()) return
        await this.waitForSlot()
        await this.send(true)
      }
    } finally {
      this.flushing = false
    }
  }

  /** The comment's Markdown for the current state. */
  render(): string {
    const out: string[] = [BOT_MARKER]
    const task = inline(this.options.task)
    const runLink = `[workflow run](${this.runUrl})`
    if (!this.finished) {
      out.push(`**claw ${task}** is working on this · ${runLink}`, '')
    } else {
      const status = this.final?.status ?? 'error'
      out.push(`${STATUS_ICON[status]} **claw ${task}**: ${inline(status)} · ${runLink}`, '')
    }
    out.push(...this.checklist())
    if (this.finished) out.push(...this.summary())
    let body = `${out.join('\n').trimEnd()}\n`
    if (body.length > MAX_BODY_CHARS) body = `${body.slice(0, MAX_BODY_CHARS)}\n\n…\n`
    return body
  }

  private checklist(): string[] {
    if (this.steps.length === 0) return this.finished ? [] : ['_Starting…_', '']
    const max = this.options.maxSteps ?? DEFAULT_MAX_STEPS
    const hidden = Math.max(0, this.steps.length - max)
    const lines = hidden > 0 ? [`- … ${hidden} earlier ${hidden === 1 ? 'step' : 'steps'}`] : []
    for (const step of this.steps.slice(hidden)) lines.push(stepLine(step))
    return [...lines, '']
  }

  private summary(): string[] {
    const final = this.final ?? {}
    const out: string[] = []
    const durationMs = final.durationMs ?? this.now() - this.startedAt
    const facts = [`Took ${formatDuration(durationMs)}`]
    if (final.turns !== undefined)
      facts.push(`${final.turns} ${final.turns === 1 ? 'turn' : 'turns'}`)
    if (final.costUsd !== undefined) facts.push(usd(final.costUsd))
    if (final.usage) {
      facts.push(
        `${count(final.usage.input_tokens + final.usage.cache_read_input_tokens + final.usage.cache_creation_input_tokens)} input / ${count(final.usage.output_tokens)} output tokens`
      )
    }
    out.push(facts.join(' · '), '')
    const { serverUrl, repository } = this.options.run
    const base = `${serverUrl.replace(/\/+$/, '')}/${repository}`
    const links: string[] = []
    if (final.branch) {
      const ref = final.branch.split('/').map(encodePathSegment).join('/')
      links.push(`Branch: [${code(this.options.redact(final.branch))}](${base}/tree/${ref})`)
    }
    if (final.pullRequest !== undefined) {
      links.push(`Pull request: [#${final.pullRequest}](${base}/pull/${final.pullRequest})`)
    }
    if (links.length > 0) out.push(links.join(' · '), '')
    const status = final.status ?? 'error'
    if (status !== 'success') {
      const reason = final.reason ?? 'the run ended without an outcome'
      out.push(`**Why:** ${inline(this.options.redact(reason), 500)}`, '')
    } else if (final.reason !== undefined && final.reason !== '') {
      // What delivery did: the review posted, the branch pushed, or why nothing was.
      out.push(`**Result:** ${inline(this.options.redact(final.reason), 500)}`, '')
    }
    if (status === 'needs-approval' && this.pending.length > 0) {
      const trigger = this.options.trigger ?? '/claw'
      out.push(`**Waiting for approval** (${this.pending.length}):`, '')
      for (const call of this.pending) {
        out.push(`- ${call.label} (${code(this.options.redact(call.rule))})`)
      }
      out.push(
        '',
        `A maintainer with write access can reply \`${trigger} approve\` to run these once and go on, \`${trigger} approve all\` to also allow later calls under the same rules for the rest of this session, or \`${trigger} deny\` to go on without them.`,
        ''
      )
    }
    if (this.denials.length > 0) {
      const max = this.options.maxDenied ?? DEFAULT_MAX_DENIED
      out.push(`**Denied by the policy** (${this.denials.length}):`, '')
      for (const denial of this.denials.slice(0, max)) {
        out.push(
          `- ${denial.label} (${code(this.options.redact(denial.rule))}): ${inline(this.options.redact(denial.reason))}`
        )
      }
      const rest = this.denials.length - max
      if (rest > 0) out.push(`- … and ${rest} more`)
      out.push('')
    }
    return out
  }

  private callLabel(tool: string, input: unknown): string {
    const verb = TOOL_VERBS[tool] ?? `**${inline(tool)}**`
    return `${verb} ${code(this.options.redact(callSubjectText(tool, input)))}`
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return
    clearTimeout(this.timer)
    this.timer = undefined
  }

  /** Something changed: send it now, or when the throttle allows. */
  private changed(): void {
    if (this.flushing) return
    if (this.timer !== undefined || this.inFlight !== undefined) return
    // Before `start` (or after a failed create) there is nothing to edit; flush writes the end.
    if (this.commentId === undefined) return
    const wait = this.remainingWait()
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.send(false)
    }, wait)
  }

  private remainingWait(interval = this.interval): number {
    if (this.lastCallAt === undefined) return 0
    return Math.max(0, this.lastCallAt + interval - this.now())
  }

  /** The final write's turn: `finalInterval` after the previous call. */
  private async waitForSlot(): Promise<void> {
    const wait = this.remainingWait(this.finalInterval)
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
  }

  /** One create or edit with the current state; errors become warnings. */
  private send(final: boolean): Promise<void> {
    const body = this.render()
    if (body === this.landed) return Promise.resolve()
    const { octokit, owner, repo, issueNumber } = this.options
    const operation = this.commentId === undefined ? 'issues.createComment' : 'issues.updateComment'
    if (operation === 'issues.createComment' && this.createFailed && !final) {
      return Promise.resolve()
    }
    this.lastCallAt = this.now()
    const request = async (): Promise<void> => {
      try {
        if (this.commentId === undefined) {
          const created = await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: issueNumber,
            body
          })
          this.commentId = created.data.id
        } else {
          await octokit.rest.issues.updateComment({
            owner,
            repo,
            comment_id: this.commentId,
            body
          })
        }
        this.landed = body
      } catch (error) {
        if (operation === 'issues.createComment') this.createFailed = true
        this.options.log(
          `Could not ${operation === 'issues.createComment' ? 'create' : 'update'} the progress comment: ${describeGitHubError(error, operation)}`
        )
      }
    }
    const pending = request().finally(() => {
      this.inFlight = undefined
      // Changes that came in while the request was out. A failed edit is not repeated on its own
      // (a token without the permission would fail, and warn, every interval): the next change
      // or the flush sends the state again.
      if (!final && this.render() !== body) this.changed()
    })
    this.inFlight = pending
    return pending
  }
}

const STATUS_ICON: Record<RunStatus, string> = {
  success: '✅',
  'needs-approval': '⏸️',
  'max-turns': '⚠️',
  'max-cost': '⚠️',
  timeout: '⚠️',
  refusal: '❌',
  error: '❌'
}

function stepLine(step: Step): string {
  switch (step.state) {
    case 'running':
      return `- [ ] ${step.label}`
    case 'done':
      return `- [x] ${step.label}`
    case 'failed':
      return `- [x] ${step.label} (failed)`
    case 'denied':
      return `- [ ] ~~${step.label}~~ denied`
    case 'asked':
      return `- [ ] ${step.label}: waiting for approval`
  }
}

function encodePathSegment(segment: string): string {
  // encodeURIComponent leaves ( ) ' ! * alone; a `)` would end the Markdown link.
  return encodeURIComponent(segment).replace(
    /[()'!*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}
