/**
 * The job summary of the sample session (tests/fixtures/sessions/sample.jsonl, read with the real
 * reader). Cases that need more calls or hostile text add events to the parsed session; each test
 * names what it adds.
 */
import { describe, expect, it } from '@jest/globals'
import { renderJobSummary } from '../../src/action/job-summary.js'
import type { ToolCallEvent } from '../../src/session/events.js'
import { readSession, type Session } from '../../src/session/reader.js'
import { SAMPLE_SESSION } from '../session/helpers.js'

function sample(): Session {
  return readSession(SAMPLE_SESSION)
}

function bashCall(id: string, command: string): ToolCallEvent {
  return {
    type: 'tool_call',
    id,
    tool: 'Bash',
    input: { command },
    decision: { decision: 'allow', rule: 'bash.allow: *', reason: 'allowed' }
  }
}

/** Inserts events before the outcome line, where the loop would have written them. */
function withCalls(session: Session, calls: ToolCallEvent[]): Session {
  const at = session.events.findIndex(event => event.type === 'outcome')
  const events = [...session.events]
  events.splice(at === -1 ? events.length : at, 0, ...calls)
  return { ...session, events }
}

describe('renderJobSummary', () => {
  it('shows the task, outcome, tool calls, usage and cost of the sample session', () => {
    const summary = renderJobSummary(sample())
    expect(summary).toContain('## claw fix on octo-org/widgets: needs-approval')
    expect(summary).toContain('| Task | fix |')
    expect(summary).toContain('| Status | **needs-approval** |')
    expect(summary).toContain(
      "| Reason | 1 tool call(s) need a maintainer's approval (policy rule: bash.ask: npm install \\*) |"
    )
    expect(summary).toContain('| Branch | `claw/fix-12` |')
    expect(summary).toContain('### Tool calls (4)')
    expect(summary).toContain('| # | Tool | Input | Decision | Rule |')
    expect(summary).toContain('| 1 | Bash | `npm test` | allow | `bash.allow: npm test` |')
    expect(summary).toContain('| 2 | Edit | `src/sum.js` | allow | `write.allow: src/**` |')
    expect(summary).toContain(
      '| 3 | Bash | `git push origin main` | **deny** | `bash.deny: git push *` |'
    )
    expect(summary).toContain(
      '| 4 | Bash | `npm install left-pad` | **ask** | `bash.ask: npm install *` |'
    )
    expect(summary).toContain('| 3 | 1,750 | 270 | 5,000 | 1,800 | $0.0131 |')
    expect(summary).not.toContain('not shown')
    // The sample predates isolation: no row for it.
    expect(summary).not.toContain('Bash isolation')
  })

  it('shows the isolation level from the header when present', () => {
    // Altered: an isolation block added to the sample's header.
    const session = sample()
    session.header.isolation = {
      level: 'user-namespace',
      network: 'isolated',
      detail: 'unshare --user --net'
    }
    expect(renderJobSummary(session)).toContain(
      '| Bash isolation | user-namespace, network isolated: unshare --user --net |'
    )
  })

  it('caps the table and counts the rest', () => {
    // Altered: 60 more Bash calls before the outcome (64 in all).
    const extra = Array.from({ length: 60 }, (_, i) => bashCall(`x${i}`, `echo ${i}`))
    const summary = renderJobSummary(withCalls(sample(), extra))
    expect(summary).toContain('### Tool calls (64)')
    const rows = summary.split('\n').filter(line => /^\| \d+ \| /.test(line))
    // The usage row starts with the turn count as well.
    expect(rows.filter(line => line.includes('`'))).toHaveLength(50)
    expect(summary).toContain('| 50 | Bash | `echo 45` |')
    expect(summary).not.toContain('`echo 46`')
    expect(summary).toContain('… and 14 more tool calls not shown.')
    expect(renderJobSummary(withCalls(sample(), extra), { maxToolCalls: 63 })).toContain(
      '… and 1 more tool call not shown.'
    )
  })

  it('escapes hostile text: HTML, pipes, backticks and newlines', () => {
    // Altered: a hostile call, a hostile tool name and a hostile reason.
    const session = withCalls(sample(), [
      bashCall('h1', 'echo <img src=x onerror=alert(1)> | tee out'),
      bashCall('h2', 'printf "```" `id`\n| injected | row |'),
      {
        type: 'tool_call',
        id: 'h3',
        tool: '<script>alert(1)</script>',
        input: { path: 'a|b' },
        decision: { decision: 'deny', rule: 'default: deny | x', reason: 'no' }
      }
    ])
    const outcome = session.events.find(event => event.type === 'outcome')!
    if (outcome.type === 'outcome') {
      outcome.reason =
        'failed <img src=x onerror=alert(document.cookie)> | ![x](https://evil.test/?d=1)'
    }
    const summary = renderJobSummary(session)
    expect(summary).toContain(
      '| 5 | Bash | `echo <img src=x onerror=alert(1)> \\| tee out` | allow |'
    )
    expect(summary).toContain(
      '| 6 | Bash | ````printf "```" `id` ⏎ \\| injected \\| row \\|```` | allow |'
    )
    expect(summary).toContain(
      '| 7 | \\<script\\>alert(1)\\</script\\> | `a\\|b` | **deny** | `default: deny \\| x` |'
    )
    expect(summary).toContain(
      '| Reason | failed \\<img src=x onerror=alert(document.cookie)\\> \\| \\!\\[x\\](https://evil.test/?d=1) |'
    )
    // No raw tag outside a code span, and no table row split by the input.
    const outsideCode = summary.replace(/(`+)[^`]*?\1/g, '')
    expect(outsideCode).not.toMatch(/(?<!\\)<(img|script)/)
    const callRows = summary.split('\n').filter(line => /^\| \d+ \| .*`/.test(line))
    expect(callRows).toHaveLength(7)
    for (const line of callRows) expect(line.split(/(?<!\\)\|/)).toHaveLength(7)
  })

  it('reports an unfinished run with totals from its requests', () => {
    // Altered: the outcome line removed.
    const session = sample()
    session.events = session.events.filter(event => event.type !== 'outcome')
    const summary = renderJobSummary(session)
    expect(summary).toContain(': unfinished')
    expect(summary).toContain('No outcome line: the run did not finish')
    expect(summary).toContain('| ? |')
  })
})
