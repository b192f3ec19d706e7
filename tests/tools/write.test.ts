import { chmod, link, readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readTool } from '../../src/tools/read.js'
import { writeTool } from '../../src/tools/write.js'
import type { ToolContext } from '../../src/tools/tool.js'
import { addFiles, makeContext, makeWorkspace, removeDir } from './helpers.js'

describe('Write', () => {
  let workspace: string
  let context: ToolContext
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'existing.txt': 'old\n' })
    context = makeContext(workspace)
  })
  afterEach(async () => {
    await removeDir(workspace)
  })

  const write = (input: unknown) => writeTool.execute(writeTool.parse(input), context)
  const read = (file: string) => readTool.execute(readTool.parse({ file_path: file }), context)

  it('creates a file and its parent folders, and counts lines', async () => {
    const result = await write({ file_path: 'a/b/new.ts', content: 'x\ny\n' })
    expect(result.content).toBe('Created a/b/new.ts (2 lines).')
    expect(await readFile(path.join(workspace, 'a/b/new.ts'), 'utf8')).toBe('x\ny\n')
    // A file it wrote counts as read: it can write it again straight away.
    expect((await write({ file_path: 'a/b/new.ts', content: 'z' })).content).toBe(
      'Overwrote a/b/new.ts (1 line).'
    )
  })

  it('refuses to overwrite a file that was not read in this session', async () => {
    const result = await write({ file_path: 'existing.txt', content: 'new' })
    expect(result.is_error).toBe(true)
    expect(result.content).toMatch(/has not been read.*Read it first/)
    expect(await readFile(path.join(workspace, 'existing.txt'), 'utf8')).toBe('old\n')
  })

  it('overwrites a file after Read', async () => {
    await read('existing.txt')
    const result = await write({ file_path: 'existing.txt', content: 'new\n' })
    expect(result.content).toBe('Overwrote existing.txt (1 line).')
    expect(await readFile(path.join(workspace, 'existing.txt'), 'utf8')).toBe('new\n')
  })

  it('refuses to overwrite a file that changed on disk since it was read', async () => {
    await read('existing.txt')
    await addFiles(workspace, { 'existing.txt': 'changed by a formatter\n' })
    const result = await write({ file_path: 'existing.txt', content: 'new\n' })
    expect(result.is_error).toBe(true)
    expect(result.content).toMatch(/changed on disk.*Read it again/)
    expect(await readFile(path.join(workspace, 'existing.txt'), 'utf8')).toBe(
      'changed by a formatter\n'
    )
  })

  it('writes atomically: no temporary file is left, the mode is kept', async () => {
    await addFiles(workspace, { 'run.sh': 'echo 1\n' })
    await chmod(path.join(workspace, 'run.sh'), 0o755)
    await read('run.sh')
    await write({ file_path: 'run.sh', content: 'echo 2\n' })
    expect((await stat(path.join(workspace, 'run.sh'))).mode & 0o777).toBe(0o755)
    expect((await readdir(workspace)).sort()).toEqual(['existing.txt', 'run.sh'])
  })

  it('refuses a folder as the target', async () => {
    await addFiles(workspace, { 'dir/x': '' })
    const result = await write({ file_path: 'dir', content: '' })
    expect(result.is_error).toBe(true)
    expect(result.content).toContain('folder')
  })

  it('refuses a path outside the workspace or inside .git', async () => {
    await expect(write({ file_path: '../escape.txt', content: 'x' })).rejects.toThrow(/outside/)
    await expect(write({ file_path: '.git/config', content: 'x' })).rejects.toThrow(/\.git/)
  })

  it('refuses any case of .git, symlinks out, NUL bytes and hard-linked files', async () => {
    const outside = await makeWorkspace({ profile: 'safe\n' })
    try {
      await link(path.join(outside, 'profile'), path.join(workspace, 'hardlink'))
      await read('hardlink')
      await expect(write({ file_path: 'hardlink', content: 'evil' })).rejects.toThrow(
        /hard links: it may be linked to a file outside the workspace/
      )
      expect(await readFile(path.join(outside, 'profile'), 'utf8')).toBe('safe\n')
      await expect(write({ file_path: '.GIT/hooks/pre-commit', content: 'x' })).rejects.toThrow(
        /\.git/
      )
      await expect(write({ file_path: 'a/.Git/config', content: 'x' })).rejects.toThrow(/\.git/)
      await expect(write({ file_path: 'x\0.txt', content: 'x' })).rejects.toThrow(/NUL/)
      await expect(write({ file_path: `${outside}/new.txt`, content: 'x' })).rejects.toThrow(
        /outside/
      )
    } finally {
      await removeDir(outside)
    }
  })
})
