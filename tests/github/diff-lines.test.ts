import { describe, expect, it } from '@jest/globals'
import { DiffIndex, parsePatch } from '../../src/github/diff-lines.js'
import { diffLines } from '../fixtures/fake-github.mjs'

/** Two hunks: lines 1-4 and 10-13 of the new version. */
const PATCH = [
  '@@ -1,4 +1,4 @@',
  ' import x',
  '-old()',
  '+run()',
  ' middle',
  ' end',
  '@@ -10,3 +10,4 @@ function tail() {',
  ' a',
  '+b',
  ' c',
  ' d'
].join('\n')

const sorted = (map: Map<number, number>) => [...map.keys()].sort((a, b) => a - b)

describe('parsePatch', () => {
  it('numbers added and context lines on the right, deleted and context lines on the left', () => {
    const lines = parsePatch(PATCH)
    expect(sorted(lines.RIGHT)).toEqual([1, 2, 3, 4, 10, 11, 12, 13])
    expect(sorted(lines.LEFT)).toEqual([1, 2, 3, 4, 10, 11, 12])
    expect(lines.RIGHT.get(4)).toBe(0)
    expect(lines.RIGHT.get(10)).toBe(1)
  })

  it('agrees with the fake GitHub on which lines can carry a comment', () => {
    const lines = parsePatch(PATCH)
    expect(new Set(lines.RIGHT.keys())).toEqual(diffLines(PATCH, 'RIGHT'))
    expect(new Set(lines.LEFT.keys())).toEqual(diffLines(PATCH, 'LEFT'))
  })

  it('reads a new file, a deleted file, omitted counts and "no newline" markers', () => {
    expect(
      sorted(parsePatch('@@ -0,0 +1,2 @@\n+a\n+b\n\\ No newline at end of file').RIGHT)
    ).toEqual([1, 2])
    const deleted = parsePatch('@@ -1,2 +0,0 @@\n-a\n-b')
    expect([sorted(deleted.LEFT), sorted(deleted.RIGHT)]).toEqual([[1, 2], []])
    expect(sorted(parsePatch('@@ -5 +5 @@\n-a\n+b').RIGHT)).toEqual([5])
  })

  it('stops each hunk at its counts, so a trailing newline is not a context line', () => {
    const lines = parsePatch('@@ -1,2 +1,2 @@\n a\n-b\n+c\n')
    expect(sorted(lines.RIGHT)).toEqual([1, 2])
    expect(sorted(lines.LEFT)).toEqual([1, 2])
  })

  it('takes an empty line inside a hunk as context whose space was stripped, and CRLF lines', () => {
    const lines = parsePatch('@@ -1,3 +1,3 @@\r\n a\r\n\r\n-b\r\n+c\r\n')
    expect(sorted(lines.RIGHT)).toEqual([1, 2, 3])
    expect(sorted(lines.LEFT)).toEqual([1, 2, 3])
  })
})

describe('DiffIndex', () => {
  const index = new DiffIndex([
    { filename: 'src/app.ts', patch: PATCH },
    { filename: 'logo.png' },
    { filename: 'huge.json', patch: null }
  ])

  it('accepts a line or range inside one hunk on its side', () => {
    expect(index.isInDiff('src/app.ts', 'RIGHT', 2, 2)).toBe(true)
    expect(index.isInDiff('src/app.ts', 'RIGHT', 1, 4)).toBe(true)
    expect(index.isInDiff('src/app.ts', 'LEFT', 2, 2)).toBe(true)
    expect(index.isInDiff('src/app.ts', 'LEFT', 10, 12)).toBe(true)
  })

  it('refuses lines outside the hunks, on the wrong side, or a range across two hunks', () => {
    expect(index.isInDiff('src/app.ts', 'RIGHT', 7, 7)).toBe(false)
    expect(index.isInDiff('src/app.ts', 'LEFT', 13, 13)).toBe(false)
    expect(index.isInDiff('src/app.ts', 'RIGHT', 4, 10)).toBe(false)
    expect(index.isInDiff('src/app.ts', 'RIGHT', 3, 2)).toBe(false)
    expect(index.isInDiff('src/app.ts', 'RIGHT', 12, 14)).toBe(false)
  })

  it('has no commentable line in a file without a patch or not in the pull request', () => {
    expect(index.hasFile('logo.png')).toBe(true)
    expect(index.isInDiff('logo.png', 'RIGHT', 1, 1)).toBe(false)
    expect(index.isInDiff('huge.json', 'RIGHT', 1, 1)).toBe(false)
    expect(index.hasFile('src/other.ts')).toBe(false)
    expect(index.isInDiff('src/other.ts', 'RIGHT', 1, 1)).toBe(false)
  })
})
