/** Log excerpts for the model (src/github/ci-logs.ts): the failures first, then the tail. */
import { describe, expect, it } from '@jest/globals'
import { estimateTokens } from '../../src/github/context.js'
import { excerptLog } from '../../src/github/ci-logs.js'

/** A job log as GitHub serves it: timestamps, 2,000 lines of setup, a failure in the middle. */
function jobLog(): string {
  const lines: string[] = []
  for (let n = 0; n < 1000; n++)
    lines.push(`2026-12-01T10:00:00.${n}Z npm http fetch GET 200 pkg-${n}`)
  lines.push('2026-12-01T10:01:00.000Z not ok 3 - parses 250ms')
  lines.push('2026-12-01T10:01:00.001Z   error: \'cannot parse "s" in "250ms"\'')
  for (let n = 0; n < 1000; n++) lines.push(`2026-12-01T10:02:00.${n}Z ok ${n + 4} - formats ${n}`)
  lines.push('2026-12-01T10:03:00.000Z # fail 1')
  return lines.join('\n')
}

describe('excerptLog', () => {
  it('keeps the failing test and its error from the middle, and the end, within the budget', () => {
    const excerpt = excerptLog(jobLog(), 500)
    expect(estimateTokens(excerpt)).toBeLessThanOrEqual(520)
    expect(excerpt).toContain('not ok 3 - parses 250ms')
    expect(excerpt).toContain("error: 'cannot parse")
    expect(excerpt).toContain('# fail 1')
    expect(excerpt).not.toMatch(/2026-12-01T/)
    expect(excerpt).toMatch(/^… \(\d+ earlier lines\)/)
    expect(excerpt).not.toContain('pkg-10\n')
  })

  it('returns a short log whole', () => {
    expect(excerptLog('a\nFAIL b\nc', 1000)).toBe('a\nFAIL b\nc')
  })
})
