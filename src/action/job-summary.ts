/**
 * The job summary (`core.summary.addRaw`): what the run was asked, how it ended, every tool call
 * with the policy's decision and rule, tokens and cost, and how Bash was isolated.
 *
 * The summary page renders Markdown with HTML, and most of what it shows came from the model, a
 * tool or a user: a command such as `<img src=x onerror=…>` or one holding `|` must show as text,
 * not become markup or split a table cell. Every such piece goes through render.ts's `inline`
 * (Markdown and HTML characters escaped) or `code` (a code span no backtick run can close, `|`
 * escaped in tables).
 */
import { errorMessage } from '../errors.js'
import type { ToolCallEvent } from '../session/events.js'
import { readSession, type Session } from '../session/reader.js'
import {
  callSubjectText,
  code,
  inline,
  isolationCell,
  lastOutcome,
  table,
  usageRow
} from '../session/render.js'
import type { AgentTaskResult } from './run-agent-task.js'

export interface JobSummaryOptions {
  /** Tool calls listed in the table; the rest are counted. Default 50. */
  maxToolCalls?: number
}

const DEFAULT_MAX_TOOL_CALLS = 50
/** The task and the reason are shown in full up to this many characters. */
const LONG_TEXT_CHARS = 1000

export function renderJobSummary(session: Session, options: JobSummaryOptions = {}): string {
  const { header } = session
  const outcome = lastOutcome(session.events)
  const out: string[] = []
  const status = outcome ? outcome.status : 'unfinished'
  out.push(`## claw ${inline(header.task)} on ${inline(header.repository)}: ${inline(status)}`, '')

  const rows: string[][] = [
    ['Task', inline(header.task)],
    ['Event', inline(header.event)],
    ['Model', inline(header.model)],
    ['Status', `**${inline(status)}**`],
    [
      'Reason',
      outcome
        ? inline(outcome.reason, LONG_TEXT_CHARS)
        : 'No outcome line: the run did not finish (it crashed, was killed, or is still running).'
    ]
  ]
  if (outcome?.branch) rows.push(['Branch', code(outcome.branch, true)])
  if (header.isolation) rows.push(['Bash isolation', isolationCell(header.isolation)])
  out.push(table(['', ''], rows), '')

  out.push('### Request', '', inline(header.prompt, LONG_TEXT_CHARS), '')

  const calls = session.events.filter((event): event is ToolCallEvent => event.type === 'tool_call')
  out.push(`### Tool calls (${calls.length})`, '')
  if (calls.length === 0) {
    out.push('The agent made no tool calls.', '')
  } else {
    const max = options.maxToolCalls ?? DEFAULT_MAX_TOOL_CALLS
    out.push(
      table(
        ['#', 'Tool', 'Input', 'Decision', 'Rule'],
        calls
          .slice(0, max)
          .map((call, index) => [
            String(index + 1),
            inline(call.tool),
            code(callSubjectText(call.tool, call.input), true),
            call.decision.decision === 'allow' ? 'allow' : `**${inline(call.decision.decision)}**`,
            code(call.decision.rule, true)
          ])
      ),
      ''
    )
    const rest = calls.length - max
    if (rest > 0) {
      out.push(`… and ${rest} more tool ${rest === 1 ? 'call' : 'calls'} not shown.`, '')
    }
  }

  out.push('### Usage', '')
  out.push(
    table(
      [
        'Turns',
        'Input tokens',
        'Output tokens',
        'Cache read tokens',
        'Cache write tokens',
        'Cost (USD)'
      ],
      [usageRow(session)]
    ),
    ''
  )
  if (!outcome) out.push('Totals so far, from the model requests recorded.', '')
  if (session.truncatedTail) out.push('The transcript ends in a line cut off mid-write.', '')
  return `${out.join('\n').trimEnd()}\n`
}

export interface ResultSummaryOptions extends JobSummaryOptions {
  /** Base of the branch link (`GITHUB_SERVER_URL`). Default `https://github.com`. */
  serverUrl?: string
  /** `owner/repo` (`GITHUB_REPOSITORY`); without it the branch is shown without a link. */
  repository?: string
}

export interface ResultSummary {
  /** Markdown for `core.summary.addRaw`: every untrusted piece is escaped already. */
  markdown: string
  /** Set when the session could not be shown (the summary is then the result line alone). */
  warning?: string
}

/**
 * The job summary of a finished run: the result line, links to the branch, pull request and
 * review when there are any, then the session's table (`renderJobSummary`) read from
 * `result.sessionFile`. A session that cannot be read or rendered leaves the result line and the
 * links, with a warning for the caller to show: a run that did its work must not fail over its
 * summary, and the result line still says how it ended.
 */
export function renderResultSummary(
  result: AgentTaskResult,
  options: ResultSummaryOptions = {}
): ResultSummary {
  const head = [resultLine(result), '']
  const links = resultLinks(result, options)
  if (links !== '') head.push(links, '')
  const lines = head.join('\n')
  if (result.sessionFile === undefined || result.sessionFile === '') {
    return { markdown: lines }
  }
  try {
    const session = readSession(result.sessionFile)
    return { markdown: `${lines}\n${renderJobSummary(session, options)}` }
  } catch (error) {
    return {
      markdown: lines,
      warning: `the job summary shows the result line only: ${errorMessage(error)}`
    }
  }
}

/**
 * One line saying how the run ended. The reason can quote an API error or the model's words, so
 * it is escaped like the rest of the summary (it was redacted when the result was made).
 */
export function resultLine(result: AgentTaskResult): string {
  const turns = `${result.turns} ${result.turns === 1 ? 'turn' : 'turns'}`
  const cost = `$${result.costUsd.toFixed(2)}`
  return (
    `**claw** ${inline(result.task)}: ${inline(result.conclusion)} after ${turns} (${cost}). ` +
    inline(result.reason, LONG_TEXT_CHARS)
  )
}

/** `Branch: … · Pull request: … · Review: …` for what the run produced, or '' for nothing. */
function resultLinks(result: AgentTaskResult, options: ResultSummaryOptions): string {
  const links: string[] = []
  if (result.branch) {
    const server = (options.serverUrl || 'https://github.com').replace(/\/+$/, '')
    const ref = result.branch.split('/').map(encodePathSegment).join('/')
    links.push(
      options.repository
        ? `Branch: [${code(result.branch)}](${server}/${options.repository}/tree/${ref})`
        : `Branch: ${code(result.branch)}`
    )
  }
  const pullUrl = result.pullRequest ? webUrl(result.pullRequest) : undefined
  if (result.pullRequest) {
    const number = /\/pull\/(\d+)\/?$/.exec(result.pullRequest)?.[1]
    const label = number === undefined ? 'pull request' : `#${number}`
    links.push(
      pullUrl === undefined
        ? `Pull request: ${code(result.pullRequest)}`
        : `Pull request: [${label}](${pullUrl})`
    )
  }
  if (result.reviewId !== undefined) {
    links.push(
      pullUrl === undefined
        ? `Review: ${result.reviewId}`
        : `Review: [${result.reviewId}](${pullUrl}#pullrequestreview-${result.reviewId})`
    )
  }
  return links.join(' · ')
}

/**
 * An http(s) URL fit for a Markdown link target, or undefined: the pull request URL comes from
 * GitHub's API, but a `)` or a space would still end the link early, and a `javascript:` URL has
 * no business in the summary.
 */
function webUrl(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  return url.href.replace(/[()<> ]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function encodePathSegment(segment: string): string {
  // encodeURIComponent leaves ( ) ' ! * alone; a `)` would end the Markdown link.
  return encodeURIComponent(segment).replace(
    /[()'!*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}
