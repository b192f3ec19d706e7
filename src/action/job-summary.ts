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
import type { ToolCallEvent } from '../session/events.js'
import type { Session } from '../session/reader.js'
import {
  callSubjectText,
  code,
  inline,
  isolationCell,
  lastOutcome,
  table,
  usageRow
} from '../session/render.js'

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
