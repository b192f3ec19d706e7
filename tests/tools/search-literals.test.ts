import { describe, expect, it } from '@jest/globals'
import { compilePattern } from '../../src/tools/grep.js'
import { asciiFoldSafe, requiredLiterals } from '../../src/tools/search/literals.js'

/** The literals of a pattern as Grep compiles it. */
const literals = (pattern: string, ignoreCase = false, multiline = false) =>
  requiredLiterals(compilePattern(pattern, ignoreCase, multiline))?.literals

describe('requiredLiterals', () => {
  it.each([
    ['parseDuration', ['parseDuration']],
    ['UNIT_MS|UNITS', ['UNITS', 'UNIT_MS']],
    ['log(Error|Warn)', ['logError', 'logWarn']],
    ['colou?r', ['color', 'colour']],
    ['import .* from', ['import ']],
    ['function\\s+\\w+\\(', ['function']],
    ['\\bfoo\\b', ['foo']],
    ['^export (const|function) ', ['export const ', 'export function ']],
    ['a\\.b\\(c\\)', ['a.b(c)']],
    ['x{2,3}yz+', ['x']],
    ['[ab]cd', ['acd', 'bcd']],
    ['[a-z]+Error', ['Error']],
    ['foo(?=bar)', ['foo']],
    ['(?<=@)scope', ['scope']],
    ['(?<name>abc)\\k<name>', ['abc']],
    ['(a)b\\1', ['ab']],
    ['caf\u00e9 ok', ['caf']],
    ['one\\ntwo', ['one']],
    ['\\d+px', ['px']],
    ['a\\u0041bc', ['bc']],
    ['tab\\there', ['tab\there']]
  ])('%s requires one of %j', (pattern, expected) => {
    expect(literals(pattern)).toEqual(expected)
  })

  it.each(['\\d+', '.*', '[^x]+', 'a?', 'foo|\\w+', '(?:abc)?', '\\p{L}+', '\\S+', 'x*', '^$'])(
    '%s requires nothing',
    pattern => {
      expect(literals(pattern)).toBeUndefined()
    }
  )

  it('keeps a pattern valid only without the u flag readable', () => {
    // `\-` is an identity escape only without `u`; compilePattern falls back to that.
    expect(literals('a\\-b')).toEqual(['a-b'])
    expect(literals('a{,2}b')).toEqual(['a{,2}b'])
  })

  it('carries case-insensitivity, from -i or an inline flag', () => {
    expect(requiredLiterals(compilePattern('Token', true, false))).toEqual({
      literals: ['Token'],
      ignoreCase: true
    })
    expect(requiredLiterals(compilePattern('(?i)Token', false, false))?.ignoreCase).toBe(true)
  })

  it('works in multiline mode, where literals never span a line break', () => {
    expect(literals('load\\(\\) \\{.*return', false, true)).toEqual(['load() {'])
  })

  it('gives up on flags it does not know', () => {
    expect(requiredLiterals(new RegExp('(?:a)b', 'v'))).toBeUndefined()
  })

  it('cuts k and s out of case-insensitive literals for an ASCII-only folder', () => {
    expect(asciiFoldSafe({ literals: ['Token', 'mask'], ignoreCase: true })).toEqual({
      literals: ['To', 'ma'],
      ignoreCase: true
    })
    expect(asciiFoldSafe({ literals: ['sk'], ignoreCase: true })).toBeUndefined()
    const exact = { literals: ['Token'], ignoreCase: false }
    expect(asciiFoldSafe(exact)).toBe(exact)
  })

  it('never drops a file that matches: every match contains a literal', () => {
    const samples = [
      'const token = 1',
      'export function load() {',
      'logError("x")',
      'colour and color',
      'ab1ab',
      'x = a.b(c)',
      'caf\ufffd ok',
      'TO\u212aEN',
      'foobar'
    ]
    const patterns = [
      'token',
      'log(Error|Warn)',
      'colou?r',
      '(a)b\\1',
      'a\\.b\\(c\\)',
      'caf. ok',
      'foo(?=bar)',
      'export (const|function) '
    ]
    for (const pattern of patterns) {
      for (const ignoreCase of [false, true]) {
        const regex = compilePattern(pattern, ignoreCase, false)
        const required = requiredLiterals(regex)
        for (const sample of samples) {
          if (!regex.test(sample) || required === undefined) continue
          const haystack = ignoreCase ? sample.toLowerCase() : sample
          const found = required.literals.some(literal =>
            haystack.includes(ignoreCase ? literal.toLowerCase() : literal)
          )
          // The Kelvin sign folds to k only under -i: an ASCII search misses it, rg -i does not.
          if (!sample.includes('\u212a'))
            expect({ pattern, sample, found }).toEqual({ pattern, sample, found: true })
        }
      }
    }
  })
})

describe('walkOrder', () => {
  it('sorts paths as the walk yields them: names per folder, a folder at its name', async () => {
    const { walkOrder } = await import('../../src/tools/walk.js')
    expect(walkOrder(['a-b', 'a/z', 'a/b/c', 'B', 'a.ts', 'a/z'])).toEqual([
      'B',
      'a/b/c',
      'a/z',
      'a-b',
      'a.ts'
    ])
  })
})
