import { link, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { editTool } from '../../src/tools/edit.js'
import { readTool } from '../../src/tools/read.js'
import type { ToolContext } from '../../src/tools/tool.js'
import { addFiles, makeContext, makeWorkspace, removeDir } from './helpers.js'

const SOURCE = [
  'function add(a, b) {',
  '  return a + b',
  '}',
  '',
  'function sub(a, b) {',
  '  return a - b',
  '}',
  ''
].join('\n')

describe('Edit', () => {
  let workspace: string
  let context: ToolContext
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'math.js': SOURCE, 'dos.txt': 'alpha\r\nbeta\r\ngamma\r\n' })
    context = makeContext(workspace)
  })
  afterEach(async () => {
    await removeDir(workspace)
  })

  const edit = (input: unknown) => editTool.execute(editTool.parse(input), context)
  const read = (file: string) => readTool.execute(readTool.parse({ file_path: file }), context)
  const content = (file: string) => readFile(path.join(workspace, file), 'utf8')

  it('replaces a unique string and shows the changed lines with numbers', async () => {
    await read('math.js')
    const result = await edit({
      file_path: 'math.js',
      old_string: '  return a - b',
      new_string: '  // subtract\n  return a - b'
    })
    expect(result.is_error).toBeUndefined()
    expect(result.content).toContain('Edited math.js (1 replacement)')
    expect(result.content).toContain('6\t  // subtract')
    expect(result.content).toContain('7\t  return a - b')
    expect(await content('math.js')).toBe(
      SOURCE.replace('  return a - b', '  // subtract\n  return a - b')
    )
  })

  it('requires a Read first', async () => {
    const result = await edit({ file_path: 'math.js', old_string: 'add', new_string: 'plus' })
    expect(result.is_error).toBe(true)
    expect(result.content).toContain('Read it first')
    expect(await content('math.js')).toBe(SOURCE)
  })

  it('refuses when the file changed since it was read', async () => {
    await read('math.js')
    await addFiles(workspace, { 'math.js': `${SOURCE}// more\n` })
    const result = await edit({ file_path: 'math.js', old_string: 'add', new_string: 'plus' })
    expect(result.is_error).toBe(true)
    expect(result.content).toContain('changed on disk')
  })

  it('says when old_string is not found', async () => {
    await read('math.js')
    const result = await edit({ file_path: 'math.js', old_string: 'mul(', new_string: 'x' })
    expect(result.is_error).toBe(true)
    expect(result.content).toMatch(/not found.*exactly/)
  })

  it('refuses several matches without replace_all, and replaces all with it', async () => {
    await read('math.js')
    const refused = await edit({ file_path: 'math.js', old_string: '(a, b)', new_string: '(x, y)' })
    expect(refused.is_error).toBe(true)
    expect(refused.content).toMatch(/occurs 2 times.*replace_all/)
    const done = await edit({
      file_path: 'math.js',
      old_string: '(a, b)',
      new_string: '(x, y)',
      replace_all: true
    })
    expect(done.content).toContain('2 replacements')
    expect((await content('math.js')).match(/\(x, y\)/g)).toHaveLength(2)
  })

  it('refuses old_string equal to new_string, or empty', () => {
    expect(() => editTool.parse({ file_path: 'a', old_string: 'x', new_string: 'x' })).toThrow(
      /same/
    )
    expect(() => editTool.parse({ file_path: 'a', old_string: '', new_string: 'x' })).toThrow(
      /empty/
    )
  })

  it('keeps CRLF line endings when the model writes \\n', async () => {
    await read('dos.txt')
    const result = await edit({
      file_path: 'dos.txt',
      old_string: 'alpha\nbeta',
      new_string: 'alpha\nbeta\nbeta2'
    })
    expect(result.is_error).toBeUndefined()
    expect(await content('dos.txt')).toBe('alpha\r\nbeta\r\nbeta2\r\ngamma\r\n')
  })

  it('takes $ in new_string literally', async () => {
    await read('math.js')
    await edit({ file_path: 'math.js', old_string: 'a + b', new_string: "`$&${a}` + '$1'" })
    expect(await content('math.js')).toContain("return `$&${a}` + '$1'")
  })

  it('can edit again after its own edit without another Read', async () => {
    await read('math.js')
    await edit({ file_path: 'math.js', old_string: 'add', new_string: 'plus' })
    const again = await edit({ file_path: 'math.js', old_string: 'plus', new_string: 'sum' })
    expect(again.is_error).toBeUndefined()
    expect(await content('math.js')).toContain('function sum(a, b)')
  })

  it('says a missing file does not exist and suggests Write', async () => {
    const result = await edit({ file_path: 'none.js', old_string: 'a', new_string: 'b' })
    expect(result.is_error).toBe(true)
    expect(result.content).toMatch(/does not exist.*Write/)
  })

  it('refuses .git in any case, paths outside, and hard-linked files', async () => {
    await mkdir(path.join(workspace, '.git'), { recursive: true })
    await writeFile(path.join(workspace, '.git/config'), '[core]\n')
    await expect(
      edit({ file_path: '.git/config', old_string: '[core]', new_string: '[x]' })
    ).rejects.toThrow(/\.git/)
    await expect(
      edit({ file_path: '.GIT/config', old_string: '[core]', new_string: '[x]' })
    ).rejects.toThrow(/\.git/)
    await expect(edit({ file_path: '../x.js', old_string: 'a', new_string: 'b' })).rejects.toThrow(
      /outside/
    )
    const outside = await makeWorkspace({ rc: 'echo safe\n' })
    try {
      await link(path.join(outside, 'rc'), path.join(workspace, 'rc-link'))
      await read('rc-link')
      await expect(
        edit({ file_path: 'rc-link', old_string: 'safe', new_string: 'evil' })
      ).rejects.toThrow(/hard links/)
      expect(await readFile(path.join(outside, 'rc'), 'utf8')).toBe('echo safe\n')
      expect(await content('.git/config')).toBe('[core]\n')
    } finally {
      await removeDir(outside)
    }
  })
})
