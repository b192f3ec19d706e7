/**
 * `claw run` end to end: the built `dist/cli.js` as a child process, the real Anthropic SDK inside
 * it talking to the scripted loopback fake (tests/fixtures/fake-anthropic.mjs), and every tool
 * call running for real on a fresh git copy of the sample library (examples/demo/repo). What is
 * asserted is what a user sees: exit codes, the stdout summary line, stderr, the session file, the
 * repository's own tests, and the requests that reached the "API".
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  startFakeAnthropic,
  type FakeAnthropic,
  type RecordedRequest,
  type Script,
  type Step
} from '../fixtures/fake-anthropic.mjs'
import { DEMO_PROMPT, demoSteps } from '../../scripts/scripted-tasks.mjs'
import { prepareSample } from '../../scripts/prepare-sample.mjs'
import {
  STACK_LINE,
  TempDirs,
  baseEnv,
  isInside,
  lastJsonLine,
  npmTest,
  readEvents,
  runCli,
  sessionsUnder,
  workspaceSnapshot,
  type ProcessResult
} from './cli-process.js'

/**
 * A fake key that looks like no known token format: the redactor's `sk-ant-…` pattern cannot
 * catch it, so keeping it out of everything proves redaction by value.
 */
const API_KEY = 'claw-e2e-fake-key-4Vq9Zr2Lx7Wm'
const USAGE_KEYS = [
  'cache_creation_input_tokens',
  'cache_read_input_tokens',
  'input_tokens',
  'output_tokens'
]
const DENIED_COMMAND = 'npm test 2>&1 | tail -n 12'

type Event = Record<string, unknown>
type Json = Record<string, unknown>

/** The parts of a Messages API request body these tests look at. */
interface RequestBody {
  model: string
  system: Json[]
  tools: Json[]
  messages: { role: string; content: string | Json[] }[]
}

function bodyOf(request: RecordedRequest | undefined): RequestBody {
  return request?.body as RequestBody
}

function apiEnv(home: string, fake: FakeAnthropic): Record<string, string> {
  return { ...baseEnv(home), ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: fake.url }
}

function toolCalls(events: Event[]): Event[] {
  return events.filter(event => event['type'] === 'tool_call')
}

function commandOf(event: Event): unknown {
  return (event['input'] as Json | undefined)?.['command']
}

function outcomeOf(events: Event[]): Json {
  const last = events.at(-1)
  expect(last?.['type']).toBe('outcome')
  return last as Json
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function write(path: string, text: string): string {
  writeFileSync(path, text)
  return path
}

describe('claw run: the demo fix, driven by the scripted model through the real SDK', () => {
  const dirs = new TempDirs()
  let home: string
  let repo: string
  let fake: FakeAnthropic
  let testsBefore: ProcessResult
  let testsAfter: ProcessResult
  let run: ProcessResult
  let summary: Json
  let session: string
  let events: Event[]

  beforeAll(async () => {
    home = dirs.make('claw-cli-home-')
    const sample = prepareSample('claw-cli-fix-')
    dirs.track(sample.work)
    repo = sample.repo
    testsBefore = await npmTest(repo, home)
    fake = await startFakeAnthropic(demoSteps(), { apiKey: API_KEY })
    run = await runCli(['run', '--prompt', DEMO_PROMPT, '--dir', repo], apiEnv(home, fake))
    testsAfter = await npmTest(repo, home)
    summary = lastJsonLine(run.stdout)
    session = String(summary['session'])
    events = readEvents(session)
  })
  afterAll(async () => {
    await fake?.close()
    dirs.removeAll()
  })

  it('exits 0 and ends stdout with the one JSON summary line of the contract', () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) })
    // Progress goes to stderr; stdout is for the summary alone.
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(Object.keys(summary).sort()).toEqual(['cost_usd', 'session', 'status', 'turns', 'usage'])
    expect(summary).toMatchObject({ status: 'success', turns: 7 })
    const usage = summary['usage'] as Record<string, number>
    expect(Object.keys(usage).sort()).toEqual(USAGE_KEYS)
    // The totals are the sums of what the API reported per request (recorded in the session).
    const requests = events.filter(event => event['type'] === 'request')
    expect(requests).toHaveLength(7)
    for (const key of USAGE_KEYS) {
      const sum = requests.reduce(
        (total, event) => total + (event['usage'] as Record<string, number>)[key]!,
        0
      )
      expect(usage[key]).toBe(sum)
    }
    expect(usage['output_tokens']).toBeGreaterThan(0)
    expect(summary['cost_usd']).toEqual(expect.any(Number))
    expect(summary['cost_usd']).toBeGreaterThan(0)
  })

  it('fixes the sample: its `npm test` failed before the run and passes after it', () => {
    expect(testsBefore.code).not.toBe(0)
    expect(testsBefore.stdout).toMatch(/^# fail 3$/m)
    expect(testsAfter.code).toBe(0)
    expect(testsAfter.stdout).toMatch(/^# pass 8$/m)
    expect(testsAfter.stdout).toMatch(/^# fail 0$/m)
  })

  it('changes only the file it fixed, and leaves no transcript in the workspace', async () => {
    expect((await workspaceSnapshot(repo)).status).toBe(' M src/parse.js\n')
  })

  it('writes the session outside the workspace: header, every call with its decision, outcome', () => {
    expect(existsSync(session)).toBe(true)
    expect(isInside(repo, session)).toBe(false)
    // The local default: under $HOME/.local/state/claw/sessions.
    expect(sessionsUnder(home)).toEqual([session])
    expect(events[0]).toMatchObject({
      type: 'header',
      format: 'claw-session',
      version: 1,
      task: 'fix',
      repository: 'duration-text',
      event: 'cli',
      prompt: DEMO_PROMPT
    })
    const calls = toolCalls(events)
    expect(calls.map(call => [call['tool'], (call['decision'] as Json)['decision']])).toEqual([
      ['Bash', 'allow'],
      ['Read', 'allow'],
      ['Grep', 'allow'],
      ['Edit', 'allow'],
      ['Bash', 'deny'],
      ['Bash', 'allow'],
      ['Bash', 'allow']
    ])
    const denied = calls.find(call => commandOf(call) === DENIED_COMMAND)
    expect(denied?.['decision']).toMatchObject({ decision: 'deny', rule: 'default: deny' })
    expect(String((denied?.['decision'] as Json)['reason'])).toContain('tail -n 12')
    expect(outcomeOf(events)).toMatchObject({ type: 'outcome', status: 'success', turns: 7 })
  })

  it('sends every request with prompt-cache breakpoints on system, last tool and newest message', () => {
    expect(fake.requests).toHaveLength(7)
    for (const request of fake.requests) {
      const { system, tools, messages } = bodyOf(request)
      expect(system.at(-1)?.['cache_control']).toEqual({ type: 'ephemeral' })
      expect(tools.at(-1)?.['cache_control']).toEqual({ type: 'ephemeral' })
      expect(tools.slice(0, -1).filter(tool => tool['cache_control'])).toEqual([])
      const newest = messages.at(-1)?.content
      const blocks = typeof newest === 'string' || newest === undefined ? [] : newest
      expect(blocks.at(-1)?.['cache_control']).toEqual({ type: 'ephemeral' })
    }
  })

  it('reports progress on stderr: each tool call with its decision and rule, then the end', () => {
    const lines = run.stderr.split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        '  Bash npm test → allow (bash.allow: npm test)',
        '  Read src/parse.js → allow (read.allow: **)',
        '  Edit src/parse.js → allow (write.allow: src/**)',
        `  Bash ${DENIED_COMMAND} → deny (default: deny)`,
        '  Bash git diff → allow (bash.allow: git diff *)',
        'claw: success: the model finished the task'
      ])
    )
    expect(run.stderr).toMatch(/^claw: success in [\d.]+ s, 7 turns, peak memory \d+ MB$/m)
  })

  it('claw show renders the session as Markdown with the calls, their decisions and the outcome', async () => {
    const shown = await runCli(['show', session], baseEnv(home))
    expect(shown.code).toBe(0)
    expect(shown.stderr).toBe('')
    const markdown = shown.stdout
    expect(markdown).toMatch(/^# claw session: fix on duration-text$/m)
    expect(markdown).toContain('**Bash** `npm test` — allow (`bash.allow: npm test`)')
    expect(markdown).toContain('**Edit** `src/parse.js` — allow (`write.allow: src/**`)')
    expect(markdown).toContain(`**Bash** \`${DENIED_COMMAND}\` — **deny** (\`default: deny\`)`)
    expect(markdown).toMatch(/^## Outcome$/m)
    expect(markdown).toMatch(/^\| Status \| \*\*success\*\* \|$/m)
    expect(markdown).toMatch(/^\| Turns \| 7 \|$/m)
  })

  it('claw run --replay reproduces the fix on a fresh copy with no API key at all', async () => {
    const sample = prepareSample('claw-cli-replay-')
    dirs.track(sample.work)
    const replayed = join(sample.work, 'replayed.jsonl')
    const requestsBefore = fake.requests.length
    // No ANTHROPIC_API_KEY and no ANTHROPIC_BASE_URL; the prompt comes from the recording.
    const replay = await runCli(
      ['run', '--replay', session, '--dir', sample.repo, '--session', replayed],
      baseEnv(home)
    )
    expect(replay.code).toBe(0)
    expect(lastJsonLine(replay.stdout)).toMatchObject({
      status: 'success',
      turns: 7,
      session: replayed
    })
    expect(replay.stderr).toContain('(replay)')
    expect(fake.requests).toHaveLength(requestsBefore)
    const tests = await npmTest(sample.repo, home)
    expect(tests.code).toBe(0)
    expect(tests.stdout).toMatch(/^# fail 0$/m)
    // The tool calls ran again under the policy, with the same decisions.
    const decisions = (list: Event[]) =>
      toolCalls(list).map(call => [call['tool'], (call['decision'] as Json)['rule']])
    expect(decisions(readEvents(replayed))).toEqual(decisions(events))
  })
})

describe('claw run: secrets', () => {
  const dirs = new TempDirs()
  let home: string
  let repo: string
  let fake: FakeAnthropic
  let run: ProcessResult
  let events: Event[]

  beforeAll(async () => {
    home = dirs.make('claw-cli-home-')
    const sample = prepareSample('claw-cli-secrets-')
    dirs.track(sample.work)
    repo = sample.repo
    // A file in the checkout that holds the key, as a careless local config might.
    mkdirSync(join(repo, 'notes'))
    write(join(repo, 'notes', 'local-setup.txt'), `export ANTHROPIC_API_KEY=${API_KEY}\n`)
    // Outside the repository: a policy that lets the model print the environment.
    const policy = write(
      join(sample.work, 'env-policy.yml'),
      "version: 1\ndefaults:\n  read:\n    allow: ['**']\n  bash:\n    allow: ['env']\n"
    )
    const script: Step[] = [
      {
        reply: {
          content: [{ type: 'tool_use', id: 'toolu_env', name: 'Bash', input: { command: 'env' } }],
          stop_reason: 'tool_use'
        }
      },
      {
        reply: {
          content: [
            {
              type: 'tool_use',
              id: 'toolu_notes',
              name: 'Read',
              input: { file_path: 'notes/local-setup.txt' }
            }
          ],
          stop_reason: 'tool_use'
        }
      },
      { reply: { content: [{ type: 'text', text: 'Done.' }], stop_reason: 'end_turn' } }
    ]
    fake = await startFakeAnthropic(script, { apiKey: API_KEY })
    run = await runCli(
      [
        'run',
        '--prompt',
        `Print the environment and the setup notes. My key is ${API_KEY}, keep it to yourself.`,
        '--dir',
        repo,
        '--policy',
        policy
      ],
      apiEnv(home, fake)
    )
    events = readEvents(String(lastJsonLine(run.stdout)['session']))
  })
  afterAll(async () => {
    await fake?.close()
    dirs.removeAll()
  })

  it('runs the calls: the key really was in the CLI process and was sent to the API', () => {
    expect(run.code).toBe(0)
    expect(lastJsonLine(run.stdout)).toMatchObject({ status: 'success', turns: 3 })
    // The fake rejects any other key with 401, so three answered requests prove it was used.
    expect(fake.requests).toHaveLength(3)
    const sent = fake.requests[0]?.headers
    expect(`${sent?.['x-api-key'] ?? ''} ${sent?.['authorization'] ?? ''}`).toContain(API_KEY)
  })

  it('keeps the key out of the environment `env` prints, and out of its tool result', () => {
    const result = events.find(
      event => event['type'] === 'tool_result' && event['id'] === 'toolu_env'
    )
    expect(result?.['is_error']).toBe(false)
    const content = String(result?.['content'])
    expect(content).toMatch(/^PATH=/m)
    expect(content).toContain(`HOME=${home}`)
    expect(content).not.toContain(API_KEY)
    expect(content).not.toMatch(/^ANTHROPIC_/m)
  })

  it('replaces the key with [REDACTED] where the user or a file put it in view', () => {
    const notes = events.find(
      event => event['type'] === 'tool_result' && event['id'] === 'toolu_notes'
    )
    expect(notes?.['content']).toContain('export ANTHROPIC_API_KEY=[REDACTED]')
    expect(events[0]?.['prompt']).toContain('My key is [REDACTED],')
    expect(JSON.stringify(bodyOf(fake.requests[0]).messages[0])).toContain('My key is [REDACTED],')
  })

  it('never shows the key: not on stdout, stderr, in the session file or any request body', () => {
    const sessionText = readFileSync(String(lastJsonLine(run.stdout)['session']), 'utf8')
    expect(run.stdout).not.toContain(API_KEY)
    expect(run.stderr).not.toContain(API_KEY)
    expect(sessionText).not.toContain(API_KEY)
    for (const request of fake.requests) expect(JSON.stringify(request.body)).not.toContain(API_KEY)
  })
})

describe('claw run: stop conditions a user sees', () => {
  const dirs = new TempDirs()
  const fakes: FakeAnthropic[] = []
  let home: string

  beforeAll(() => {
    home = dirs.make('claw-cli-home-')
  })
  afterAll(async () => {
    await Promise.all(fakes.map(fake => fake.close()))
    dirs.removeAll()
  })

  async function runDemo(extra: string[]) {
    const sample = prepareSample('claw-cli-stop-')
    dirs.track(sample.work)
    const fake = await startFakeAnthropic(demoSteps(), { apiKey: API_KEY })
    fakes.push(fake)
    const before = await workspaceSnapshot(sample.repo)
    const run = await runCli(
      ['run', '--prompt', DEMO_PROMPT, '--dir', sample.repo, ...extra],
      apiEnv(home, fake)
    )
    const summary = lastJsonLine(run.stdout)
    const events = readEvents(String(summary['session']))
    const after = await workspaceSnapshot(sample.repo)
    return { sample, fake, run, summary, events, before, after }
  }

  it('--max-turns 2 ends the demo with status max-turns and exit 1 after two requests', async () => {
    const { fake, run, summary, events } = await runDemo(['--max-turns', '2'])
    expect(run.code).toBe(1)
    expect(summary).toMatchObject({ status: 'max-turns', turns: 2 })
    expect(fake.requests).toHaveLength(2)
    expect(run.stderr).toContain('claw: max-turns: the turn cap of 2 was reached')
    expect(outcomeOf(events)).toMatchObject({ status: 'max-turns', turns: 2 })
  })

  it('an `ask` rule ends the run needs-approval, with the call pending and not run', async () => {
    const policy = write(
      join(dirs.make('claw-cli-policy-'), 'ask.yml'),
      [
        'version: 1',
        'defaults:',
        '  read:',
        "    allow: ['**']",
        '  write:',
        "    allow: ['src/**']",
        '  bash:',
        "    allow: ['git diff *']",
        "    ask: ['npm test']",
        ''
      ].join('\n')
    )
    const { fake, run, summary, events, before, after } = await runDemo(['--policy', policy])
    expect(run.code).toBe(1)
    expect(summary).toMatchObject({ status: 'needs-approval', turns: 1 })
    expect(fake.requests).toHaveLength(1)
    const outcome = outcomeOf(events)
    expect(outcome).toMatchObject({
      status: 'needs-approval',
      pending: [
        {
          id: expect.any(String),
          tool: 'Bash',
          input: { command: 'npm test' },
          rule: 'bash.ask: npm test'
        }
      ]
    })
    expect(toolCalls(events)).toEqual([
      expect.objectContaining({ decision: expect.objectContaining({ decision: 'ask' }) })
    ])
    expect(run.stderr).toContain('  Bash npm test → ask (bash.ask: npm test)')
    expect(after).toEqual(before)
  })
})

describe('claw run: bad input is refused in one line, before anything changes', () => {
  const dirs = new TempDirs()
  let home: string
  let repo: string
  let inputs: string
  /** Answers nothing: any request that reaches it is a failure of the case. */
  let silent: FakeAnthropic

  beforeAll(async () => {
    home = dirs.make('claw-cli-home-')
    const sample = prepareSample('claw-cli-bad-')
    dirs.track(sample.work)
    repo = sample.repo
    inputs = dirs.make('claw-cli-inputs-')
    write(join(inputs, 'unknown-key.yml'), 'version: 1\ndefaults:\n  bash:\n    alow: [x]\n')
    write(join(inputs, 'broken.yml'), 'version: 1\ndefaults: [unclosed\n')
    write(join(inputs, 'malformed.jsonl'), 'this is not a session\n')
    const header = {
      type: 'header',
      format: 'claw-session',
      version: 2,
      task: 'fix',
      repository: 'duration-text',
      event: 'cli',
      model: 'claude-sonnet-4-5',
      policy_digest: '0'.repeat(64),
      policy_source: 'built-in default',
      started_at: '2026-12-01T00:00:00.000Z',
      prompt: 'Fix it.'
    }
    write(join(inputs, 'newer.jsonl'), `${JSON.stringify(header)}\n`)
    silent = await startFakeAnthropic([])
  })
  afterAll(async () => {
    await silent?.close()
    dirs.removeAll()
  })

  /** Runs the CLI and reports what changed: the workspace (status and hash) and the sessions. */
  async function attempt(args: string[], env: Record<string, string>) {
    const before = await workspaceSnapshot(repo)
    const sessionsBefore = sessionsUnder(home)
    const result = await runCli(args, env)
    const after = await workspaceSnapshot(repo)
    expect(after).toEqual(before)
    expect(result.stderr).not.toMatch(STACK_LINE)
    return { result, newSessions: sessionsUnder(home).filter(s => !sessionsBefore.includes(s)) }
  }

  const withKey = () => apiEnv(home, silent)
  const run = (...extra: string[]) => ['run', '--prompt', 'Fix the tests.', '--dir', repo, ...extra]

  /** A refusal before the run: exit 2, nothing on stdout, exactly one `claw: …` line, no session. */
  async function expectRefused(args: string[], env: Record<string, string>, line: string | RegExp) {
    const { result, newSessions } = await attempt(args, env)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    if (typeof line === 'string') expect(result.stderr).toBe(`claw: ${line}\n`)
    else {
      expect(result.stderr).toMatch(/^claw: [^\n]+\n$/)
      expect(result.stderr).toMatch(line)
    }
    expect(newSessions).toEqual([])
    expect(silent.requests).toHaveLength(0)
  }

  it('a missing ANTHROPIC_API_KEY', async () => {
    await expectRefused(
      run(),
      { ...baseEnv(home), ANTHROPIC_BASE_URL: silent.url },
      'ANTHROPIC_API_KEY is not set: export your Anthropic API key, or pass --replay FILE to play back a recorded session'
    )
  })

  it('--policy naming a file that does not exist', async () => {
    const missing = join(inputs, 'missing.yml')
    await expectRefused(
      run('--policy', missing),
      withKey(),
      `cannot read policy file ${missing}: ENOENT: no such file or directory`
    )
  })

  it('--policy with an unknown key: FILE:LINE:COL and the key', async () => {
    const file = join(inputs, 'unknown-key.yml')
    await expectRefused(
      run('--policy', file),
      withKey(),
      `${file}:4:5: unknown key "alow" in defaults.bash (expected allow, ask, deny)`
    )
  })

  it('--policy that is not valid YAML: FILE:LINE:COL and the parser message', async () => {
    const file = join(inputs, 'broken.yml')
    await expectRefused(
      run('--policy', file),
      withKey(),
      new RegExp(`^claw: ${escapeRegExp(file)}:\\d+:\\d+: \\S`)
    )
  })

  it('--model with characters no model name has', async () => {
    await expectRefused(
      run('--model', 'claude; rm -rf ~'),
      withKey(),
      '--model "claude; rm -rf ~" is not a model name (e.g. claude-sonnet-4-5)'
    )
  })

  it('--dir that does not exist', async () => {
    const missing = join(inputs, 'no-such-dir')
    await expectRefused(
      ['run', '--prompt', 'Fix the tests.', '--dir', missing],
      withKey(),
      `--dir ${missing}: no such directory`
    )
  })

  it('--dir that is a file', async () => {
    const file = join(repo, 'package.json')
    await expectRefused(
      ['run', '--prompt', 'Fix the tests.', '--dir', file],
      withKey(),
      `--dir ${file}: not a directory`
    )
  })

  it('--replay with a file that is not a session', async () => {
    const file = join(inputs, 'malformed.jsonl')
    await expectRefused(
      ['run', '--replay', file, '--dir', repo],
      baseEnv(home),
      new RegExp(`^claw: ${escapeRegExp(file)}:1: not valid JSON \\(`)
    )
  })

  it('--replay with a session from a newer format version', async () => {
    const file = join(inputs, 'newer.jsonl')
    await expectRefused(
      ['run', '--replay', file, '--dir', repo],
      baseEnv(home),
      `${file}:1: the session was written by a newer claw (format 2); this claw reads format 1`
    )
  })

  it('claw show of a file that is not a session', async () => {
    const file = join(inputs, 'malformed.jsonl')
    await expectRefused(
      ['show', file],
      baseEnv(home),
      new RegExp(`^claw: ${escapeRegExp(file)}:1: not valid JSON`)
    )
  })

  it('--max-turns zero', async () => {
    await expectRefused(
      run('--max-turns', 'zero'),
      withKey(),
      '--max-turns "zero" must be a positive whole number'
    )
  })

  it('--task nope', async () => {
    await expectRefused(
      run('--task', 'nope'),
      withKey(),
      '--task "nope" is not a task (expected one of fix, review, docs, repair, ask)'
    )
  })

  it('an unknown flag: one line naming it and where to look', async () => {
    const { result, newSessions } = await attempt(run('--frobnicate'), withKey())
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe("claw: Unknown option '--frobnicate' (see claw --help)\n")
    expect(newSessions).toEqual([])
    expect(silent.requests).toHaveLength(0)
  })
})

describe('claw run: model API faults end the run with status error and one line saying why', () => {
  const dirs = new TempDirs()
  let home: string
  let repo: string

  beforeAll(() => {
    home = dirs.make('claw-cli-home-')
    const sample = prepareSample('claw-cli-api-')
    dirs.track(sample.work)
    repo = sample.repo
  })
  afterAll(() => dirs.removeAll())

  async function runAgainst(script: Script, extra: string[] = []) {
    const fake = await startFakeAnthropic(script, { apiKey: API_KEY })
    try {
      const before = await workspaceSnapshot(repo)
      const run = await runCli(
        ['run', '--prompt', 'Fix the tests.', '--dir', repo, ...extra],
        apiEnv(home, fake)
      )
      expect(await workspaceSnapshot(repo)).toEqual(before)
      expect(run.stderr).not.toMatch(STACK_LINE)
      const summary = lastJsonLine(run.stdout)
      return {
        run,
        summary,
        events: readEvents(String(summary['session'])),
        requests: fake.requests
      }
    } finally {
      await fake.close()
    }
  }

  it('a model name the API does not know (HTTP 404 not_found_error): not retried, named', async () => {
    // The real API's answer to an unknown model: 404 with `"message": "model: <name>"`.
    const { run, summary, events, requests } = await runAgainst(
      () => ({
        httpError: { status: 404, type: 'not_found_error', message: 'model: claude-nope-9' }
      }),
      ['--model', 'claude-nope-9']
    )
    expect(run.code).toBe(1)
    expect(summary['status']).toBe('error')
    expect(requests).toHaveLength(1)
    expect(bodyOf(requests[0]).model).toBe('claude-nope-9')
    const named = run.stderr.split('\n').filter(line => line.includes('claude-nope-9'))
    expect(named).toContain(
      'claw: error: the model "claude-nope-9" was not found (HTTP 404): check the model name (the "model" input of the action, or --model)'
    )
    expect(outcomeOf(events)).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('"claude-nope-9" was not found')
    })
  })

  it('HTTP 529 on every attempt: overloaded after N attempts, N being the requests made', async () => {
    // Altered from the real API's 529: a `retry-after-ms` header, which the client honours, keeps
    // the default backoff (full jitter from 1 s, doubling: several seconds) out of the suite.
    const { run, summary, events, requests } = await runAgainst(() => ({
      httpError: {
        status: 529,
        type: 'overloaded_error',
        message: 'Overloaded',
        headers: { 'retry-after-ms': '5' }
      }
    }))
    expect(run.code).toBe(1)
    expect(summary['status']).toBe('error')
    expect(requests.length).toBeGreaterThan(1)
    const final = run.stderr.split('\n').filter(line => /overloaded.*after \d+ attempts/.test(line))
    expect(final).toEqual([
      `claw: error: model API overloaded (HTTP 529) after ${requests.length} attempts`
    ])
    expect(events.filter(event => event['type'] === 'retry')).toHaveLength(requests.length - 1)
    // No request succeeded, so no turn was taken.
    expect(outcomeOf(events)).toMatchObject({ status: 'error', turns: 0 })
  })
})
