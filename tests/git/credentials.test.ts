/**
 * removePersistedCredentials against real git in temp folders, with the config laid out the way
 * actions/checkout lays it out: the header in `.git/config` (checkout v4 and older), and in a
 * `git-credentials-<uuid>.config` under RUNNER_TEMP included with `includeIf.gitdir:` (newer
 * versions), written with the same `git config` commands checkout's git-auth-helper.ts runs.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  credentialSecrets,
  quoteConfigValue,
  removePersistedCredentials,
  restoreCredentials,
  type SavedCredentials
} from '../../src/git/credentials.js'

const GIT_ENV = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1' }

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...GIT_ENV, HOME: cwd } })
}

/** Every extraheader git sees for the repository, with the file it comes from. */
function extraheaders(repo: string): string {
  try {
    return git(
      repo,
      'config',
      '--includes',
      '--show-origin',
      '--get-regexp',
      '^http\\..*extraheader$'
    )
  } catch {
    return ''
  }
}

function basicHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
}

describe('removePersistedCredentials', () => {
  let root: string
  let repo: string
  let runnerTemp: string

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'claw-credentials-')))
    repo = join(root, 'workspace')
    runnerTemp = join(root, 'runner-temp')
    mkdirSync(repo)
    mkdirSync(runnerTemp)
    git(repo, 'init', '-q', '-b', 'main')
    git(repo, 'config', '--local', 'user.name', 'claw test')
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('removes the header checkout v4 writes into .git/config and restores it exactly', async () => {
    const header = basicHeader('ghs_checkoutv4token0000000000000000000')
    git(repo, 'config', '--local', 'http.https://github.com/.extraheader', header)
    const configBefore = readFileSync(join(repo, '.git/config'), 'utf8')
    const listedBefore = extraheaders(repo)

    const credentials = await removePersistedCredentials(repo)
    expect(credentials.removed).toBe(1)
    expect(credentials.saved.entries).toEqual([
      {
        file: join(repo, '.git/config'),
        key: 'http.https://github.com/.extraheader',
        values: [header]
      }
    ])
    expect(extraheaders(repo)).toBe('')
    expect(readFileSync(join(repo, '.git/config'), 'utf8')).not.toContain('basic')
    // The rest of the config is untouched.
    expect(git(repo, 'config', 'user.name')).toBe('claw test\n')

    await credentials.restore()
    expect(extraheaders(repo)).toBe(listedBefore)
    expect(readFileSync(join(repo, '.git/config'), 'utf8')).toBe(configBefore)
  })

  it('removes the header from a file under RUNNER_TEMP included with includeIf.gitdir, as newer checkout writes it', async () => {
    const credentialsFile = join(runnerTemp, 'git-credentials-1b4e28ba-2fa1.config')
    const header = basicHeader('ghs_includediftoken000000000000000000')
    // Checkout writes a placeholder with git, then swaps in the value (git-auth-helper.ts).
    git(
      repo,
      'config',
      '--file',
      credentialsFile,
      'http.https://github.com/.extraheader',
      'AUTHORIZATION: basic ***'
    )
    writeFileSync(
      credentialsFile,
      readFileSync(credentialsFile, 'utf8').replace('AUTHORIZATION: basic ***', header)
    )
    git(repo, 'config', '--local', `includeIf.gitdir:${repo}/.git.path`, credentialsFile)
    git(
      repo,
      'config',
      '--local',
      `includeIf.gitdir:${repo}/.git/worktrees/*.path`,
      credentialsFile
    )
    git(
      repo,
      'config',
      '--local',
      'includeIf.gitdir:/github/workspace/.git.path',
      '/github/runner_temp/git-credentials-1b4e28ba-2fa1.config'
    )
    const fileBefore = readFileSync(credentialsFile, 'utf8')
    const configBefore = readFileSync(join(repo, '.git/config'), 'utf8')
    expect(extraheaders(repo)).toContain(header)

    const credentials = await removePersistedCredentials(repo)
    expect(credentials.removed).toBe(1)
    expect(credentials.saved.entries.map(entry => entry.file)).toEqual([credentialsFile])
    expect(extraheaders(repo)).toBe('')
    expect(readFileSync(credentialsFile, 'utf8')).not.toContain('basic')
    // The include itself stays: the file comes back with the credential in it.
    expect(readFileSync(join(repo, '.git/config'), 'utf8')).toBe(configBefore)

    await credentials.restore()
    expect(readFileSync(credentialsFile, 'utf8')).toBe(fileBefore)
    expect(extraheaders(repo)).toContain(header)
  })

  it('handles include.path relative to .git, several URLs and values, and quoting, from a subfolder', async () => {
    writeFileSync(
      join(repo, '.git', 'extra.config'),
      [
        '[http "https://github.com/"]',
        `\textraheader = ${basicHeader('ghs_relativeincludetoken00000000000')}`,
        '\textraheader = "X-Odd: a;b # c \\"d\\" \\\\ e "',
        '[http "https://ghe.example.com/"]',
        '\textraheader = Authorization: bearer ghe-bearer-token-value',
        ''
      ].join('\n')
    )
    git(repo, 'config', '--local', 'include.path', 'extra.config')
    git(repo, 'config', '--local', 'http.https://github.com/.extraheader', basicHeader('ghs_local'))
    mkdirSync(join(repo, 'src'))
    const listedBefore = extraheaders(repo)
    const extraBefore = readFileSync(join(repo, '.git', 'extra.config'), 'utf8')

    const credentials = await removePersistedCredentials(join(repo, 'src'))
    expect(credentials.removed).toBe(4)
    expect(extraheaders(repo)).toBe('')
    expect(credentials.saved.entries.find(entry => entry.key.includes('ghe'))?.values).toEqual([
      'Authorization: bearer ghe-bearer-token-value'
    ])

    await credentials.restore()
    expect(extraheaders(repo)).toBe(listedBefore)
    expect(readFileSync(join(repo, '.git', 'extra.config'), 'utf8')).toBe(extraBefore)
  })

  it('keeps one value per value in a file included twice, and finds the repository through a symlinked subfolder', async () => {
    writeFileSync(
      join(repo, '.git', 'twice.config'),
      `[http "https://github.com/"]\n\textraheader = ${basicHeader('ghs_includedtwice')}\n`
    )
    git(repo, 'config', '--local', '--add', 'include.path', 'twice.config')
    git(repo, 'config', '--local', '--add', 'include.path', 'twice.config')
    mkdirSync(join(repo, 'src', 'deep'), { recursive: true })
    const link = join(root, 'linked')
    symlinkSync(join(repo, 'src', 'deep'), link)
    const twiceBefore = readFileSync(join(repo, '.git', 'twice.config'), 'utf8')

    const credentials = await removePersistedCredentials(link)
    expect(credentials.removed).toBe(1)
    expect(credentials.saved.entries).toEqual([
      {
        file: join(repo, '.git', 'twice.config'),
        key: 'http.https://github.com/.extraheader',
        values: [basicHeader('ghs_includedtwice')]
      }
    ])
    expect(extraheaders(repo)).toBe('')

    await credentials.restore()
    expect(readFileSync(join(repo, '.git', 'twice.config'), 'utf8')).toBe(twiceBefore)
  })

  it('removes the header from submodule configs, as older checkout persists it there', async () => {
    const moduleConfig = join(repo, '.git', 'modules', 'lib', 'config')
    mkdirSync(join(repo, '.git', 'modules', 'lib'), { recursive: true })
    git(
      repo,
      'config',
      '--file',
      moduleConfig,
      'http.https://github.com/.extraheader',
      basicHeader('ghs_submodule')
    )
    const credentials = await removePersistedCredentials(repo)
    expect(credentials.saved.entries.map(entry => entry.file)).toEqual([moduleConfig])
    expect(readFileSync(moduleConfig, 'utf8')).not.toContain('basic')
    await credentials.restore()
    expect(
      git(repo, 'config', '--file', moduleConfig, 'http.https://github.com/.extraheader')
    ).toBe(`${basicHeader('ghs_submodule')}\n`)
  })

  it('restores idempotently: a second restore (main, then the post step) adds nothing', async () => {
    git(repo, 'config', '--local', 'http.https://github.com/.extraheader', basicHeader('ghs_twice'))
    const credentials = await removePersistedCredentials(repo)
    await credentials.restore()
    const after = readFileSync(join(repo, '.git/config'), 'utf8')
    await restoreCredentials(JSON.parse(JSON.stringify(credentials.saved)) as SavedCredentials)
    expect(readFileSync(join(repo, '.git/config'), 'utf8')).toBe(after)
  })

  it('never puts the credential on a command line when restoring', async () => {
    // A fake git in front of the real one records every command line.
    const bin = join(root, 'bin')
    mkdirSync(bin)
    const log = join(root, 'argv.log')
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`,
      {
        mode: 0o755
      }
    )
    const header = basicHeader('ghs_neverinargv00000000000000000000')
    git(repo, 'config', '--local', 'http.https://github.com/.extraheader', header)
    const savedPath = process.env['PATH']
    process.env['PATH'] = `${bin}:${savedPath ?? ''}`
    try {
      const credentials = await removePersistedCredentials(repo)
      await credentials.restore()
    } finally {
      process.env['PATH'] = savedPath
    }
    const commandLines = readFileSync(log, 'utf8')
    expect(commandLines).toContain('--unset-all')
    expect(commandLines).toContain('--add')
    expect(commandLines).not.toContain(header.split(' ').at(-1))
    expect(extraheaders(repo)).toContain(header)
  })

  it('finds nothing to do in a repository without credentials, or outside any repository', async () => {
    expect((await removePersistedCredentials(repo)).removed).toBe(0)
    const plain = join(root, 'not-a-repo')
    mkdirSync(plain)
    const credentials = await removePersistedCredentials(plain)
    expect(credentials).toMatchObject({ removed: 0, saved: { entries: [] } })
    await credentials.restore()
  })
})

describe('credentialSecrets', () => {
  it('gives the header, the base64 credential, the decoded pair and the token', () => {
    const token = 'ghs_innertokenvalue0000000000000000000'
    const header = basicHeader(token)
    const b64 = header.split(' ').at(-1)
    const secrets = credentialSecrets({
      entries: [
        { file: '/x', key: 'http.https://github.com/.extraheader', values: [header] },
        {
          file: '/y',
          key: 'http.https://h/.extraheader',
          values: ['Authorization: Bearer tok-123456789']
        }
      ]
    })
    expect(secrets).toEqual([
      header,
      b64,
      `x-access-token:${token}`,
      token,
      'Authorization: Bearer tok-123456789',
      'tok-123456789'
    ])
  })
})

describe('quoteConfigValue', () => {
  it('quotes and escapes the way git does, so git reads the value back unchanged', () => {
    const root = mkdtempSync(join(tmpdir(), 'claw-quote-'))
    try {
      const file = join(root, 'config')
      const values = [
        'plain value',
        ' lead',
        'trail ',
        'semi;colon',
        'hash#tag',
        'q"uo\\te',
        'tab\there',
        'new\nline'
      ]
      writeFileSync(
        file,
        `[x]\n${values.map(value => `\tv = ${quoteConfigValue(value)}\n`).join('')}`
      )
      const read = execFileSync('git', ['config', '--file', file, '-z', '--get-all', 'x.v'], {
        encoding: 'utf8',
        env: GIT_ENV
      })
      expect(read.split('\0').slice(0, -1)).toEqual(values)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
