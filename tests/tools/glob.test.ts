import { symlink } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { globTool } from '../../src/tools/glob.js'
import { addFiles, age, makeContext, makeWorkspace, removeDir } from './helpers.js'

describe('Glob', () => {
  let workspace: string
  let outside: string
  beforeEach(async () => {
    workspace = await makeWorkspace({
      '.gitignore': 'node_modules/\n*.log\ndist\n',
      'src/old.ts': '',
      'src/new.ts': '',
      'src/mid.ts': '',
      'src/gen/.gitignore': 'generated.ts\n',
      'src/gen/generated.ts': '',
      'src/gen/kept.ts': '',
      'node_modules/pkg/index.ts': '',
      'dist/out.ts': '',
      'debug.log': '',
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.github/workflows/ci.yml': '',
      '.env': 'SECRET=1',
      'README.md': ''
    })
    outside = await makeWorkspace({ 'elsewhere.ts': '' })
    await age(path.join(workspace, 'src/old.ts'), 300)
    await age(path.join(workspace, 'src/mid.ts'), 200)
    await age(path.join(workspace, 'src/new.ts'), 100)
    await age(path.join(workspace, 'src/gen/kept.ts'), 400)
  })
  afterEach(async () => {
    await removeDir(workspace)
    await removeDir(outside)
  })

  const glob = (input: unknown, canRead: (p: string) => boolean = () => true) =>
    globTool.execute(globTool.parse(input), makeContext(workspace, { canRead }))

  it('lists matches newest first, workspace-relative, honouring root and nested .gitignore', async () => {
    const result = await glob({ pattern: '**/*.ts' })
    expect(result.content.split('\n')).toEqual([
      'src/new.ts',
      'src/mid.ts',
      'src/old.ts',
      'src/gen/kept.ts'
    ])
  })

  it('matches relative to path, and returns workspace-relative paths', async () => {
    const result = await glob({ pattern: '*.ts', path: 'src/gen' })
    expect(result.content).toBe('src/gen/kept.ts')
  })

  it('finds dot folders but never .git', async () => {
    expect((await glob({ pattern: '.github/**/*.yml' })).content).toBe('.github/workflows/ci.yml')
    expect((await glob({ pattern: '**/HEAD' })).content).toBe('No files found.')
  })

  it('filters out what the read policy denies', async () => {
    expect((await glob({ pattern: '.env*' })).content).toBe('.env')
    const denied = await glob({ pattern: '*', path: '.' }, file => file !== '.env')
    expect(denied.content).not.toContain('.env')
    expect(denied.content).toContain('README.md')
  })

  it('searches an ignored folder when asked for it by name', async () => {
    expect((await glob({ pattern: 'node_modules/**/*.ts' })).content).toBe(
      'node_modules/pkg/index.ts'
    )
  })

  it('does not follow symlinks out of the workspace', async () => {
    await symlink(outside, path.join(workspace, 'src/link'))
    expect((await glob({ pattern: '**/elsewhere.ts' })).content).toBe('No files found.')
  })

  it('caps results at 100 and says so', async () => {
    const many: Record<string, string> = {}
    for (let i = 0; i < 120; i++) many[`many/f${i}.txt`] = ''
    await addFiles(workspace, many)
    const result = await glob({ pattern: 'many/*.txt' })
    const lines = result.content.split('\n')
    expect(lines).toHaveLength(101)
    expect(lines[100]).toContain('Showing 100 of 120 files')
  })

  it('refuses a file as path and a missing folder', async () => {
    expect((await glob({ pattern: '*', path: 'README.md' })).is_error).toBe(true)
    expect((await glob({ pattern: '*', path: 'nope' })).content).toContain('does not exist')
  })

  it('stops when aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      globTool.execute(
        globTool.parse({ pattern: '**' }),
        makeContext(workspace, { signal: controller.signal })
      )
    ).rejects.toThrow()
  })
})
