/**
 * The post step puts back git credentials main took away when main was killed before it could:
 * it opens the sealed state with the runner's ACTIONS_RUNTIME_TOKEN and the github-token input.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPost } from '../../src/action/post-run.js'
import {
  openCredentials,
  sealCredentials,
  stateKeyMaterial
} from '../../src/action/credential-state.js'
import { removePersistedCredentials } from '../../src/git/credentials.js'

const HEADER = `AUTHORIZATION: basic ${Buffer.from('x-access-token:ghs_postrestore0000000000').toString('base64')}`
const RUNTIME_TOKEN = 'runtime-token-for-sealing'
const GITHUB_TOKEN = 'ghs_input_token_for_sealing'

describe('runPost: git credentials', () => {
  const savedEnvironment = { ...process.env }
  let stdout: string[]
  let repo: string

  beforeEach(() => {
    repo = realpathSync(mkdtempSync(join(tmpdir(), 'claw-post-credentials-')))
    execFileSync('git', ['init', '-q'], { cwd: repo })
    execFileSync('git', ['config', '--local', 'http.https://github.com/.extraheader', HEADER], {
      cwd: repo
    })
    stdout = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    })
    process.env['ACTIONS_RUNTIME_TOKEN'] = RUNTIME_TOKEN
    process.env['INPUT_GITHUB-TOKEN'] = GITHUB_TOKEN
  })
  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...savedEnvironment }
    process.exitCode = undefined
    rmSync(repo, { recursive: true, force: true })
  })

  const config = (): string => readFileSync(join(repo, '.git', 'config'), 'utf8')

  it('restores the credentials main removed, from the sealed state', async () => {
    const credentials = await removePersistedCredentials(repo)
    expect(config()).not.toContain(HEADER)
    const sealed = sealCredentials(credentials.saved, stateKeyMaterial(process.env, GITHUB_TOKEN)!)
    // The state the runner writes to disk holds neither the header nor the token.
    expect(sealed).not.toContain(HEADER.split(' ').at(-1))
    expect(sealed).not.toContain('ghs_postrestore')
    process.env['STATE_git-credentials'] = sealed

    await runPost()
    expect(config()).toContain(HEADER)
    expect(stdout.join('')).toContain(
      "claw: put 1 persisted git credential(s) back into the repository's config."
    )
    expect(stdout.join('')).not.toContain('::warning::')
    expect(process.exitCode).toBeUndefined()
  })

  it('warns, and leaves the exit code alone, when the state cannot be opened', async () => {
    const credentials = await removePersistedCredentials(repo)
    process.env['STATE_git-credentials'] = sealCredentials(credentials.saved, 'other key material')
    await runPost()
    expect(stdout.join('')).toMatch(
      /::warning::claw post step: could not put the persisted git credentials back: the saved git credentials cannot be opened/
    )
    expect(config()).not.toContain(HEADER)
    expect(process.exitCode).toBeUndefined()
  })

  it('does nothing when main cleared the state after restoring itself', async () => {
    process.env['STATE_git-credentials'] = ''
    await runPost()
    expect(stdout.join('')).not.toContain('git credential')
    expect(config()).toContain(HEADER)
  })
})

describe('sealCredentials', () => {
  it('round-trips with the same key material and refuses any other', () => {
    const saved = {
      entries: [{ file: '/r/.git/config', key: 'http.x.extraheader', values: [HEADER] }]
    }
    const material = stateKeyMaterial({ ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN }, GITHUB_TOKEN)!
    const sealed = sealCredentials(saved, material)
    expect(openCredentials(sealed, material)).toEqual(saved)
    expect(() => openCredentials(sealed, stateKeyMaterial({}, GITHUB_TOKEN)!)).toThrow(
      'cannot be opened'
    )
    expect(stateKeyMaterial({}, '')).toBeUndefined()
  })
})
