/**
 * Two-phase runs, end to end through the bundle: a job with `phase: agent` runs the model and
 * keeps its outcome as the `claw-outcome` artifact (through the real `@actions/artifact` client and
 * the fake results service) without one GitHub write; a later job of the same workflow run with
 * `phase: deliver` downloads it, checks it against its own checkout and policy, and delivers.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  endToEndAvailable,
  startEventHarness,
  type EventHarness
} from '../fixtures/event-harness.js'
import { runtimeToken, startFakeResults, type FakeResults } from '../fixtures/fake-results.mjs'
import { issueComment } from '../fixtures/payloads.js'
import { REPOSITORY_ROOT } from '../fixtures/runner.js'
import { demoSteps } from '../../scripts/scripted-tasks.mjs'

const describeE2e = endToEndAvailable ? describe : describe.skip
const ISSUE_TITLE = 'Durations in milliseconds do not parse'
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

describeE2e('two-phase runs, through the bundle', () => {
  let h: EventHarness
  let results: FakeResults
  let sample: string

  afterEach(async () => {
    await Promise.all([h.close(), results.close()])
    rmSync(sample, { recursive: true, force: true })
  })

  async function start() {
    // The demo library, with a second, stricter policy that allows writes to docs/ only.
    sample = mkdtempSync(join(tmpdir(), 'claw-two-phase-sample-'))
    cpSync(join(REPOSITORY_ROOT, 'examples/demo/repo'), sample, { recursive: true })
    writeFileSync(
      join(sample, '.github/claw-docs-only.yml'),
      'version: 1\ndefaults:\n  read:\n    allow: ["**"]\n  write:\n    allow: ["docs/**"]\n'
    )
    h = await startEventHarness({ roles: { Codertocat: 'write' }, steps: demoSteps(), sample })
    results = await startFakeResults({ github: h.github })
    return h.github.state.addIssue({ title: ISSUE_TITLE, body: '"250ms" does not parse.' }).number
  }

  function job(phase: 'agent' | 'deliver', issue: number, inputs: Record<string, string> = {}) {
    return h.run({
      eventName: 'issue_comment',
      payload: issueComment({ body: '/claw fix', issueNumber: issue, issueTitle: ISSUE_TITLE }),
      inputs: { phase, ...inputs },
      env: {
        GITHUB_RUN_ID: '4242',
        ACTIONS_RUNTIME_TOKEN: runtimeToken(4242, phase === 'agent' ? 1 : 2),
        ACTIONS_RESULTS_URL: `${results.url}/`
      }
    })
  }

  it('runs the agent without GitHub writes, then delivers its outcome in a later job', async () => {
    const issue = await start()
    const agent = await job('agent', issue)
    expect(agent.stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([])
    expect(agent.outputs).toMatchObject({ conclusion: 'success', task: 'fix' })
    expect(agent.stdout).toContain('claw-outcome')
    expect(h.github.requests.filter(request => WRITES.has(request.method))).toEqual([])
    expect(h.remoteBranches()).toEqual(['main'])
    expect(results.artifacts.map(artifact => artifact.name)).toContain('claw-outcome')
    const modelRequests = h.model.requests.length

    // The deliver job needs no API key and calls no model.
    const deliver = await job('deliver', issue, { 'anthropic-api-key': '' })
    expect(deliver.stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([])
    expect(deliver.outputs).toMatchObject({ conclusion: 'success', task: 'fix' })
    expect(h.model.requests).toHaveLength(modelRequests)
    const branch = deliver.outputs['branch'] ?? ''
    expect(h.remoteGit('diff', 'main', branch, '--', 'src/parse.js')).toContain('(ms|d|h|m|s)')
    expect(h.github.state.pulls.at(-1)?.body).toContain(`Fixes #${issue}`)
  }, 180_000)

  it('refuses to deliver changes the deliver job’s policy does not allow', async () => {
    const issue = await start()
    const agent = await job('agent', issue)
    expect(agent.outputs).toMatchObject({ conclusion: 'success' })
    const deliver = await job('deliver', issue, {
      'anthropic-api-key': '',
      policy: '.github/claw-docs-only.yml'
    })
    expect(deliver.exitCode).toBe(1)
    const error = deliver.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(error.join('\n')).toContain('changes src/parse.js, which the policy')
    expect(h.remoteBranches()).toEqual(['main'])
    expect(h.github.state.pulls).toHaveLength(0)
  }, 180_000)
})
