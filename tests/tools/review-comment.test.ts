import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ToolInputError, type ReviewCollector } from '../../src/tools/tool.js'
import {
  MAX_FINDINGS,
  MAX_FINDING_BODY_CHARS,
  reviewCommentTool,
  type ReviewFinding
} from '../../src/tools/review-comment.js'
import { ALL_TOOLS, REVIEW_TOOLS, toolsFor } from '../../src/tools/registry.js'
import { makeContext, makeWorkspace, removeDir } from './helpers.js'

let workspace: string
beforeAll(async () => {
  workspace = await makeWorkspace()
})
afterAll(() => removeDir(workspace))

const parse = (input: unknown) => reviewCommentTool.parse(input)

function parseError(input: unknown): string {
  try {
    parse(input)
  } catch (error) {
    expect(error).toBeInstanceOf(ToolInputError)
    return (error as Error).message
  }
  throw new Error(`parse accepted ${JSON.stringify(input)}`)
}

describe('ReviewComment: input', () => {
  it('normalises the path and defaults side to RIGHT', () => {
    expect(parse({ file_path: './src//app.ts', line: 3, body: 'Off by one.' })).toEqual({
      file_path: 'src/app.ts',
      line: 3,
      side: 'RIGHT',
      body: 'Off by one.'
    })
  })

  it('keeps a range and a suggestion, and drops a range of one line', () => {
    expect(
      parse({
        file_path: 'a.ts',
        start_line: '2',
        line: 4,
        side: 'RIGHT',
        body: 'x',
        suggestion: 'y\n'
      })
    ).toEqual({
      file_path: 'a.ts',
      start_line: 2,
      line: 4,
      side: 'RIGHT',
      body: 'x',
      suggestion: 'y\n'
    })
    expect(parse({ file_path: 'a.ts', start_line: 4, line: 4, body: 'x' })).not.toHaveProperty(
      'start_line'
    )
  })

  it.each([
    [{ file_path: '/etc/passwd', line: 1, body: 'x' }, /relative to the workspace root/],
    [{ file_path: 'C:\\x\\a.ts', line: 1, body: 'x' }, /relative to the workspace root/],
    [{ file_path: '../other/a.ts', line: 1, body: 'x' }, /must not contain "\.\."/],
    [{ file_path: 'src/../../a.ts', line: 1, body: 'x' }, /must not contain "\.\."/],
    [{ file_path: 'src/../a.ts', line: 1, body: 'x' }, /must not contain "\.\."/],
    [{ file_path: './', line: 1, body: 'x' }, /must name a file/],
    [{ file_path: 'a.ts', body: 'x' }, /"line" is required/],
    [{ file_path: 'a.ts', line: 0, body: 'x' }, /"line" must be at least 1/],
    [{ file_path: 'a.ts', line: 1.5, body: 'x' }, /"line" must be a whole number/],
    [
      { file_path: 'a.ts', line: 3, start_line: 5, body: 'x' },
      /"start_line" \(5\) is after "line" \(3\)/
    ],
    [{ file_path: 'a.ts', line: 3, side: 'right', body: 'x' }, /RIGHT .* or LEFT/],
    [{ file_path: 'a.ts', line: 3, body: '  \n' }, /"body" must say/],
    [{ file_path: 'a.ts', line: 3, body: 'x'.repeat(MAX_FINDING_BODY_CHARS + 1) }, /under 8000/],
    [{ file_path: 'a.ts', line: 3, side: 'LEFT', body: 'x', suggestion: 'y' }, /needs side RIGHT/],
    [{ file_path: 'a.ts', line: 3, body: 'x', severity: 'high' }, /has no field "severity"/]
  ])('refuses bad input %# with a message saying how to fix it', (input, message) => {
    expect(parseError(input)).toMatch(message)
  })
})

describe('ReviewComment: execute', () => {
  const record = (input: unknown, review?: ReviewCollector) =>
    reviewCommentTool.execute(parse(input), makeContext(workspace, review ? { review } : {}))

  it('appends the finding and says it will be posted', async () => {
    const review: ReviewCollector = { findings: [], isInDiff: () => true }
    const result = await record(
      {
        file_path: 'src/app.ts',
        start_line: 10,
        line: 12,
        body: 'Leaks the handle.',
        suggestion: 'close(h)'
      },
      review
    )
    expect(result).toEqual({
      content:
        'Recorded finding 1 on src/app.ts:10-12 (new version); it is posted with the review when you finish.'
    })
    const expected: ReviewFinding[] = [
      {
        path: 'src/app.ts',
        startLine: 10,
        line: 12,
        side: 'RIGHT',
        body: 'Leaks the handle.',
        suggestion: 'close(h)'
      }
    ]
    expect(review.findings).toEqual(expected)
  })

  it('asks the diff about the lines and says when the finding goes to the body', async () => {
    const asked: unknown[] = []
    const review: ReviewCollector = {
      findings: [],
      isInDiff: (...args) => {
        asked.push(args)
        return false
      }
    }
    const result = await record({ file_path: 'a.ts', line: 40, side: 'LEFT', body: 'x' }, review)
    expect(asked).toEqual([['a.ts', 'LEFT', 40, 40]])
    expect(result.is_error).toBeUndefined()
    expect(result.content).toMatch(
      /^Recorded finding 1 on a\.ts:40 \(old version\), but these lines are not all in one hunk .* listed in the review's summary instead of inline/
    )
    expect(review.findings).toHaveLength(1)
  })

  it('is an error outside a review', async () => {
    const result = await record({ file_path: 'a.ts', line: 1, body: 'x' })
    expect(result).toEqual({
      content: 'ReviewComment is only available when reviewing a pull request.',
      is_error: true
    })
  })

  it(`stops at ${MAX_FINDINGS} findings`, async () => {
    const review: ReviewCollector = { findings: [] }
    for (let i = 1; i <= MAX_FINDINGS; i++) {
      expect((await record({ file_path: 'a.ts', line: i, body: `f${i}` }, review)).is_error).toBe(
        undefined
      )
    }
    const over = await record({ file_path: 'a.ts', line: 1, body: 'one more' }, review)
    expect(over.is_error).toBe(true)
    expect(over.content).toMatch(/already has 100 findings/)
    expect(review.findings).toHaveLength(MAX_FINDINGS)
  })
})

describe('the tool registry', () => {
  it('offers ReviewComment only to a review', () => {
    expect(ALL_TOOLS.map(tool => tool.name)).toEqual([
      'Bash',
      'Read',
      'Write',
      'Edit',
      'Glob',
      'Grep'
    ])
    expect(REVIEW_TOOLS.map(tool => tool.name)).toEqual([
      ...ALL_TOOLS.map(tool => tool.name),
      'ReviewComment'
    ])
    expect(toolsFor({ review: false })).toBe(ALL_TOOLS)
    expect(toolsFor({ review: true })).toBe(REVIEW_TOOLS)
    expect(reviewCommentTool.readOnly).toBe(true)
  })
})
