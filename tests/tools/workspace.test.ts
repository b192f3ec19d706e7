import { link, mkdir, symlink } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { ConfinementError, resolveInWorkspace } from '../../src/tools/workspace.js'
import { makeWorkspace, removeDir } from './helpers.js'

describe('resolveInWorkspace', () => {
  let workspace: string
  let outside: string

  beforeEach(async () => {
    workspace = await makeWorkspace({ 'src/a.ts': 'a', '.git/config': '[core]' })
    outside = await makeWorkspace({ 'secret.txt': 'outside' })
  })
  afterEach(async () => {
    await removeDir(workspace)
    await removeDir(outside)
  })

  it('accepts relative and absolute paths inside the workspace', () => {
    expect(resolveInWorkspace(workspace, 'src/a.ts')).toEqual({
      absolute: path.join(workspace, 'src/a.ts'),
      relative: 'src/a.ts'
    })
    expect(resolveInWorkspace(workspace, path.join(workspace, 'src', 'a.ts')).relative).toBe(
      'src/a.ts'
    )
    expect(resolveInWorkspace(workspace, './src/../src/new/b.ts').relative).toBe('src/new/b.ts')
    expect(resolveInWorkspace(workspace, '.').relative).toBe('.')
    expect(resolveInWorkspace(workspace, '..foo').relative).toBe('..foo')
  })

  it.each([['../x'], ['src/../../x'], ['/etc/passwd'], ['a\0b'], ['']])('refuses %j', filePath => {
    expect(() => resolveInWorkspace(workspace, filePath)).toThrow(ConfinementError)
  })

  it('says why in words the model can act on', () => {
    expect(() => resolveInWorkspace(workspace, '/etc/passwd')).toThrow(/outside the workspace/)
  })

  it('refuses a symlink that points outside', async () => {
    await symlink(path.join(outside, 'secret.txt'), path.join(workspace, 'link.txt'))
    expect(() => resolveInWorkspace(workspace, 'link.txt')).toThrow(ConfinementError)
  })

  it('refuses a path below a symlinked folder that points outside, even a new file', async () => {
    await symlink(outside, path.join(workspace, 'linked'))
    expect(() => resolveInWorkspace(workspace, 'linked/secret.txt')).toThrow(ConfinementError)
    expect(() => resolveInWorkspace(workspace, 'linked/new/file.txt', { forWrite: true })).toThrow(
      /symbolic link/
    )
  })

  it('refuses a dangling symlink', async () => {
    await symlink(path.join(outside, 'missing.txt'), path.join(workspace, 'dangling'))
    expect(() => resolveInWorkspace(workspace, 'dangling')).toThrow(ConfinementError)
  })

  it('follows a symlink inside the workspace to its real path', async () => {
    await symlink(path.join(workspace, 'src/a.ts'), path.join(workspace, 'alias.ts'))
    expect(resolveInWorkspace(workspace, 'alias.ts').relative).toBe('src/a.ts')
  })

  it('refuses writes inside .git (any case, any depth) but allows reads', async () => {
    await mkdir(path.join(workspace, 'vendor/lib/.git'), { recursive: true })
    expect(() => resolveInWorkspace(workspace, '.git/config', { forWrite: true })).toThrow(/\.git/)
    expect(() =>
      resolveInWorkspace(workspace, '.GIT/hooks/pre-commit', { forWrite: true })
    ).toThrow(ConfinementError)
    expect(() =>
      resolveInWorkspace(workspace, 'vendor/lib/.git/config', { forWrite: true })
    ).toThrow(ConfinementError)
    expect(resolveInWorkspace(workspace, '.git/config').relative).toBe('.git/config')
    expect(resolveInWorkspace(workspace, '.github/x.yml', { forWrite: true }).relative).toBe(
      '.github/x.yml'
    )
  })

  it('refuses a write through a symlink into .git', async () => {
    await symlink(path.join(workspace, '.git'), path.join(workspace, 'innocent'))
    expect(() => resolveInWorkspace(workspace, 'innocent/config', { forWrite: true })).toThrow(
      ConfinementError
    )
  })

  it('refuses to write a file with several hard links, but reads it', async () => {
    await link(path.join(outside, 'secret.txt'), path.join(workspace, 'src/linked.txt'))
    expect(() => resolveInWorkspace(workspace, 'src/linked.txt', { forWrite: true })).toThrow(
      /2 hard links: it may be linked to a file outside the workspace/
    )
    expect(resolveInWorkspace(workspace, 'src/linked.txt').relative).toBe('src/linked.txt')
    // A folder always has several links; a new file has none yet.
    expect(resolveInWorkspace(workspace, 'src', { forWrite: true }).relative).toBe('src')
    expect(resolveInWorkspace(workspace, 'src/new.ts', { forWrite: true }).relative).toBe(
      'src/new.ts'
    )
  })

  it.each([['.git./config'], ['GIT~1/config'], ['.g\u200cit/config'], ['src/.Git/hooks/x']])(
    'refuses writes into %j, a name some file system reads as .git',
    filePath => {
      expect(() => resolveInWorkspace(workspace, filePath, { forWrite: true })).toThrow(/\.git/)
    }
  )

  it('refuses a NUL byte anywhere in the path', () => {
    expect(() => resolveInWorkspace(workspace, 'src/a.ts\0/../../x', { forWrite: true })).toThrow(
      /NUL byte/
    )
  })
})
