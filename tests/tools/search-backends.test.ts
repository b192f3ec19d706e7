import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { globTool } from '../../src/tools/glob.js'
import { grepTool } from '../../src/tools/grep.js'
import { findOnPath, readIndex, SEARCH_BACKEND_VARIABLE } from '../../src/tools/search/backend.js'
import { requiredLiterals } from '../../src/tools/search/literals.js'
import { globSource, grepSource } from '../../src/tools/search/sources.js'
import { addFiles, age, makeContext, makeWorkspace, removeDir } from './helpers.js'

// rg is found on PATH (Debian's `ripgrep` package, or a copy put there); without it the rg
// cases are skipped and say so in their titles.
const rg = findOnPath('rg', process.env)
const withRg = rg === undefined ? it.skip : it
const RG_TITLE = rg === undefined ? ' (skipped: no rg on PATH)' : ''

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com'
}
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV })
}

const SECRET = 'token-super-secret-value'
/** The read policy of the tests: `.env` files and `secrets/` are denied. */
const canRead = (file: string): boolean =>
  !file.split('/').includes('.env') && !file.startsWith('secrets/')

/** A tree with every case a lister could get wrong. */
async function makeTree(): Promise<string> {
  const workspace = await makeWorkspace({
    '.gitignore': 'build/\n*.log\n!keep.log\n/generated.ts\n',
    'src/a.ts': 'const token = 1\nexport function load() {\n  return token\n}\n',
    'src/b.py': 'TOKEN = 2\n',
    'src/deep/c.js': '// a token in a comment\nconst tokens = [token]\n',
    'src/deep/d.md': 'no match here\n',
    'pkg/.gitignore': '*.tmp\n!important.tmp\n',
    'pkg/a.tmp': 'token in an ignored tmp file\n',
    'pkg/important.tmp': 'token in a kept tmp file\n',
    'pkg/nested/.gitignore': '!*.tmp\n',
    'pkg/nested/back.tmp': 'token brought back by a nested negation\n',
    'debug.log': 'token in a log\n',
    'keep.log': 'token in a kept log\n',
    'generated.ts': 'token generated\n',
    'src/generated.ts': 'token not anchored\n',
    '.hidden.ts': 'token in a dot file\n',
    '.config/deep/UPPER.TS': 'token in an upper-case extension\n',
    '.config/settings.json': '{ "token": true }\n',
    '.env': `API_TOKEN=${SECRET}\n`,
    'secrets/key.txt': `${SECRET}\n`,
    'bin.dat': Buffer.concat([Buffer.from('token'), Buffer.from([0, 1, 2])]),
    // A NUL past the first 8 KiB: text to the walk (ripgrep would stop at the NUL by default).
    'late-nul.txt': Buffer.concat([
      Buffer.from('x'.repeat(9000)),
      Buffer.from([0]),
      Buffer.from('\ntoken after a NUL\n')
    ]),
    'crlf.txt': 'a token here\r\nsecond line\r\n',
    // Latin-1: the é byte is invalid UTF-8 and decodes to U+FFFD.
    'latin1.txt': Buffer.from('caf\xe9 token\n', 'latin1'),
    'bom.txt': '\ufefftoken first\n',
    'kelvin.txt': 'TO\u212aEN with a Kelvin sign\n',
    'build/tracked.js': 'token tracked although ignored\n',
    'build/untracked.js': 'token ignored\n',
    'excluded.txt': 'token excluded by info/exclude\n',
    // git lists these in byte order (`a b.txt`, `a-b/`, `a.js`, `a/`); the walk yields `a/` first.
    'ord/a.js': 'token order\n',
    'ord/a/b.js': 'token order\n',
    'ord/a-b/c.js': 'token order\n',
    'ord/a b.txt': 'token order\n',
    'ord/a0.js': 'token order\n',
    'many.txt': Array.from({ length: 8 }, (_, i) => `token line ${i}`).join('\n') + '\n'
  })
  await writeFile(path.join(workspace, 'big.txt'), `token\n${'y'.repeat(10 * 1024 * 1024)}\n`)
  await writeFile(path.join(workspace, 'big-no-match.txt'), 'z'.repeat(10 * 1024 * 1024 + 10))
  await symlink('src/a.ts', path.join(workspace, 'link.ts'))
  await symlink('src', path.join(workspace, 'linkdir'))
  git(workspace, 'init', '-q')
  await mkdir(path.join(workspace, '.git', 'info'), { recursive: true })
  await writeFile(path.join(workspace, '.git', 'info', 'exclude'), 'excluded.txt\n')
  git(workspace, 'add', '.')
  git(workspace, 'add', '-f', 'build/tracked.js')
  git(workspace, 'commit', '-qm', 'tree')
  // Untracked after the commit.
  await addFiles(workspace, { 'untracked.ts': 'const token = "untracked"\n' })
  let seconds = 1000
  for (const file of ['src/b.py', 'src/deep/c.js', 'keep.log', 'src/a.ts', 'untracked.ts']) {
    await age(path.join(workspace, file), (seconds -= 100))
  }
  return workspace
}

const GREP_CALLS: Record<string, unknown>[] = [
  { pattern: 'token' },
  { pattern: 'token', output_mode: 'content' },
  { pattern: 'token', output_mode: 'count' },
  { pattern: 'TOKEN', '-i': true },
  { pattern: 'TOKEN', '-i': true, output_mode: 'content' },
  { pattern: '(?i)token', output_mode: 'count' },
  { pattern: 'here$', output_mode: 'content' },
  { pattern: 'caf. token', output_mode: 'content' },
  { pattern: '^token first', output_mode: 'content' },
  { pattern: 'tok(en|ens)\\b', glob: '*.{ts,js}', output_mode: 'content' },
  { pattern: 'token', type: 'js' },
  { pattern: 'token', type: 'ts', output_mode: 'content' },
  { pattern: 'token', type: 'ts', path: 'src' },
  { pattern: 'token', path: 'pkg' },
  { pattern: 'token', path: 'build', output_mode: 'content' },
  { pattern: 'token', path: 'src/deep' },
  { pattern: 'token', output_mode: 'content', head_limit: 3 },
  { pattern: 'token order', output_mode: 'content', head_limit: 2 },
  { pattern: 'token order', output_mode: 'content', head_limit: 4 },
  { pattern: 'token', output_mode: 'content', head_limit: 2, offset: 4 },
  { pattern: 'token', output_mode: 'content', '-C': 1 },
  { pattern: 'load\\(\\) \\{.*return', multiline: true, output_mode: 'content' },
  { pattern: 'token\\s+line\\s+[0-3]', output_mode: 'content' },
  { pattern: 'after a NUL', output_mode: 'content' },
  { pattern: 'secret', '-i': true, output_mode: 'content' },
  { pattern: '\\d+', output_mode: 'count' },
  { pattern: 'no such text anywhere' }
]

const GLOB_CALLS: Record<string, unknown>[] = [
  { pattern: '**/*.ts' },
  { pattern: '**/*' },
  { pattern: '*.log' },
  { pattern: 'pkg/**' },
  { pattern: '**/*.tmp' },
  { pattern: '**/.env' },
  { pattern: '**/*.js', path: 'build' },
  { pattern: '**/*.txt', path: 'src' },
  { pattern: 'src/deep/*' }
]

describe('Grep and Glob give the same results with each file lister', () => {
  let workspace: string
  const saved = process.env[SEARCH_BACKEND_VARIABLE]
  beforeAll(async () => {
    workspace = await makeTree()
  }, 30_000)
  afterAll(async () => {
    await removeDir(workspace)
  })
  afterEach(() => {
    if (saved === undefined) delete process.env[SEARCH_BACKEND_VARIABLE]
    else process.env[SEARCH_BACKEND_VARIABLE] = saved
  })

  const context = () => makeContext(workspace, { canRead })
  async function results(backend: string): Promise<string[]> {
    process.env[SEARCH_BACKEND_VARIABLE] = backend
    const out: string[] = []
    for (const call of GREP_CALLS) {
      out.push((await grepTool.execute(grepTool.parse(call), context())).content)
    }
    for (const call of GLOB_CALLS) {
      out.push((await globTool.execute(globTool.parse(call), context())).content)
    }
    return out
  }

  it('the walk gives the expected answers on this tree', async () => {
    const js = await results('js')
    expect(js[0]?.split('\n').sort()).toEqual([
      '.config/deep/UPPER.TS',
      '.config/settings.json',
      '.hidden.ts',
      'bom.txt',
      'crlf.txt',
      'keep.log',
      'late-nul.txt',
      'latin1.txt',
      'many.txt',
      'ord/a b.txt',
      'ord/a-b/c.js',
      'ord/a.js',
      'ord/a/b.js',
      'ord/a0.js',
      'pkg/important.tmp',
      'pkg/nested/back.tmp',
      'src/a.ts',
      'src/deep/c.js',
      'src/generated.ts',
      'untracked.ts'
    ])
    // The cases the listers could get wrong are all in the walk's answers.
    const all = js.join('\n')
    for (const expected of [
      'pkg/important.tmp',
      'pkg/nested/back.tmp',
      'build/tracked.js', // only through path: "build"
      'late-nul.txt:2:token after a NUL',
      'crlf.txt:1:a token here',
      'latin1.txt:1:caf\ufffd token',
      'bom.txt:1:\ufefftoken first',
      'kelvin.txt'
    ]) {
      expect(all).toContain(expected)
    }
    // big.txt holds the word but is over 10 MB: never searched (not in js[0] above), and no
    // note counts it.
    for (const absent of [
      'pkg/a.tmp',
      'debug.log',
      'excluded.txt',
      'link.ts',
      'linkdir/',
      'over 10 MB'
    ]) {
      expect(all).not.toContain(absent)
    }
  })

  it('git ls-files and git grep give the same answers as the walk', async () => {
    expect(await results('git')).toEqual(await results('js'))
  })

  withRg(`rg gives the same answers as the walk${RG_TITLE}`, async () => {
    expect(await results('rg')).toEqual(await results('js'))
  })

  it('the listers really run on this tree (not a silent fallback)', async () => {
    const backends = rg === undefined ? ['git'] : ['git', 'rg']
    for (const backend of backends) {
      process.env[SEARCH_BACKEND_VARIABLE] = backend
      const stats = { filesWalked: 0, capped: false }
      const required = requiredLiterals(/token/u)
      expect((await grepSource(context(), workspace, required, stats)).backend).toBe(backend)
      expect((await globSource(context(), workspace, stats)).backend).toBe(backend)
    }
  })

  it("never shows a denied file's content, whichever lister runs", async () => {
    for (const backend of ['js', 'git', ...(rg === undefined ? [] : ['rg'])]) {
      const out = await results(backend)
      expect(out.join('\n')).not.toContain(SECRET)
      expect(out.join('\n')).not.toContain('secrets/key.txt')
      expect(out.join('\n')).not.toMatch(/(^|\n)\.env/)
    }
  })
})

describe("reading git's index", () => {
  let workspace: string
  const saved = process.env[SEARCH_BACKEND_VARIABLE]
  afterEach(async () => {
    if (saved === undefined) delete process.env[SEARCH_BACKEND_VARIABLE]
    else process.env[SEARCH_BACKEND_VARIABLE] = saved
    await removeDir(workspace)
  })

  // Version 3 holds extended flags (intent-to-add here), version 4 compresses the names; long
  // and non-ASCII names and a large file test the entries' layout and sizes.
  it.each([2, 3, 4])("gives the walk's answers with index version %i", async version => {
    const files: Record<string, string> = {
      'a.ts': 'token\n',
      'src/deep/b.ts': 'token\n',
      'src/deep/bb.ts': 'token\n',
      'src/déjà vu.ts': 'token\n',
      [`long/${'x'.repeat(120)}.ts`]: 'token\n',
      'intent.ts': 'token\n'
    }
    workspace = await makeWorkspace(files)
    await writeFile(path.join(workspace, 'big.ts'), `token\n${'y'.repeat(10 * 1024 * 1024)}\n`)
    git(workspace, 'init', '-q')
    git(workspace, 'add', '.', ':!intent.ts')
    git(workspace, 'add', '-N', 'intent.ts')
    git(workspace, 'update-index', '--index-version', String(version))
    const context = makeContext(workspace)
    const answers = async (backend: string): Promise<string[]> => {
      process.env[SEARCH_BACKEND_VARIABLE] = backend
      return [
        (await grepTool.execute(grepTool.parse({ pattern: 'token' }), context)).content,
        (await globTool.execute(globTool.parse({ pattern: '**/*.ts' }), context)).content
      ]
    }
    // Read directly, not left to `git ls-files`; in git's order.
    const search = { workspace, env: context.childEnv, signal: context.signal }
    const tracked = git(workspace, 'ls-files', '-z').split('\0').filter(Boolean)
    expect(await readIndex(search)).toEqual({ paths: tracked, submodule: false, large: ['big.ts'] })
    const js = await answers('js')
    expect(js[0]?.split('\n').sort()).toEqual(Object.keys(files).sort())
    expect(await answers('git')).toEqual(js)
  })
})

describe('falling back to the walk', () => {
  let workspace: string
  const saved = { search: process.env[SEARCH_BACKEND_VARIABLE] }
  afterEach(async () => {
    if (saved.search === undefined) delete process.env[SEARCH_BACKEND_VARIABLE]
    else process.env[SEARCH_BACKEND_VARIABLE] = saved.search
    await removeDir(workspace)
  })

  it('walks when CLAW_SEARCH=rg and there is no rg on PATH', async () => {
    workspace = await makeWorkspace({ 'a.ts': 'token\n', 'b.ts': 'nothing\n' })
    process.env[SEARCH_BACKEND_VARIABLE] = 'rg'
    const context = makeContext(workspace, { childEnv: { PATH: '/nonexistent' } })
    const stats = { filesWalked: 0, capped: false }
    expect((await grepSource(context, workspace, requiredLiterals(/token/), stats)).backend).toBe(
      'js'
    )
    const result = await grepTool.execute(grepTool.parse({ pattern: 'token' }), context)
    expect(result.content).toBe('a.ts')
  })

  it('walks when CLAW_SEARCH=git and the workspace is not a git work tree', async () => {
    workspace = await makeWorkspace({ 'a.ts': 'token\n' })
    process.env[SEARCH_BACKEND_VARIABLE] = 'git'
    const context = makeContext(workspace)
    const stats = { filesWalked: 0, capped: false }
    expect((await globSource(context, workspace, stats)).backend).toBe('js')
    expect((await globTool.execute(globTool.parse({ pattern: '*.ts' }), context)).content).toBe(
      'a.ts'
    )
  })

  it('walks when the pattern has no required literal', async () => {
    workspace = await makeWorkspace({ 'a.ts': 'x = 12\n' })
    git(workspace, 'init', '-q')
    process.env[SEARCH_BACKEND_VARIABLE] = 'git'
    const context = makeContext(workspace)
    const stats = { filesWalked: 0, capped: false }
    const required = requiredLiterals(/\d+/u)
    expect(required).toBeUndefined()
    expect((await grepSource(context, workspace, required, stats)).backend).toBe('js')
    const result = await grepTool.execute(
      grepTool.parse({ pattern: '\\d+', output_mode: 'content' }),
      context
    )
    expect(result.content).toBe('a.ts:1:x = 12')
  })

  it('walks when git has a nested repository whose files it does not list', async () => {
    workspace = await makeWorkspace({ 'a.ts': 'token\n', 'inner/b.ts': 'token\n' })
    git(path.join(workspace, 'inner'), 'init', '-q')
    git(workspace, 'init', '-q')
    process.env[SEARCH_BACKEND_VARIABLE] = 'git'
    const context = makeContext(workspace)
    const stats = { filesWalked: 0, capped: false }
    expect((await globSource(context, workspace, stats)).backend).toBe('js')
    const result = await grepTool.execute(grepTool.parse({ pattern: 'token' }), context)
    expect(result.content.split('\n').sort()).toEqual(['a.ts', 'inner/b.ts'])
  })

  it('ignores an unknown CLAW_SEARCH value', async () => {
    workspace = await makeWorkspace({ 'a.ts': 'token\n' })
    process.env[SEARCH_BACKEND_VARIABLE] = 'turbo'
    const context = makeContext(workspace)
    expect((await grepTool.execute(grepTool.parse({ pattern: 'token' }), context)).content).toBe(
      'a.ts'
    )
  })

  it('walks when the run is cancelled while a lister runs', async () => {
    workspace = await makeWorkspace({ 'a.ts': 'token\n' })
    git(workspace, 'init', '-q')
    process.env[SEARCH_BACKEND_VARIABLE] = 'git'
    const controller = new AbortController()
    controller.abort()
    const context = makeContext(workspace, { signal: controller.signal })
    await expect(grepTool.execute(grepTool.parse({ pattern: 'token' }), context)).rejects.toThrow()
  })
})
