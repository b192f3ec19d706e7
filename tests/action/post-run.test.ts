import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest
} from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPost } from '../../src/action/post-run.js'
import { runtimeToken, startFakeResults, type FakeResults } from '../fixtures/fake-results.mjs'
import { SAMPLE_SESSION } from '../session/helpers.js'

describe('runPost', () => {
  const savedEnvironment = { ...process.env }
  let stdout: string[]
  let folder: string

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'claw-post-test-'))
    delete process.env['STATE_session-file']
    delete process.env['STATE_session-artifact']
    stdout = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    })
  })

  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...savedEnvironment }
    process.exitCode = undefined
    rmSync(folder, { recursive: true, force: true })
  })

  it('does nothing visible when the main step started no session', async () => {
    await runPost()
    const lines = stdout
      .join('')
      .split('\n')
      .filter(line => line !== '')
    expect(lines.filter(line => !line.startsWith('::debug::'))).toEqual([])
    expect(process.exitCode).toBeUndefined()
  })

  it('says where the session transcript is', async () => {
    const sessionFile = join(folder, 'session.jsonl')
    writeFileSync(sessionFile, '{"type":"header"}\n')
    process.env['STATE_session-file'] = sessionFile
    await runPost()
    expect(stdout.join('')).toContain(`claw: the session transcript is at ${sessionFile}`)
    expect(process.exitCode).toBeUndefined()
  })

  it('says so when the main step wrote no transcript', async () => {
    const sessionFile = join(folder, 'never-written.jsonl')
    process.env['STATE_session-file'] = sessionFile
    await runPost()
    expect(stdout.join('')).toContain(
      `claw: no session transcript was written (expected at ${sessionFile}).`
    )
    expect(process.exitCode).toBeUndefined()
  })
})

describe('runPost: the session artifact', () => {
  const savedEnvironment = { ...process.env }
  let results: FakeResults
  let stdout: string[]
  let folder: string
  let runId = 9100

  beforeAll(async () => {
    results = await startFakeResults()
  })

  afterAll(async () => {
    await results.close()
  })

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'claw-post-artifact-'))
    stdout = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    })
    runId += 1
    // What the runner gives a job, and what main saved.
    Object.assign(process.env, {
      ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, 1),
      ACTIONS_RESULTS_URL: `${results.url}/`,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_TEMP: folder
    })
  })

  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...savedEnvironment }
    process.exitCode = undefined
    rmSync(folder, { recursive: true, force: true })
  })

  function saveState(transcript: string, names: string[]): string {
    const sessionFile = join(folder, 'session.jsonl')
    writeFileSync(sessionFile, transcript)
    process.env['STATE_session-file'] = sessionFile
    process.env['STATE_session-artifact'] = names.join('\n')
    return sessionFile
  }

  const logLines = () => stdout.join('').split('\n')

  it('uploads the transcript under each saved name and says so', async () => {
    saveState(readFileSync(SAMPLE_SESSION, 'utf8'), ['claw-session-issue-42', 'claw-session-pr-43'])
    const summary = join(folder, 'summary.md')
    writeFileSync(summary, '')
    Object.assign(process.env, {
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_RUN_ID: String(runId)
    })
    await runPost()

    const uploaded = results.artifacts.filter(a => a.runId === String(runId))
    expect(uploaded.map(a => a.name)).toEqual(['claw-session-issue-42', 'claw-session-pr-43'])
    for (const artifact of uploaded) {
      expect(logLines()).toContain(
        `claw: uploaded the session as artifact ${artifact.name} (${artifact.size} bytes, id ${artifact.id}).`
      )
    }
    expect(logLines().filter(line => line.startsWith('::warning::'))).toEqual([])
    expect(process.exitCode).toBeUndefined()
    // The job summary links the whole transcript.
    const first = uploaded[0]
    expect(readFileSync(summary, 'utf8')).toContain(
      `Full session transcript: [claw-session-issue-42](https://github.com/octo-org/octo-repo/actions/runs/${runId}/artifacts/${first?.id})`
    )
  })

  it('uploads the transcript of a main step that was cancelled mid-write', async () => {
    // A killed main leaves its last line cut off; that transcript is the one worth reading.
    const cut = readFileSync(SAMPLE_SESSION, 'utf8').trimEnd().slice(0, -30)
    saveState(cut, ['claw-session-issue-44'])
    await runPost()

    const artifact = results.artifacts.find(a => a.runId === String(runId))
    expect(artifact?.name).toBe('claw-session-issue-44')
    expect(stdout.join('')).toContain(
      'claw: uploaded the session as artifact claw-session-issue-44'
    )
    expect(process.exitCode).toBeUndefined()
  })

  it('warns with the reason when the artifact service refuses the upload', async () => {
    const sessionFile = saveState(readFileSync(SAMPLE_SESSION, 'utf8'), ['claw-session-issue-45'])
    results.fail('CreateArtifact', { status: 403, message: 'artifact storage quota exceeded' })
    await runPost()

    const warnings = logLines().filter(line => line.startsWith('::warning::'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(
      '::warning::claw: the session was not uploaded as claw-session-issue-45: the upload failed ('
    )
    expect(warnings[0]).toContain('artifact storage quota exceeded')
    expect(warnings[0]).toContain(`the session is at ${sessionFile} (session-file output)`)
    expect(results.artifacts.some(a => a.runId === String(runId))).toBe(false)
    expect(process.exitCode).toBeUndefined()
  })

  it('warns that GitHub Enterprise Server has no artifact service claw can use', async () => {
    process.env['GITHUB_SERVER_URL'] = 'https://github.example.com'
    const before = results.requests.length
    const sessionFile = saveState(readFileSync(SAMPLE_SESSION, 'utf8'), ['claw-session-issue-46'])
    await runPost()

    expect(logLines()).toContain(
      `::warning::claw: the session was not uploaded as claw-session-issue-46: GitHub Enterprise Server (github.example.com) has no artifact service the artifact client supports: the session is at ${sessionFile} (session-file output); upload it with actions/upload-artifact`
    )
    expect(results.requests.length).toBe(before)
    expect(process.exitCode).toBeUndefined()
  })

  it('uploads nothing when main saved no artifact name', async () => {
    const before = results.requests.length
    saveState(readFileSync(SAMPLE_SESSION, 'utf8'), [])
    await runPost()
    expect(results.requests.length).toBe(before)
    expect(stdout.join('')).toContain('claw: the session transcript is at ')
  })
})
