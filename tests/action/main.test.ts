/**
 * `run()` in this process, with the runner's file commands as temp files and the agent replaced by
 * a fake: what a user sees (outputs, saved state, the job summary, the `::error::` line) for each
 * way a run can end. tests/action/dist.test.ts runs the bundled entry for the same contract.
 */
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
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AgentTaskResult, RunAgentTask } from '../../src/action/run-agent-task.js'
import { run } from '../../src/main.js'
import { SessionWriter } from '../../src/session/writer.js'
import { parseFileCommand } from '../fixtures/runner.js'

const RUNNER_VARIABLES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const

let root: string
let workspace: string
let runnerTemp: string
let stdout: string[]
const savedEnvironment = { ...process.env }

// `core.summary` remembers the summary file's path on first use, so one set of files serves the
// whole file and each test empties them.
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'claw-main-test-'))
  workspace = join(root, 'workspace')
  runnerTemp = join(root, 'temp')
  mkdirSync(workspace)
  mkdirSync(runnerTemp)
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

beforeEach(() => {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_') || name.startsWith('GITHUB_') || name === 'ANTHROPIC_API_KEY') {
      delete process.env[name]
    }
  }
  for (const name of RUNNER_VARIABLES) {
    const path = join(root, name.toLowerCase())
    writeFileSync(path, '')
    process.env[name] = path
  }
  process.env['GITHUB_WORKSPACE'] = workspace
  process.env['RUNNER_TEMP'] = runnerTemp
  process.env['GITHUB_RUN_ID'] = '42'
  process.env['GITHUB_ACTIONS'] = 'true'
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
})

function setInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) {
    process.env[`INPUT_${name.toUpperCase()}`] = value
  }
}

function fileCommand(name: (typeof RUNNER_VARIABLES)[number]): string {
  return readFileSync(join(root, name.toLowerCase()), 'utf8')
}

const outputs = (): Record<string, string> => parseFileCommand(fileCommand('GITHUB_OUTPUT'))
const state = (): Record<string, string> => parseFileCommand(fileCommand('GITHUB_STATE'))
const summary = (): string => fileCommand('GITHUB_STEP_SUMMARY')
const log = (): string => stdout.join('')

function fakeAgent(result: Partial<AgentTaskResult> = {}) {
  return jest.fn<RunAgentTask>((_settings, _workspace, options) =>
    Promise.resolve({
      conclusion: 'success',
      task: 'fix',
      reason: 'The model finished the task.',
      turns: 3,
      usage: {
        input_tokens: 1200,
        output_tokens: 345,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0
      },
      costUsd: 0.01234,
      sessionFile: options.sessionFile,
      branch: 'claw/fix-1',
      pullRequest: 'https://github.com/octo-org/octo-repo/pull/2',
      ...result
    })
  )
}

describe('run', () => {
  it('fails on a bad input with the one-line message, no stack trace, and reports failure', async () => {
    setInputs({ 'max-turns': 'ten', prompt: 'Fix it.' })
    const agent = fakeAgent()
    await run({ runAgentTask: agent })

    expect(process.exitCode).toBe(1)
    expect(log()).toContain(
      '::error::Input "max-turns" must be a positive whole number, got "ten".'
    )
    expect(log()).not.toMatch(/^\s+at /m)
    expect(outputs()).toEqual({ conclusion: 'failure', task: '' })
    expect(summary()).toContain('**claw** failed: Input "max-turns" must be')
    expect(agent).not.toHaveBeenCalled()
  })

  it('skips with one info line and exit 0 when there is no prompt', async () => {
    setInputs({ task: 'docs' })
    const agent = fakeAgent()
    await run({ runAgentTask: agent })

    expect(process.exitCode).toBeUndefined()
    expect(outputs()).toEqual({ conclusion: 'skipped', task: 'docs' })
    expect(log()).toMatch(/^claw: skipped\. No "prompt" input was given.*issue_comment/m)
    expect(summary()).toContain('**claw** skipped: No "prompt" input was given')
    expect(state()).toEqual({})
    expect(agent).not.toHaveBeenCalled()
  })

  it('skips the deliver phase, which arrives in a later release', async () => {
    setInputs({ phase: 'deliver', prompt: 'Fix it.' })
    await run({ runAgentTask: fakeAgent() })
    expect(process.exitCode).toBeUndefined()
    expect(outputs()['conclusion']).toBe('skipped')
    expect(log()).toContain('Phase "deliver"')
  })

  it('fails with how to set the secret when a prompt is given without an API key', async () => {
    setInputs({ prompt: 'Fix it.' })
    const agent = fakeAgent()
    await run({ runAgentTask: agent })

    expect(process.exitCode).toBe(1)
    expect(log()).toContain('::error::No Anthropic API key: the "anthropic-api-key" input is empty')
    expect(log()).toContain('anthropic-api-key: ${{ secrets.ANTHROPIC_API_KEY }}')
    expect(outputs()).toEqual({ conclusion: 'failure', task: '' })
    expect(agent).not.toHaveBeenCalled()
  })

  it('runs the agent on the workspace and reports its result in the outputs', async () => {
    setInputs({ prompt: 'Fix the typo.', 'anthropic-api-key': 'sk-ant-test', 'max-turns': '4' })
    const agent = fakeAgent()
    await run({ runAgentTask: agent })

    expect(process.exitCode).toBeUndefined()
    expect(agent).toHaveBeenCalledTimes(1)
    const [settings, agentWorkspace, options] = agent.mock.calls[0] ?? []
    expect(settings).toMatchObject({ prompt: 'Fix the typo.', maxTurns: 4 })
    expect(agentWorkspace).toBe(workspace)
    expect(options?.sessionFile).toMatch(
      new RegExp(`^${runnerTemp}/claw/sessions/session-42-1-[0-9TZ-]+\\.jsonl$`)
    )
    // Saved for the post step before the agent ran.
    expect(state()).toEqual({
      'session-file': options?.sessionFile,
      'session-artifact': 'claw-session-run-42'
    })
    expect(outputs()).toEqual({
      conclusion: 'success',
      task: 'fix',
      'session-file': options?.sessionFile,
      branch: 'claw/fix-1',
      'pull-request': 'https://github.com/octo-org/octo-repo/pull/2',
      'review-id': '',
      turns: '3',
      'cost-usd': '0.0123',
      'input-tokens': '1200',
      'output-tokens': '345'
    })
    expect(summary()).toContain('**claw** fix: success after 3 turns ($0.01).')
    expect(log()).toContain('::add-mask::sk-ant-test')
  })

  it('fails the step with the reason when the agent run ends in failure', async () => {
    setInputs({ prompt: 'Fix it.', 'anthropic-api-key': 'sk-ant-test' })
    await run({
      runAgentTask: fakeAgent({ conclusion: 'failure', reason: 'The turn cap of 4 was reached.' })
    })
    expect(process.exitCode).toBe(1)
    expect(log()).toContain('::error::claw: The turn cap of 4 was reached.')
    expect(outputs()['conclusion']).toBe('failure')
  })

  it('does not fail the step when the run waits for approval', async () => {
    setInputs({ prompt: 'Fix it.', 'anthropic-api-key': 'sk-ant-test' })
    await run({ runAgentTask: fakeAgent({ conclusion: 'needs-approval' }) })
    expect(process.exitCode).toBeUndefined()
    expect(outputs()['conclusion']).toBe('needs-approval')
  })

  it('turns an unexpected error into one line, with the stack only at debug level', async () => {
    setInputs({ prompt: 'Fix it.', 'anthropic-api-key': 'sk-ant-test' })
    await run({ runAgentTask: () => Promise.reject(new TypeError('boom')) })
    expect(process.exitCode).toBe(1)
    const errorLines = log()
      .split('\n')
      .filter(line => line.startsWith('::error::'))
    expect(errorLines).toEqual(['::error::boom'])
    expect(log()).toMatch(/^::debug::TypeError: boom%0A\s+at /m)
    expect(outputs()).toEqual({ conclusion: 'failure', task: '' })
  })

  it('writes the session table of tool calls, the result line and the links to the job summary', async () => {
    setInputs({ prompt: 'Fix the typo.', 'anthropic-api-key': 'sk-ant-test' })
    process.env['GITHUB_SERVER_URL'] = 'https://github.com'
    process.env['GITHUB_REPOSITORY'] = 'octo-org/octo-repo'
    const agent = jest.fn<RunAgentTask>(async (settings, agentWorkspace, options) => {
      // The transcript a real run leaves: one allowed call, one denied, then the outcome.
      const writer = SessionWriter.create(options.sessionFile, {
        task: 'fix',
        repository: 'octo-org/octo-repo',
        event: 'workflow_dispatch',
        model: 'claude-sonnet-4-5',
        policy_digest: 'sha256:00',
        policy_source: '.github/claw.yml',
        started_at: '2026-11-02T10:00:00.000Z',
        prompt: 'Fix the typo.'
      })
      writer.append({
        type: 'tool_call',
        id: 'toolu_1',
        tool: 'Read',
        input: { file_path: 'README.md' },
        decision: { decision: 'allow', rule: 'read.allow: **', reason: 'allowed' }
      })
      writer.append({
        type: 'tool_call',
        id: 'toolu_2',
        tool: 'Bash',
        input: { command: 'git push origin main' },
        decision: { decision: 'deny', rule: 'bash.deny: git push *', reason: 'denied' }
      })
      writer.close()
      return fakeAgent()(settings, agentWorkspace, options)
    })
    await run({ runAgentTask: agent })

    expect(process.exitCode).toBeUndefined()
    const lines = summary().split('\n')
    expect(lines[0]).toBe(
      '**claw** fix: success after 3 turns ($0.01). The model finished the task.'
    )
    expect(summary()).toContain(
      'Branch: [`claw/fix-1`](https://github.com/octo-org/octo-repo/tree/claw/fix-1) · ' +
        'Pull request: [#2](https://github.com/octo-org/octo-repo/pull/2)'
    )
    expect(summary()).toContain('### Tool calls (2)')
    expect(summary()).toContain('| 1 | Read | `README.md` | allow | `read.allow: **` |')
    expect(summary()).toContain(
      '| 2 | Bash | `git push origin main` | **deny** | `bash.deny: git push *` |'
    )
    expect(log()).not.toContain('::warning::')
  })

  it('falls back to the result line with a warning when the session cannot be read', async () => {
    setInputs({ prompt: 'Fix the typo.', 'anthropic-api-key': 'sk-ant-test' })
    // The fake agent writes no transcript at the path it reports.
    await run({ runAgentTask: fakeAgent() })

    expect(process.exitCode).toBeUndefined()
    expect(summary()).toContain('**claw** fix: success after 3 turns ($0.01).')
    expect(summary()).not.toContain('### Tool calls')
    expect(log()).toMatch(
      /^::warning::claw: the job summary shows the result line only: cannot read session file /m
    )
  })

  it('escapes HTML from input values in the job summary', async () => {
    setInputs({ model: '<img src=x>' })
    await run()
    expect(summary()).toContain('got "&lt;img src=x&gt;"')
    expect(summary()).not.toContain('<img')
  })
})
