/**
 * Before the shell parser is loaded (a module of its own, so no other test has loaded it): plain
 * lines are analysed anyway, and a line that needs the parser is denied, not waved through.
 */
import { describe, expect, it } from '@jest/globals'
import { analyzeCommandLine, shellParserLoaded } from '../../src/policy/shell.js'

describe('analyzeCommandLine without the parser', () => {
  it('analyses plain lines without loading it', () => {
    expect(analyzeCommandLine('git diff --stat')).toMatchObject({
      commands: [{ text: 'git diff --stat' }],
      problems: []
    })
    expect(analyzeCommandLine('git -c core.pager=cat log').forbidden).not.toEqual([])
    expect(shellParserLoaded()).toBe(false)
  })

  it('fails closed on a line that needs it', () => {
    const analysis = analyzeCommandLine('npm test | tail')
    expect(analysis.problems.join(' ')).toMatch(/not loaded/)
    expect(shellParserLoaded()).toBe(false)
  })
})
