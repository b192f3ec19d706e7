/**
 * The bench's report (scripts/bench/report.mjs): the table people read in docs/performance.md,
 * its ratios against the peers, the generated block that replaces only itself, and the chart.
 */
import { describe, expect, it } from '@jest/globals'
import {
  BLOCK_END,
  BLOCK_START,
  formatValue,
  ratioOf,
  renderChart,
  renderMarkdown,
  renderText,
  replaceBlock
} from '../../scripts/bench/report.mjs'
import { meets, median } from '../../scripts/bench/section.mjs'

const info = {
  date: '2026-12-06',
  node: 'v24.22.3',
  machine: '2 × Test CPU',
  runs: 5,
  seconds: 312.4,
  smoke: false
}

const startup = {
  id: 'startup',
  title: 'Cold start',
  rows: [
    {
      figure: 'dist/cli.js run: start to first model request',
      unit: 'ms',
      claw: 120,
      peer: 480,
      peerName: 'claude -p 2.1.332',
      target: { op: '<' as const, value: 150 }
    },
    { figure: 'node start + first fetch', unit: 'ms', claw: 60 }
  ],
  skipped: [],
  notes: ['Measured from spawn.'],
  checks: [{ what: 'the run succeeded', ok: true }]
}
const tokens = {
  id: 'tokens',
  title: 'Tokens per task',
  rows: [
    {
      figure: 'input tokens served from cache, turn 2 on',
      unit: '%',
      claw: 89.8,
      target: { op: '>=' as const, value: 90 }
    }
  ],
  skipped: [{ what: 'Claude Code CLI', reason: 'npm registry unreachable' }],
  notes: [],
  checks: [{ what: 'breakpoints | present', ok: false, detail: 'none on the last tool' }]
}

describe('figures', () => {
  it('takes the median of odd and even lists, and refuses an empty one', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(() => median([])).toThrow('median of no numbers')
  })

  it('checks each kind of target', () => {
    expect(meets(149, { op: '<', value: 150 })).toBe(true)
    expect(meets(150, { op: '<', value: 150 })).toBe(false)
    expect(meets(150, { op: '<=', value: 150 })).toBe(true)
    expect(meets(90, { op: '>=', value: 90 })).toBe(true)
    expect(meets(90, { op: '>', value: 90 })).toBe(false)
  })

  it('formats by size and unit, whole numbers without decimals', () => {
    expect(formatValue(136.4, 'ms')).toBe('136 ms')
    expect(formatValue(12.34, 'KB')).toBe('12.3 KB')
    expect(formatValue(1.234, 'ms')).toBe('1.23 ms')
    expect(formatValue(6, 'tools')).toBe('6 tools')
    expect(formatValue(89.8, '%')).toBe('89.8 %')
    expect(formatValue(1.25, '× rg')).toBe('1.25× rg')
    expect(formatValue(Number.NaN, 'ms')).toBe('n/a')
  })

  it('gives a ratio only when there is a peer figure to divide by', () => {
    expect(ratioOf(startup.rows[0]!)).toBe(0.25)
    expect(ratioOf(startup.rows[1]!)).toBeUndefined()
    expect(ratioOf({ figure: 'x', unit: 'ms', claw: 1, peer: 0 })).toBeUndefined()
  })
})

describe('renderMarkdown', () => {
  const block = renderMarkdown([startup, tokens], info, 'performance.svg')

  it('writes one table row per figure with the peer, the ratio, the target and the verdict', () => {
    expect(block).toContain(
      '| 1. Cold start | dist/cli.js run: start to first model request | 120 ms | claude -p 2.1.332 | 480 ms | 0.25× | < 150 ms | met |'
    )
    expect(block).toContain('|  | node start + first fetch | 60 ms |  |  |  |  |  |')
    expect(block).toContain(
      '| 2. Tokens per task | input tokens served from cache, turn 2 on | 89.8 % |  |  |  | >= 90 % | missed |'
    )
  })

  it('says when, where and how often it measured, and links the chart', () => {
    expect(block).toContain('2026-12-06: 2 × Test CPU, Node.js v24.22.3, 5 measured runs')
    expect(block).toContain('312 s in all')
    expect(block).toContain('![claw against its peers')
    expect(block).toContain('(performance.svg)')
  })

  it('lists checks, skipped peers with their reason, and notes; escapes table cells', () => {
    expect(block).toContain('- ok: Cold start: the run succeeded')
    expect(block).toContain(
      '- **failed**: Tokens per task: breakpoints | present (none on the last tool)'
    )
    expect(block).toContain('- Tokens per task: Claude Code CLI: npm registry unreachable')
    expect(block).toContain('**Cold start.** Measured from spawn.')
  })

  it('marks a smoke run as figures not to quote', () => {
    expect(renderMarkdown([startup], { ...info, smoke: true }, undefined)).toContain(
      'Smoke variant'
    )
  })
})

describe('replaceBlock', () => {
  it('replaces only the generated block and keeps the prose around it', () => {
    const page = `# Performance\n\nProse.\n\n${BLOCK_START}\nold\n${BLOCK_END}\n\n## After\n`
    const updated = replaceBlock(page, `${BLOCK_START}\nnew\n${BLOCK_END}`)
    expect(updated).toBe(
      `# Performance\n\nProse.\n\n${BLOCK_START}\nnew\n${BLOCK_END}\n\n## After\n`
    )
  })

  it('appends the block to a page without one', () => {
    expect(replaceBlock('# Performance\n\n', 'BLOCK')).toBe('# Performance\n\nBLOCK\n')
  })
})

describe('renderChart', () => {
  const svg = renderChart([startup, tokens])

  it('draws a pair of bars for each row with a peer, scaled to the larger figure', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.match(/<rect x=/g)).toHaveLength(2)
    expect(svg).toContain('width="90.0"') // 120 of 480 on a 360-pixel scale
    expect(svg).toContain('width="360.0"')
    expect(svg).toContain('claude -p 2.1.332')
    expect(svg).not.toContain('node start + first fetch')
  })
})

describe('renderText', () => {
  it('prints each section with its figures, peers, targets, checks and skips', () => {
    const text = renderText([startup, tokens], info)
    expect(text).toContain('claw benchmark: 5 run(s) each, node v24.22.3')
    expect(text).toMatch(/dist\/cli\.js run: start to first model request\s+120 ms/)
    expect(text).toContain('claude -p 2.1.332: 480 ms (0.25×)')
    expect(text).toContain('target < 150 ms: met')
    expect(text).toContain('check: FAILED  breakpoints | present')
    expect(text).toContain('skipped: Claude Code CLI: npm registry unreachable')
  })
})
