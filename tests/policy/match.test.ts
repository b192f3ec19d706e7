import { describe, it, expect } from '@jest/globals'
import {
  UNKNOWN,
  commandMatchesForAll,
  commandMatchesForSome,
  pathMatches
} from '../../src/policy/match.js'

const U = UNKNOWN

describe('command patterns', () => {
  const cases: [pattern: string, text: string, matches: boolean][] = [
    ['npm test', 'npm test', true],
    ['npm test', 'npm test --watch', false],
    ['npm test', 'npm tests', false],
    ['git diff *', 'git diff', true],
    ['git diff *', 'git diff HEAD~1 -- src', true],
    ['git diff *', 'git difftool', false],
    ['git * --stat', 'git log -p --stat', true],
    ['git * --stat', 'git log', false],
    ['npx jest*', 'npx jest', true],
    ['npx jest*', 'npx jestx', true],
    ['*', 'anything at all', true],
    ['a.b (c) [d] $e', 'a.b (c) [d] $e', true],
    ['a.b', 'axb', false]
  ]
  it.each(cases)('%j vs %j → %s', (pattern, text, matches) => {
    expect(commandMatchesForAll(pattern, text)).toBe(matches)
    expect(commandMatchesForSome(pattern, text)).toBe(matches)
  })

  it('allows an unknown part only where a * swallows it', () => {
    expect(commandMatchesForAll('npx jest *', `npx jest src/${U}.test.ts`)).toBe(true)
    expect(commandMatchesForAll('git diff *', `git ${U}`)).toBe(false)
    expect(commandMatchesForAll('npm test', `npm test ${U}`)).toBe(false)
    expect(commandMatchesForAll('rm *.tmp', `rm ${U}`)).toBe(false)
  })

  it('denies when an unknown part could make a match', () => {
    expect(commandMatchesForSome('git push *', `git ${U}`)).toBe(true)
    expect(commandMatchesForSome('git push *', `git pus${U} origin`)).toBe(true)
    expect(commandMatchesForSome('git push *', `git ${U} origin`)).toBe(true)
    expect(commandMatchesForSome('git push *', `git diff ${U}`)).toBe(false)
    expect(commandMatchesForSome('rm -rf *', `rm ${U}`)).toBe(true)
    expect(commandMatchesForSome('npm install *', `np${U}`)).toBe(true)
    expect(commandMatchesForSome('npm install', `npm install x${U}`)).toBe(false)
  })

  it('stays fast on long texts', () => {
    const text = `${'a '.repeat(4000)}${U}`
    const started = performance.now()
    expect(commandMatchesForSome('* b * c *', text)).toBe(true)
    expect(commandMatchesForSome('z *', text)).toBe(false)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('path globs', () => {
  it('match dot files and depth as picomatch does', () => {
    expect(pathMatches('**', '.github/workflows/ci.yml')).toBe(true)
    expect(pathMatches('*.md', 'README.md')).toBe(true)
    expect(pathMatches('*.md', 'docs/README.md')).toBe(false)
    expect(pathMatches('**/*.pem', 'key.pem')).toBe(true)
    expect(pathMatches('.env', 'ENV')).toBe(false)
    expect(pathMatches('.env', '.ENV')).toBe(false)
    expect(pathMatches('.env', '.ENV', true)).toBe(true)
  })
})
