import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { grepTool } from '../../src/tools/grep.js'
import { makeContext, makeWorkspace, removeDir } from './helpers.js'

// Counts and paths test only the lines that hold a required literal, found in the bytes;
// content mode splits every line. The two must agree on every file.
const FILES: Record<string, string | Buffer> = {
  'a.txt': 'token\ntoken token\n\nno\ntoken at the end',
  'crlf.txt': 'a token\r\nsecond token\r\n',
  'first.txt': 'token first line\nnothing\n',
  'last.txt': 'nothing\ntoken',
  'empty-lines.txt': '\n\ntoken\n\n',
  'latin1.txt': Buffer.from('caf\xe9 token\ncaf\xe9\ntoken caf\xe9\n', 'latin1'),
  'utf8.txt': 'héllo token\nτoken\n',
  'kelvin.txt': 'TO\u212aEN with a Kelvin sign\ntoken\n',
  'bom.txt': '\ufefftoken first\n',
  'anchors.txt': 'token\n token\ntoken \n',
  'two.txt': 'alpha\nbeta\nalpha beta\n',
  'special.txt': 'a.b(c)\na-b\n[x]/y\n'
}

const PATTERNS: Record<string, unknown>[] = [
  { pattern: 'token' },
  { pattern: '^token' },
  { pattern: 'token$' },
  { pattern: '^token$' },
  { pattern: 'TOKEN', '-i': true },
  { pattern: '(?i)^token' },
  { pattern: 'caf. token' },
  { pattern: 'alpha|beta' },
  { pattern: '(alpha|beta)$' },
  { pattern: 'a\\.b\\(c\\)' },
  { pattern: 'A\\.B\\(C\\)', '-i': true },
  { pattern: '\\[x\\]/y' },
  { pattern: 'tok\\w+\\s' }
]

function countsOf(content: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of content.split('\n')) {
    if (line.startsWith('[') || line === '--' || line === 'No matches found.') continue
    const file = line.slice(0, line.lastIndexOf(':'))
    counts.set(file, Number(line.slice(line.lastIndexOf(':') + 1)))
  }
  return counts
}

function linesPerFile(content: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of content.split('\n')) {
    if (line.startsWith('[') || line === '--' || line === 'No matches found.') continue
    const file = /^(.*?):\d+:/.exec(line)?.[1] ?? line
    counts.set(file, (counts.get(file) ?? 0) + 1)
  }
  return counts
}

describe('Grep counts and paths agree with its matching lines', () => {
  let workspace: string
  beforeAll(async () => {
    workspace = await makeWorkspace(FILES)
  })
  afterAll(async () => {
    await removeDir(workspace)
  })

  it.each(PATTERNS)('%j', async call => {
    const context = makeContext(workspace)
    const run = async (extra: Record<string, unknown>): Promise<string> =>
      (await grepTool.execute(grepTool.parse({ ...call, ...extra }), context)).content
    const content = linesPerFile(await run({ output_mode: 'content', head_limit: 1000 }))
    const counts = countsOf(await run({ output_mode: 'count', head_limit: 1000 }))
    const files = (await run({ head_limit: 1000 }))
      .split('\n')
      .filter(line => !line.startsWith('[') && line !== 'No matches found.')
    expect(counts).toEqual(content)
    expect(files.sort()).toEqual([...content.keys()].sort())
  })

  it('finds the Kelvin sign with -i, as the pattern does', async () => {
    const context = makeContext(workspace)
    const result = await grepTool.execute(
      grepTool.parse({ pattern: 'token', '-i': true, output_mode: 'count' }),
      context
    )
    expect(result.content).toContain('kelvin.txt:2')
  })
})
