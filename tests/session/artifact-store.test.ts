/**
 * Sessions stored as workflow artifacts, through the real `@actions/artifact` client and Octokit,
 * against the fake results service and the fake GitHub it publishes to. Each upload is a run of
 * its own: its runtime token names the run, which is the REST run the artifact shows up in.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  downloadLatestSession,
  sessionArtifactName,
  uploadSessionArtifact
} from '../../src/session/artifact-store.js'
import { startFakeGitHub, type FakeGitHub } from '../fixtures/fake-github.mjs'
import { runtimeToken, startFakeResults, type FakeResults } from '../fixtures/fake-results.mjs'
import { SAMPLE_SESSION } from './helpers.js'

const TOKEN = 'ghs_artifact_store_test_token'
const SAMPLE = readFileSync(SAMPLE_SESSION, 'utf8')

let github: FakeGitHub
let results: FakeResults
let folder: string
let nextRun = 8000
let lines: string[]

beforeAll(async () => {
  github = await startFakeGitHub({ token: TOKEN })
  results = await startFakeResults({ github })
  folder = mkdtempSync(join(tmpdir(), 'claw-artifact-store-'))
  // The artifact client logs its steps through @actions/core (stdout).
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterAll(async () => {
  jest.restoreAllMocks()
  await Promise.all([github.close(), results.close()])
  rmSync(folder, { recursive: true, force: true })
})

beforeEach(() => {
  lines = []
})

const log = (line: string) => lines.push(line)

/** The environment of a job in workflow run `runId`, as the runner sets it. */
function jobEnvironment(runId: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, 1),
    ACTIONS_RESULTS_URL: `${results.url}/`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.url,
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: folder,
    ...extra
  }
}

function sessionFile(text: string): string {
  const file = join(mkdtempSync(join(folder, 'session-')), 'session-1-1-2026.jsonl')
  writeFileSync(file, text)
  return file
}

/** The sample session with its first line's prompt (or other header fields) changed. */
function sessionWith(header: Record<string, unknown>): string {
  const [first = '', ...rest] = SAMPLE.split('\n')
  return [JSON.stringify({ ...JSON.parse(first), ...header }), ...rest].join('\n')
}

/** Uploads `text` as a session of a new workflow run. */
async function uploadInNewRun(name: string, text: string) {
  const runId = ++nextRun
  const outcome = await uploadSessionArtifact({
    sessionFile: sessionFile(text),
    name,
    env: jobEnvironment(runId),
    log
  })
  expect(outcome).toMatchObject({ uploaded: true, name })
  return { runId, outcome }
}

function download(name: string, extra: { maxBytes?: number; env?: NodeJS.ProcessEnv } = {}) {
  return downloadLatestSession({
    token: TOKEN,
    owner: 'octo-org',
    repo: 'octo-repo',
    name,
    directory: mkdtempSync(join(folder, 'download-')),
    env: extra.env ?? { GITHUB_SERVER_URL: 'https://github.com', GITHUB_API_URL: github.url },
    ...(extra.maxBytes === undefined ? {} : { maxBytes: extra.maxBytes }),
    log
  })
}

describe('sessionArtifactName', () => {
  it('names the artifact after what the session belongs to', () => {
    expect(sessionArtifactName({ kind: 'issue', number: 42 })).toBe('claw-session-issue-42')
    expect(sessionArtifactName({ kind: 'pull_request', number: 7 })).toBe('claw-session-pr-7')
    expect(sessionArtifactName({ kind: 'repository' })).toBe('claw-session-docs')
    expect(sessionArtifactName({ kind: 'workflow_run', runId: 123, pullRequests: [7] })).toBe(
      'claw-session-run-123'
    )
  })
})

describe('uploadSessionArtifact and downloadLatestSession', () => {
  it('round trip: the transcript and its Markdown view go up, the transcript comes back', async () => {
    const { runId, outcome } = await uploadInNewRun('claw-session-issue-42', SAMPLE)
    const stored = results.artifacts.find(a => a.id === (outcome.uploaded ? outcome.id : -1))
    expect(stored?.size).toBe(outcome.uploaded ? outcome.size : -1)

    const found = await download('claw-session-issue-42')
    expect(found).toMatchObject({ found: true, runId, artifactId: stored?.id })
    if (!found.found) return
    expect(readFileSync(found.sessionFile, 'utf8')).toBe(SAMPLE)
    expect(found.createdAt).toBe(stored?.createdAt)
    const markdown = found.sessionFile.replace(/\.jsonl$/, '.md')
    expect(readFileSync(markdown, 'utf8')).toMatch(/^# claw session: fix on octo-org\/widgets/)
  })

  it('finds nothing under a name no run used', async () => {
    expect(await download('claw-session-issue-999')).toEqual({
      found: false,
      reason: 'no session artifact named claw-session-issue-999 yet; the run starts fresh'
    })
  })

  it('takes the newest of several runs’ sessions', async () => {
    await uploadInNewRun('claw-session-pr-7', sessionWith({ prompt: 'first' }))
    await uploadInNewRun('claw-session-pr-8', sessionWith({ prompt: 'another pull request' }))
    const { runId } = await uploadInNewRun('claw-session-pr-7', sessionWith({ prompt: 'newest' }))
    await uploadInNewRun('claw-session-pr-8', sessionWith({ prompt: 'another, later' }))

    const found = await download('claw-session-pr-7')
    expect(found).toMatchObject({ found: true, runId })
    if (found.found) expect(readFileSync(found.sessionFile, 'utf8')).toContain('"prompt":"newest"')
  })

  it('skips an expired artifact for the newest one still kept', async () => {
    const older = await uploadInNewRun('claw-session-issue-50', sessionWith({ prompt: 'kept' }))
    const newer = await uploadInNewRun('claw-session-issue-50', sessionWith({ prompt: 'gone' }))
    const run = github.state.runs.find(r => r.id === newer.runId)
    for (const artifact of run?.artifacts ?? []) artifact.expired = true

    const found = await download('claw-session-issue-50')
    expect(found).toMatchObject({ found: true, runId: older.runId })
    if (found.found) expect(readFileSync(found.sessionFile, 'utf8')).toContain('"prompt":"kept"')
  })

  it('skips an artifact of a run that built a fork’s code', async () => {
    const own = await uploadInNewRun('claw-session-pr-60', sessionWith({ prompt: 'ours' }))
    const forked = await uploadInNewRun('claw-session-pr-60', sessionWith({ prompt: 'forged' }))
    const run = github.state.runs.find(r => r.id === forked.runId)
    if (run) run.head_repository_id = 9999

    const found = await download('claw-session-pr-60')
    expect(found).toMatchObject({ found: true, runId: own.runId })
    expect(lines.join('\n')).toContain(`its run (${forked.runId}) built a fork's code`)
  })

  it('refuses a corrupt transcript, uploaded without its Markdown view', async () => {
    const corrupt = SAMPLE.replace('{"type":"retry"', '{"type":"retry",,')
    await uploadInNewRun('claw-session-issue-70', corrupt)
    expect(lines.join('\n')).toContain('uploading the transcript without its Markdown view')

    const found = await download('claw-session-issue-70')
    expect(found.found).toBe(false)
    if (!found.found) {
      expect(found.reason).toMatch(/^the newest session \(artifact claw-session-issue-70 of run/)
      expect(found.reason).toContain(':3: not valid JSON')
      expect(found.reason).toMatch(/; the run starts fresh$/)
    }
  })

  it('refuses a transcript whose last line was cut off', async () => {
    await uploadInNewRun('claw-session-issue-71', SAMPLE.trimEnd().slice(0, -20))
    const found = await download('claw-session-issue-71')
    expect(found.found).toBe(false)
    if (!found.found) {
      expect(found.reason).toContain(
        'is truncated (its run stopped mid-write); the run starts fresh'
      )
    }
  })

  it('refuses a transcript written by a newer claw', async () => {
    await uploadInNewRun('claw-session-issue-72', sessionWith({ version: 99 }))
    const found = await download('claw-session-issue-72')
    expect(found.found).toBe(false)
    if (!found.found) {
      expect(found.reason).toContain('the session was written by a newer claw (format 99)')
      expect(found.reason).toMatch(/the run starts fresh$/)
    }
  })

  it('does not download an artifact over the size limit', async () => {
    await uploadInNewRun('claw-session-issue-73', SAMPLE)
    const before = github.requests.length
    const found = await download('claw-session-issue-73', { maxBytes: 100 })
    expect(found.found).toBe(false)
    if (!found.found) expect(found.reason).toMatch(/ bytes, over the 100-byte limit; the run/)
    const operations = github.requests.slice(before).map(request => request.operation)
    expect(operations).toEqual(['actions.listArtifactsForRepo'])
  })

  it('reports a refused listing (403) as no session, with the permission to add', async () => {
    github.fail('actions.listArtifactsForRepo', { status: 403 })
    const found = await download('claw-session-issue-42')
    expect(found).toEqual({
      found: false,
      reason:
        "the token lacks actions: read for actions.listArtifactsForRepo; add it to the workflow's permissions; the run starts fresh"
    })
  })

  it('adds the run attempt when this run has the name already (a re-run)', async () => {
    const runId = ++nextRun
    const file = sessionFile(SAMPLE)
    const first = await uploadSessionArtifact({
      sessionFile: file,
      name: 'claw-session-issue-80',
      env: jobEnvironment(runId),
      log
    })
    const second = await uploadSessionArtifact({
      sessionFile: file,
      name: 'claw-session-issue-80',
      env: jobEnvironment(runId, { GITHUB_RUN_ATTEMPT: '2' }),
      log
    })
    expect(first).toMatchObject({ uploaded: true, name: 'claw-session-issue-80' })
    expect(second).toMatchObject({ uploaded: true, name: 'claw-session-issue-80-attempt-2' })
    expect(lines).toContain(
      'claw: this run has a session artifact claw-session-issue-80 already; using claw-session-issue-80-attempt-2.'
    )
  })
})

describe('when the session cannot be stored', () => {
  it('on GitHub Enterprise Server, says where the session is and how to upload it', async () => {
    const before = results.requests.length
    const file = sessionFile(SAMPLE)
    const outcome = await uploadSessionArtifact({
      sessionFile: file,
      name: 'claw-session-issue-42',
      env: jobEnvironment(++nextRun, { GITHUB_SERVER_URL: 'https://ghes.example.com' }),
      log
    })
    expect(outcome).toEqual({
      uploaded: false,
      reason: `GitHub Enterprise Server (ghes.example.com) has no artifact service the artifact client supports: the session is at ${file} (session-file output); upload it with actions/upload-artifact`
    })
    const found = await download('claw-session-issue-42', {
      env: { GITHUB_SERVER_URL: 'https://ghes.example.com', GITHUB_API_URL: github.url }
    })
    expect(found).toEqual({
      found: false,
      reason:
        'sessions are not kept as artifacts on GitHub Enterprise Server (ghes.example.com); the run starts fresh'
    })
    expect(results.requests.length).toBe(before)
  })

  it('without a runtime token (not in a job), says so', async () => {
    const file = sessionFile(SAMPLE)
    const outcome = await uploadSessionArtifact({
      sessionFile: file,
      name: 'claw-session-issue-42',
      env: jobEnvironment(++nextRun, { ACTIONS_RUNTIME_TOKEN: undefined }),
      log
    })
    expect(outcome).toEqual({
      uploaded: false,
      reason: `ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set (not a GitHub Actions job?): the session is at ${file} (session-file output); upload it with actions/upload-artifact`
    })
  })

  it('when the service keeps failing (500), reports no upload and leaves no artifact', async () => {
    // The client retries a 500 five times, 3 s and more apart: the waits run on a fake clock.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'Date'] })
    try {
      const runId = ++nextRun
      results.fail('FinalizeArtifact', { status: 500, times: 5 })
      let settled = false
      const pending = uploadSessionArtifact({
        sessionFile: sessionFile(SAMPLE),
        name: 'claw-session-issue-90',
        env: jobEnvironment(runId),
        log
      }).finally(() => (settled = true))
      while (!settled) {
        await jest.advanceTimersByTimeAsync(1000)
        await new Promise(resolve => setImmediate(resolve))
      }
      const outcome = await pending
      expect(outcome.uploaded).toBe(false)
      if (!outcome.uploaded) {
        expect(outcome.reason).toMatch(
          /^the upload failed \(Failed to FinalizeArtifact: Failed to make request after 5 attempts: Failed request: \(500\)/
        )
      }
      const finalizes = results.requests.filter(r => r.endpoint === 'FinalizeArtifact')
      expect(finalizes.slice(-5).map(r => r.status)).toEqual([500, 500, 500, 500, 500])
      expect(results.artifacts.some(a => a.name === 'claw-session-issue-90')).toBe(false)
      expect(github.state.runs.find(r => r.id === runId)).toBeUndefined()
    } finally {
      jest.useRealTimers()
    }
  })

  it('leaves no staging folder behind', () => {
    const staging = readdirSync(folder).filter(name => name.startsWith('claw-session-upload-'))
    expect(staging).toEqual([])
    expect(existsSync(folder)).toBe(true)
  })
})
