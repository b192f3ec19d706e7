import { createHash } from 'node:crypto'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readTool } from '../../src/tools/read.js'
import { addFiles, makeContext, makeWorkspace, removeDir } from './helpers.js'

describe('Read', () => {
  let workspace: string
  beforeEach(async () => {
    workspace = await makeWorkspace({
      'src/a.ts': 'one\ntwo\nthree\n',
      'crlf.txt': 'first\r\nsecond\r\n',
      'empty.txt': '',
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])
    })
  })
  afterEach(async () => {
    await removeDir(workspace)
  })

  const read = (input: unknown, context = makeContext(workspace)) =>
    readTool.execute(readTool.parse(input), context)

  it('numbers lines like cat -n and records the file as read', async () => {
    const context = makeContext(workspace)
    const result = await read({ file_path: 'src/a.ts' }, context)
    expect(result.content).toBe('1\tone\n2\ttwo\n3\tthree')
    expect(result.is_error).toBeUndefined()
    const hash = createHash('sha256').update('one\ntwo\nthree\n').digest('hex')
    expect(context.readFiles.get(path.join(workspace, 'src/a.ts'))).toBe(hash)
  })

  it('accepts an absolute path and shows CRLF lines without \\r', async () => {
    const result = await read({ file_path: path.join(workspace, 'crlf.txt') })
    expect(result.content).toBe('1\tfirst\n2\tsecond')
  })

  it('reads a window with offset and limit and says where the rest is', async () => {
    await addFiles(workspace, {
      'long.txt': Array.from({ length: 3000 }, (_, i) => `line ${i + 1}`).join('\n')
    })
    const part = await read({ file_path: 'long.txt', offset: 10, limit: 2 })
    expect(part.content).toBe(
      '10\tline 10\n11\tline 11\n[Lines 10-11 of 3000. Read more with offset=12.]'
    )
    const whole = await read({ file_path: 'long.txt' })
    expect(whole.content.split('\n')).toHaveLength(2001)
    expect(whole.content).toContain('[Lines 1-2000 of 3000. Read more with offset=2001.]')
  })

  it('cuts lines longer than 2000 characters with a marker', async () => {
    await addFiles(workspace, { 'wide.txt': 'x'.repeat(2500) })
    const result = await read({ file_path: 'wide.txt' })
    expect(result.content).toContain('[line cut: 500 more characters]')
    expect(result.content.length).toBeLessThan(2100)
  })

  it('notes an empty file (and records it)', async () => {
    const context = makeContext(workspace)
    const result = await read({ file_path: 'empty.txt' }, context)
    expect(result.content).toContain('file is empty')
    expect(context.readFiles.has(path.join(workspace, 'empty.txt'))).toBe(true)
  })

  it('refuses a binary file', async () => {
    const result = await read({ file_path: 'image.png' })
    expect(result.is_error).toBe(true)
    expect(result.content).toContain('binary')
  })

  it('refuses a folder and points to Glob', async () => {
    const result = await read({ file_path: 'src' })
    expect(result.is_error).toBe(true)
    expect(result.content).toMatch(/folder.*Glob/)
  })

  it('says a missing file does not exist and suggests Glob', async () => {
    const result = await read({ file_path: 'src/nope.ts' })
    expect(result.is_error).toBe(true)
    expect(result.content).toMatch(/does not exist.*Glob/)
  })

  it('says when the offset is past the end', async () => {
    const result = await read({ file_path: 'src/a.ts', offset: 10 })
    expect(result.is_error).toBe(true)
    expect(result.content).toContain('has 3 lines')
  })

  it('refuses a file over the size cap unless offset or limit is given', async () => {
    const big = path.join(workspace, 'big.log')
    await addFiles(workspace, { 'big.log': 'a line of text\n'.repeat(750_000) })
    const refused = await read({ file_path: 'big.log' })
    expect(refused.is_error).toBe(true)
    expect(refused.content).toMatch(/over the 10 MB limit.*offset/)
    const context = makeContext(workspace)
    const part = await read({ file_path: 'big.log', offset: 749_999, limit: 5 }, context)
    expect(part.content).toBe(
      '749999\ta line of text\n750000\ta line of text\n[Lines 749999-750000 of 750000.]'
    )
    expect(context.readFiles.has(big)).toBe(true)
  })

  it('refuses bad input', () => {
    expect(() => readTool.parse({ file_path: 'a', offset: 0 })).toThrow(/at least 1/)
    expect(() => readTool.parse({ path: 'a' })).toThrow(/no field "path"/)
  })
})
