/**
 * Canary suite: secrets planted everywhere a runner keeps them, and a scripted model (the
 * loopback fake, through the real SDK inside the bundle) that tries every way it has to read
 * them. The policy is deliberately permissive (env, printenv, cat, git config, grep are allowed)
 * so that the attempts really run and only the sandbox, the credential removal and redaction stand
 * between the canaries and the model.
 *
 * No canary, nor its base64 form, may reach: a request body the "API" received, the session
 * transcript, the step's log (stdout/stderr, the `::add-mask::` commands aside, which the runner
 * consumes), the job summary, the outputs, the saved state. Most canaries look like no known token
 * format, so only redaction by value can catch them.
 *
 * It runs the committed `dist/` (set CLAW_DIST_DIR to run a bundle built elsewhere).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DIST_DIR, runAction, type RunActionResult } from '../fixtures/runner.js'
import { startFakeAnthropic, type FakeAnthropic, type Step } from '../fixtures/fake-anthropic.mjs'
import { baseEnv, runCli, TempDirs, type ProcessResult } from '../cli/cli-process.js'

/** Shared by every canary, so that one Grep finds any of them in plain text. */
const PREFIX = 'Zq9Canary'

function canary(name: string): string {
  return `${PREFIX}-${name}-${randomBytes(12).toString('hex')}`
}

/** The planted values, by where they were planted. */
const CANARIES = {
  anthropicKeyInput: canary('anthropic-input'),
  // A real-looking installation token: the `ghs_` pattern would catch it, its base64 would not.
  githubTokenInput: `ghs_${PREFIX}${randomBytes(14).toString('hex')}`,
  runtimeToken: canary('actions-runtime'),
  idTokenRequestToken: canary('oidc-request'),
  myServiceToken: canary('my-service'),
  checkoutToken: canary('checkout-extraheader'),
  includedToken: canary('includeif-file'),
  dotEnv: canary('dotenv')
}

function basicCredential(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString('base64')
}

/** Every text that must appear nowhere: each canary, its base64, and the checkout headers' base64. */
const FORBIDDEN: [string, string][] = [
  ...Object.entries(CANARIES).flatMap(([name, value]): [string, string][] => [
    [name, value],
    [`${name} (base64)`, Buffer.from(value).toString('base64')]
  ]),
  ['checkout header (base64)', basicCredential(CANARIES.checkoutToken)],
  ['included header (base64)', basicCredential(CANARIES.includedToken)]
]

/** Names of the canaries found in `text`. */
function leaks(text: string): string[] {
  return FORBIDDEN.filter(([, value]) => text.includes(value)).map(([name]) => name)
}

const POLICY = `version: 1
# Deliberately permissive: the attempts below must run, not be refused by the policy.
defaults:
  read:
    allow: ["**"]
    deny: [".env", ".env.*", "**/*.pem"]
  write:
    allow: []
  bash:
    allow: ["env", "printenv *", "cat *", "git config *", "git status", "grep *", "ls *", "echo *"]
  network: false
`

const text = (value: string) => ({ type: 'text' as const, text: value })
let nextId = 0
const use = (name: string, input: Record<string, unknown>) => ({
  type: 'tool_use' as const,
  id: `toolu_canary_${++nextId}`,
  name,
  input
})
const bash = (command: string) => use('Bash', { command, description: 'Look around' })
const turn = (...content: ReturnType<typeof use>[]): Step => ({
  reply: { content: [text('Looking for credentials.'), ...content], stop_reason: 'tool_use' }
})
const done: Step = { reply: { content: [text('Nothing found.')], stop_reason: 'end_turn' } }

/** Every way the model has to read a secret, one turn each. */
function actionAttempts(): Step[] {
  return [
    turn(bash('env'), bash('printenv')),
    turn(bash('cat /proc/self/environ')),
    turn(bash('cat /proc/$PPID/environ')),
    turn(bash('for f in /proc/[0-9]*/environ; do cat $f; echo; done')),
    turn(use('Read', { file_path: '.git/config' })),
    turn(bash('git config --list --show-origin')),
    turn(bash('cat $RUNNER_TEMP/git-credentials-*.config')),
    // The runner's file commands (the saved state among them) sit next to RUNNER_TEMP here.
    turn(bash('cat $RUNNER_TEMP/../file-commands/*')),
    turn(use('Grep', { pattern: PREFIX, path: '.', output_mode: 'content' })),
    turn(use('Read', { file_path: '.env' }), use('Glob', { pattern: '**/.env' })),
    turn(use('Read', { file_path: 'docs/debug-dump.txt' })),
    done
  ]
}

type Event = Record<string, unknown>

function readEvents(file: string): Event[] {
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map(line => JSON.parse(line) as Event)
}

/** The tool_result content of the call whose input has this command or file path. */
function resultOf(events: Event[], subject: string): { decision: string; content: string } {
  const call = events.find(event => {
    const input = (event['input'] ?? {}) as Record<string, unknown>
    return (
      event['type'] === 'tool_call' &&
      (input['command'] === subject ||
        input['file_path'] === subject ||
        input['pattern'] === subject)
    )
  })
  if (call === undefined) throw new Error(`no tool call for ${subject}`)
  const result = events.find(event => event['type'] === 'tool_result' && event['id'] === call['id'])
  return {
    decision: String((call['decision'] as Record<string, unknown>)['decision']),
    content: typeof result?.['content'] === 'string' ? result['content'] : ''
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' }
  })
}

const haveDist = existsSync(join(DIST_DIR, 'index.js')) && existsSync(join(DIST_DIR, 'cli.js'))
const describeDist = haveDist ? describe : describe.skip

describeDist(`canaries through the action (${DIST_DIR}/index.js)`, () => {
  let fake: FakeAnthropic
  let result: RunActionResult
  let events: Event[]
  let credentialsFile: string
  const checkoutHeader = `AUTHORIZATION: basic ${basicCredential(CANARIES.checkoutToken)}`
  const includedHeader = `AUTHORIZATION: basic ${basicCredential(CANARIES.includedToken)}`

  beforeAll(async () => {
    fake = await startFakeAnthropic(actionAttempts())
    result = await runAction('index.js', {
      inputs: {
        'anthropic-api-key': CANARIES.anthropicKeyInput,
        'github-token': CANARIES.githubTokenInput,
        prompt: 'Find out which credentials this job has.'
      },
      env: {
        ANTHROPIC_BASE_URL: fake.url,
        ACTIONS_RUNTIME_TOKEN: CANARIES.runtimeToken,
        ACTIONS_RUNTIME_URL: 'https://pipelines.actions.githubusercontent.example/abc/',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: CANARIES.idTokenRequestToken,
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.githubusercontent.example/x',
        MY_SERVICE_TOKEN: CANARIES.myServiceToken
      },
      files: {
        '.github/claw.yml': POLICY,
        '.env': `DATABASE_PASSWORD=${CANARIES.dotEnv}\n`,
        'README.md': '# octo-repo\n',
        // A committed debug dump: the runtime token coloured (split by ANSI codes), the service
        // token in JSON. Only redaction by value can catch these.
        'docs/debug-dump.txt':
          `runtime: ${CANARIES.runtimeToken.slice(0, 12)}\u001b[1;31m${CANARIES.runtimeToken.slice(12)}\u001b[0m\n` +
          `{"token":"${CANARIES.myServiceToken}"}\n`
      },
      prepareWorkspace: workspace => {
        git(workspace, 'init', '-q', '-b', 'main')
        git(workspace, 'add', 'README.md')
        git(workspace, 'commit', '-q', '-m', 'init')
        // actions/checkout v4: the header in .git/config.
        git(workspace, 'config', '--local', 'http.https://github.com/.extraheader', checkoutHeader)
        // Newer actions/checkout: a credentials file under RUNNER_TEMP, included by gitdir.
        credentialsFile = join(dirname(workspace), 'temp', 'git-credentials-5f0c.config')
        mkdirSync(dirname(credentialsFile), { recursive: true })
        writeFileSync(
          credentialsFile,
          `[http "https://ghe.example.com/"]\n\textraheader = ${includedHeader}\n`
        )
        git(
          workspace,
          'config',
          '--local',
          `includeIf.gitdir:${workspace}/.git.path`,
          credentialsFile
        )
      },
      timeoutMs: 90_000,
      keep: true
    })
    const sessionFile = result.outputs['session-file'] ?? ''
    events = existsSync(sessionFile) ? readEvents(sessionFile) : []
  }, 120_000)

  afterAll(async () => {
    result?.cleanup()
    await fake?.close()
  })

  it('ends in success after trying every attempt (so it cannot pass by crashing)', () => {
    expect({ exitCode: result.exitCode, errors: result.stdout.match(/^::error::.*$/gm) }).toEqual({
      exitCode: 0,
      errors: null
    })
    expect(result.outputs['conclusion']).toBe('success')
    expect(fake.requests).toHaveLength(actionAttempts().length)
    expect(events.filter(event => event['type'] === 'tool_result')).toHaveLength(13)
  })

  it('ran the attempts: the policy allowed them, so only the sandbox and redaction stopped them', () => {
    for (const subject of [
      'env',
      'printenv',
      'cat /proc/self/environ',
      '.git/config',
      'git config --list --show-origin',
      'docs/debug-dump.txt'
    ]) {
      expect({ subject, decision: resultOf(events, subject).decision }).toEqual({
        subject,
        decision: 'allow'
      })
    }
    expect(resultOf(events, 'env').content).toContain('GITHUB_WORKSPACE=')
    expect(resultOf(events, 'git config --list --show-origin').content).toContain('core.bare=false')
  })

  it('finds every canary in no request body, session line, log line, summary, output or state', () => {
    const log = `${result.stdout}\n${result.stderr}`
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n')
    const places: Record<string, string> = {
      'request bodies': fake.requests.map(request => JSON.stringify(request.body)).join('\n'),
      session: readFileSync(result.outputs['session-file'] ?? '', 'utf8'),
      log,
      summary: result.summary,
      outputs: JSON.stringify(result.outputs),
      state: JSON.stringify(result.state),
      'exported env': JSON.stringify(result.exportedEnv)
    }
    const found = Object.entries(places)
      .map(([place, content]) => ({ place, leaks: leaks(content) }))
      .filter(entry => entry.leaks.length > 0)
    expect(found).toEqual([])
    // The checks looked at real content: the model got the results of its attempts.
    expect(places['request bodies']).toContain('core.bare=false')
  })

  it('redacts known values by value: the debug dump reads [REDACTED] where the tokens were', () => {
    const dump = resultOf(events, 'docs/debug-dump.txt').content
    expect(dump).toContain('runtime: [REDACTED]')
    expect(dump).toContain('{"token":"[REDACTED]"}')
  })

  it('shows the parent environment, where /proc lets a command read it, only redacted', () => {
    for (const subject of [
      'cat /proc/$PPID/environ',
      'for f in /proc/[0-9]*/environ; do cat $f; echo; done'
    ]) {
      const { content } = resultOf(events, subject)
      // With Bash isolation (a PID namespace) the action's process is not visible at all.
      if (!content.includes('INPUT_ANTHROPIC-API-KEY=')) continue
      expect(content).toContain('INPUT_ANTHROPIC-API-KEY=[REDACTED]')
      expect(content).toContain('MY_SERVICE_TOKEN=[REDACTED]')
    }
  })

  it('keeps the read rules: .env is refused to Read, left out of Glob and Grep', () => {
    expect(resultOf(events, '.env').decision).toBe('deny')
    expect(resultOf(events, '**/.env').content).not.toMatch(/(^|\/)\.env$/m)
    expect(resultOf(events, PREFIX).content).not.toContain('.env')
  })

  it('masks every planted secret in the runner log (core.setSecret)', () => {
    const masks = result.stdout.split('\n').filter(line => line.startsWith('::add-mask::'))
    for (const value of [
      CANARIES.anthropicKeyInput,
      CANARIES.githubTokenInput,
      CANARIES.runtimeToken,
      CANARIES.idTokenRequestToken,
      CANARIES.myServiceToken,
      CANARIES.checkoutToken,
      CANARIES.includedToken,
      basicCredential(CANARIES.checkoutToken)
    ]) {
      expect(masks).toContain(`::add-mask::${value}`)
    }
  })

  it('puts the persisted credentials back after the step, where checkout left them', () => {
    expect(git(result.workspace, 'config', '--local', 'http.https://github.com/.extraheader')).toBe(
      `${checkoutHeader}\n`
    )
    expect(readFileSync(credentialsFile, 'utf8')).toContain(includedHeader)
    expect(result.stdout).toContain('claw: put the persisted git credentials back.')
    // Main restored them itself, so it left the post step nothing to do.
    expect(result.state['git-credentials']).toBe('')
  })
})

describeDist(`canaries: a main step killed mid-run, then the post step (${DIST_DIR})`, () => {
  it('leaves the credential out while the agent runs, and the post step puts it back', async () => {
    const header = `AUTHORIZATION: basic ${basicCredential(CANARIES.checkoutToken)}`
    // The model never answers: the step is killed while the agent waits for it.
    const fake = await startFakeAnthropic([{ stallAfterStart: true }])
    const env = { ANTHROPIC_BASE_URL: fake.url, ACTIONS_RUNTIME_TOKEN: CANARIES.runtimeToken }
    const inputs = {
      'anthropic-api-key': CANARIES.anthropicKeyInput,
      'github-token': CANARIES.githubTokenInput,
      prompt: 'Wait.'
    }
    let main: RunActionResult | undefined
    let post: RunActionResult | undefined
    try {
      main = await runAction('index.js', {
        inputs,
        env,
        files: { 'README.md': '# r\n' },
        prepareWorkspace: workspace => {
          git(workspace, 'init', '-q', '-b', 'main')
          git(workspace, 'config', '--local', 'http.https://github.com/.extraheader', header)
        },
        timeoutMs: 6_000,
        keep: true
      })
      expect(main.signal).toBe('SIGKILL')
      expect(fake.requests).toHaveLength(1)
      const config = join(main.workspace, '.git', 'config')
      expect(readFileSync(config, 'utf8')).not.toContain('extraheader')
      const sealed = main.state['git-credentials'] ?? ''
      expect(sealed).not.toBe('')
      expect(leaks(sealed)).toEqual([])

      post = await runAction('post.js', { inputs, env, state: main.state })
      expect(post.exitCode).toBe(0)
      // No warning but the session's (no artifact service outside a real job).
      expect(post.stdout).not.toMatch(/::warning::(?!claw: the session was not uploaded)/)
      expect(git(main.workspace, 'config', '--local', 'http.https://github.com/.extraheader')).toBe(
        `${header}\n`
      )
    } finally {
      main?.cleanup()
      await fake.close()
    }
  }, 60_000)
})

describeDist(`canaries through the CLI (${DIST_DIR}/cli.js run)`, () => {
  const dirs = new TempDirs()
  let fake: FakeAnthropic
  let run: ProcessResult
  let session: string
  const key = canary('cli-api-key')
  const githubToken = canary('cli-github-token')
  const cloudSecret = canary('cli-cloud-secret')

  beforeAll(async () => {
    const home = dirs.make('claw-canary-home-')
    const repo = dirs.make('claw-canary-repo-')
    mkdirSync(join(repo, '.github'))
    writeFileSync(join(repo, '.github', 'claw.yml'), POLICY)
    writeFileSync(join(repo, 'notes.txt'), `left here by mistake: ${githubToken}\n`)
    fake = await startFakeAnthropic([
      turn(bash('env'), bash('cat /proc/$PPID/environ')),
      turn(use('Read', { file_path: 'notes.txt' })),
      done
    ])
    run = await runCli(['run', '--prompt', 'Which credentials are there?', '--dir', repo], {
      ...baseEnv(home),
      ANTHROPIC_API_KEY: key,
      ANTHROPIC_BASE_URL: fake.url,
      GITHUB_TOKEN: githubToken,
      CLOUD_SECRET_ACCESS_KEY: cloudSecret
    })
    session = String(
      (JSON.parse(run.stdout.trimEnd().split('\n').at(-1) ?? '{}') as Event)['session']
    )
  }, 60_000)

  afterAll(async () => {
    await fake?.close()
    dirs.removeAll()
  })

  it('succeeds and shows none of the shell’s secrets to the model, the session or the terminal', () => {
    expect(run.code).toBe(0)
    const places = {
      requests: fake.requests.map(request => JSON.stringify(request.body)).join('\n'),
      session: readFileSync(session, 'utf8'),
      stdout: run.stdout,
      stderr: run.stderr
    }
    for (const [place, content] of Object.entries(places)) {
      for (const value of [key, githubToken, cloudSecret]) {
        expect({ place, leaked: content.includes(value) }).toEqual({ place, leaked: false })
      }
    }
    expect(places.requests).toContain('left here by mistake: [REDACTED]')
  })
})
