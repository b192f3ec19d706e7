import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { grepTool } from '../../src/tools/grep.js'
import { ToolInputError } from '../../src/tools/tool.js'
import { addFiles, age, makeContext, makeWorkspace, removeDir } from './helpers.js'

describe('Grep', () => {
  let workspace: string
  beforeEach(async () => {
    workspace = await makeWorkspace({
      '.gitignore': 'build/\n',
      'src/a.ts': 'const token = 1\nexport function load() {\n  return token\n}\n',
      'src/b.py': 'TOKEN = 2\n',
      'src/c.md': 'no match here\n',
      'build/out.js': 'const token = 3\n',
      '.env': 'API_TOKEN=super-secret-value\n',
      'bin.dat': Buffer.concat([Buffer.from('token'), Buffer.from([0, 1, 2])])
    })
    await age(path.join(workspace, 'src/b.py'), 100)
  })
  afterEach(async () => {
    await removeDir(workspace)
  })

  const noEnv = (file: string) => file !== '.env' && !file.endsWith('/.env')
  const grep = (input: unknown, canRead: (p: string) => boolean = () => true) =>
    grepTool.execute(grepTool.parse(input), makeContext(workspace, { canRead }))

  it('lists matching files, newest first, skipping ignored and binary files', async () => {
    const result = await grep({ pattern: 'token', '-i': true })
    expect(result.content.split('\n')).toEqual(['.env', 'src/a.ts', 'src/b.py'])
  })

  it('shows matching lines with line numbers and context', async () => {
    const result = await grep({ pattern: 'return', output_mode: 'content', path: 'src', '-B': 1 })
    expect(result.content).toBe('src/a.ts-2-export function load() {\nsrc/a.ts:3:  return token')
  })

  it('separates groups with -- and can drop line numbers', async () => {
    await addFiles(workspace, { 'src/d.txt': 'hit\n1\n2\n3\n4\nhit\n' })
    const result = await grep({
      pattern: 'hit',
      output_mode: 'content',
      path: 'src/d.txt',
      '-A': 1,
      '-n': false
    })
    expect(result.content).toBe('src/d.txt:hit\nsrc/d.txt-1\n--\nsrc/d.txt:hit')
  })

  it('counts matching lines per file', async () => {
    const result = await grep({ pattern: 'token', output_mode: 'count' }, noEnv)
    expect(result.content).toBe('src/a.ts:2\n[2 matching lines in 1 file.]')
  })

  it('filters by type and by glob', async () => {
    expect((await grep({ pattern: 'token', '-i': true, type: 'py' })).content).toBe('src/b.py')
    expect((await grep({ pattern: 'token', '-i': true, glob: '*.{ts,md}' })).content).toBe(
      'src/a.ts'
    )
  })

  it('never shows a denied file in any output mode', async () => {
    for (const output_mode of ['files_with_matches', 'content', 'count']) {
      const result = await grep({ pattern: 'TOKEN|secret', '-i': true, output_mode }, noEnv)
      expect(result.content).not.toContain('.env')
      expect(result.content).not.toContain('super-secret-value')
      expect(result.content).toContain('src/a.ts')
    }
    // Also when the model names the denied file itself.
    const direct = await grep({ pattern: 'secret', output_mode: 'content', path: '.env' }, noEnv)
    expect(direct.content).toBe('No matches found.')
  })

  it('matches across lines in multiline mode', async () => {
    const result = await grep({
      pattern: 'load\\(\\) \\{.*return',
      multiline: true,
      output_mode: 'content'
    })
    expect(result.content).toBe('src/a.ts:2:export function load() {\nsrc/a.ts:3:  return token')
  })

  it('pages with head_limit and offset and says when more exist', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => `match ${i + 1}`).join('\n')
    await addFiles(workspace, { 'many.txt': `${lines}\n` })
    const first = await grep({ pattern: 'match \\d', output_mode: 'content', head_limit: 3 })
    expect(first.content).toBe(
      'many.txt:1:match 1\nmany.txt:2:match 2\nmany.txt:3:match 3\n' +
        '[Showing results 1-3 of 10+. Use offset=3 for more.]'
    )
    const next = await grep({
      pattern: 'match \\d',
      output_mode: 'content',
      head_limit: 3,
      offset: 8
    })
    expect(next.content).toBe('many.txt:9:match 9\nmany.txt:10:match 10')
    const files = await grep({ pattern: 'o', head_limit: 1 })
    expect(files.content).toMatch(/\[Showing results 1-1 of \d+\. Use offset=1 for more\.\]/)
  })

  it('makes an invalid regex and an unknown type input errors', () => {
    expect(() => grepTool.parse({ pattern: 'foo(' })).toThrow(ToolInputError)
    expect(() => grepTool.parse({ pattern: 'foo(' })).toThrow(/not a valid regular expression/)
    expect(() => grepTool.parse({ pattern: 'x', type: 'cobol' })).toThrow(/known types/)
    expect(() => grepTool.parse({ pattern: 'x', output_mode: 'lines' })).toThrow(/output_mode/)
  })

  it('accepts a leading inline flag as ripgrep writes it', async () => {
    expect((await grep({ pattern: '(?i)^TOKEN', path: 'src' })).content).toBe('src/b.py')
  })

  it('says when nothing matches', async () => {
    expect((await grep({ pattern: 'zzz' })).content).toBe('No matches found.')
  })
})
