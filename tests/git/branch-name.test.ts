/**
 * Branch names, checked against real `git check-ref-format --branch`: whatever a title holds,
 * the name must be one git accepts, and the validator must agree with git on tricky names.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import {
  branchForIssue,
  branchNameProblem,
  branchPrefixProblem,
  isValidBranchName,
  MAX_SLUG_LENGTH,
  slugify
} from '../../src/git/branch-name.js'

function gitAccepts(name: string): boolean {
  // Outside any repository: inside one, `--branch` expands `@` and `@{-1}` to a branch name.
  const result = spawnSync('git', ['check-ref-format', '--branch', name], {
    cwd: tmpdir(),
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1' }
  })
  return result.status === 0
}

describe('branchForIssue', () => {
  it('makes claw/issue-<n>-<slug> from the title', () => {
    expect(branchForIssue('claw/', 42, 'Fix parsing of "ms"')).toBe(
      'claw/issue-42-fix-parsing-of-ms'
    )
    expect(branchForIssue('bot-', 7, 'Crash: on `--help`!')).toBe('bot-issue-7-crash-on-help')
    expect(branchForIssue('claw/', 3, "Don't crash on Café ünïcödé")).toBe(
      'claw/issue-3-dont-crash-on-cafe-unicode'
    )
  })

  it('falls back to claw/issue-<n> when the title has no ASCII words', () => {
    expect(branchForIssue('claw/', 5, '修复错误')).toBe('claw/issue-5')
    expect(branchForIssue('claw/', 5, '   ...  ')).toBe('claw/issue-5')
  })

  it('keeps names of hostile titles valid: no revisions, options, paths or lock files', () => {
    const titles = [
      '../../refs/heads/main',
      '@{-1}',
      '-f --force',
      'a.lock',
      'x..y',
      'tab\there\nnewline\u0000nul',
      'refs/heads/main:refs/heads/evil',
      '.hidden/.git/config',
      '~^:?*[\\'
    ]
    for (const title of titles) {
      const name = branchForIssue('claw/', 1, title)
      expect(gitAccepts(name)).toBe(true)
      expect(name).toMatch(/^claw\/issue-1(-[a-z0-9]+(-[a-z0-9]+)*)?$/)
    }
  })

  it('cuts long titles at a word boundary, at most 40 characters, never ending in - or .', () => {
    const name = branchForIssue(
      'claw/',
      1234,
      'Parsing of durations like 10ms fails when the unit is upper case and followed by spaces'
    )
    const slug = name.slice('claw/issue-1234-'.length)
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug).toBe('parsing-of-durations-like-10ms-fails')
    expect(slugify('a'.repeat(60))).toBe('a'.repeat(40))
    expect(slugify('word '.repeat(20))).not.toMatch(/[-.]$/)
  })

  it('gives names git accepts for many generated titles', () => {
    const alphabet = 'aZ09 -._/~^:?*[\\@{}.lock..é\u0301\t'
    let seed = 12345
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (let index = 0; index < 150; index++) {
      let title = ''
      const length = Math.floor(random() * 80)
      for (let at = 0; at < length; at++) title += alphabet[Math.floor(random() * alphabet.length)]
      const name = branchForIssue('claw/', index + 1, title)
      if (!gitAccepts(name)) throw new Error(`git refuses ${JSON.stringify(name)} from ${title}`)
    }
  })

  it('refuses a prefix that makes an invalid name, and a bad issue number', () => {
    expect(() => branchForIssue('/claw', 1, 'x')).toThrow(RangeError)
    expect(() => branchForIssue('claw/', 0, 'x')).toThrow(/positive integer/)
    expect(() => branchForIssue('claw/', 1.5, 'x')).toThrow(/positive integer/)
  })
})

describe('branch name validation', () => {
  it('agrees with git check-ref-format --branch', () => {
    const names = [
      'claw/issue-1',
      'main',
      'a/b/c',
      'feature/x.y',
      'with space',
      'tilde~1',
      'caret^',
      'colon:x',
      'q?',
      'star*',
      'br[acket',
      'back\\slash',
      'a..b',
      'a@{b',
      'a@b',
      '/lead',
      'trail/',
      'dou//ble',
      'end.',
      'x/.hidden',
      '.hidden',
      'x.lock',
      'x.lock/y',
      'x/y.lock',
      '-dash',
      'in-dash',
      'ctrl\u0001',
      'del\u007f',
      'HEAD',
      'ünï'
    ]
    for (const name of names) {
      expect({ name, valid: isValidBranchName(name) }).toEqual({ name, valid: gitAccepts(name) })
    }
    expect(branchNameProblem('a..b')).toBe('it contains ".."')
    // check-ref-format lets `@` through, but `git branch @` refuses it (`@` means HEAD).
    expect(isValidBranchName('@')).toBe(false)
  })

  it('checks a prefix by what it makes', () => {
    for (const prefix of ['claw/', 'bot-', 'fixes/claw-', '', 'a.b/']) {
      expect(branchPrefixProblem(prefix)).toBeUndefined()
    }
    for (const prefix of ['/claw', 'claw//', '.claw/', 'claw.lock/', 'a..b/', '-x', 'a b/']) {
      expect(branchPrefixProblem(prefix)).toEqual(expect.any(String))
      expect(gitAccepts(`${prefix}issue-1`)).toBe(false)
    }
  })
})
