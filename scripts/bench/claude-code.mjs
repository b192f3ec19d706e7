// @ts-check
/**
 * The peer of `npm run bench`'s turns and tokens sections: the Claude Code CLI run headless
 * (`claude -p`), on the same scripted ten-turn fix as claw (scripts/scripted-tasks.mjs
 * `benchSteps`) against the same loopback model (tests/fixtures/fake-anthropic.mjs), every tool
 * call run for real on a fresh copy of the sample library.
 *
 * It is installed from the npm registry into a cache folder under the system's temp folder, never
 * as a dependency of claw, and pinned (CLAUDE_CODE_VERSION) so that figures of two bench runs
 * compare. When it cannot be installed or does not run (offline, unsupported platform), the
 * bench goes on without it and says why.
 *
 * The figures have the definitions of claw's (scripts/bench-measure.mjs):
 * - startupMs: spawn to the first main-loop request arriving at the fake;
 * - harnessMsPerTurn / harnessMsMax: median / largest over the turns of (next request received −
 *   previous reply fully written − that turn's tool time);
 * - firstRequestBytes, totalBytes, tools (tools in the first request), turns (main-loop requests);
 * - inputTokens and cacheShareFromTurn2, from the usage the fake reported for each main-loop
 *   request (its `estimateUsage`: bytes / 4, cache reads from the `cache_control` breakpoints);
 * - peakRssMb: the high-water mark of the CLI process's resident set (VmHWM in /proc/<pid>/status,
 *   sampled every 20 ms and at each request; Linux only), its own memory without the tools'
 *   processes, as claw's figure is claw's own maxRSS.
 *
 * Main-loop requests and the others. Claude Code may send requests besides its agent loop (a
 * small-model call for a title, `count_tokens`, a model list). The fake answers those without
 * consuming a scripted step (its `sideRequest` option) and they are left out of the figures
 * above: a main-loop request is a `POST …/v1/messages` naming the model the bench asked for and
 * offering tools. The others are counted apart (sideRequests, sideBytes, sideInputTokens), as
 * they cost tokens too.
 *
 * Tool time. claw's session records each call's duration (validation, policy, execution,
 * truncation, redaction). Claude Code writes no such figure for every tool, but its
 * `--output-format stream-json` output stamps (ms, wall clock) the assistant message carrying
 * each tool_use block and the user message carrying each tool_result. A turn's tool time is the
 * span from the first of its tool_use blocks (or the end of the reply, if later: a tool started
 * while the reply still streamed costs nothing in the gap) to its last tool_result: like claw's
 * figure it holds the permission check, the execution and the shaping of the result, and calls
 * run concurrently count once. The wall-clock stamps are put on the fake's clock with the offset
 * between `Date.now()` and `performance.now()` taken at spawn; they round to 1 ms.
 *
 * The script for Claude Code is benchSteps() itself, with the relative `file_path` of Read and
 * Edit made absolute under the sample copy: Claude Code's Read and Edit require absolute paths
 * (claw's accept both). The calls, their order and their results are otherwise the same.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers'
import { isAbsolute, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startFakeAnthropic } from '../../tests/fixtures/fake-anthropic.mjs'
import { git, prepareSample } from '../prepare-sample.mjs'
import { benchSteps } from '../scripted-tasks.mjs'
import { billedInputTokens, median } from './section.mjs'

/** The Claude Code release measured; bump it on purpose, with the figures it changes. */
export const CLAUDE_CODE_VERSION = '2.1.332'
/** The model both CLIs are told to use (claw's default); the fake answers as any model. */
export const MODEL = 'claude-sonnet-4-5'
/** The task's prompt, as scripts/bench-measure.mjs gives it to claw. */
export const PROMPT = 'Fix the parsing of "250ms".'
/** The tools the scripted task calls; allowed without asking (the bench runs as root, where
 *  `--dangerously-skip-permissions` is refused). */
export const ALLOWED_TOOLS = ['Bash', 'Read', 'Edit', 'Glob', 'Grep']

const INSTALL_TIMEOUT_MS = 10 * 60_000
const RUN_TIMEOUT_MS = 90_000

/**
 * The flags of each `claude` run (after `-p <prompt>`).
 * @returns {string[]}
 */
export function claudeArgs() {
  return [
    '--model',
    MODEL,
    '--max-turns',
    '20',
    '--output-format',
    'stream-json',
    '--verbose',
    '--allowedTools',
    ALLOWED_TOOLS.join(','),
    '--permission-mode',
    'default',
    // No MCP servers from any configuration; there are none in the fresh home anyway.
    '--strict-mcp-config'
  ]
}

/**
 * The environment of each run: nothing inherited but PATH, the locale and the shell, so that the
 * person's own Claude Code settings, credentials and hooks stay out; a fresh home and config
 * folder; everything that would call home switched off.
 * @param {string} home
 * @param {string} url the fake's base URL
 * @returns {NodeJS.ProcessEnv}
 */
export function claudeEnv(home, url) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    PATH: process.env['PATH'],
    SHELL: process.env['SHELL'] || '/bin/bash',
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    TMPDIR: join(home, 'tmp'),
    ANTHROPIC_BASE_URL: url,
    ANTHROPIC_API_KEY: 'sk-ant-bench',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    DISABLE_BUG_COMMAND: '1',
    // The scripted `npm test` would otherwise ask the registry for a newer npm from the fresh
    // home (claw's runs keep the person's home, where npm has done so already).
    npm_config_update_notifier: 'false'
  }
  for (const name of ['LANG', 'LC_ALL']) if (process.env[name]) env[name] = process.env[name]
  return env
}

// ---------------------------------------------------------------------------------------------
// Installing.

/**
 * Installs the pinned Claude Code CLI into `<dir>/claude-code-<version>` with npm (reused when
 * that folder already holds a binary of the right version), and checks that it runs.
 *
 * @param {string} [dir] the cache folder (default `<tmp>/claw-bench-peers`)
 * @param {(line: string) => void} [log]
 * @returns {Promise<{ bin: string, version: string, rg?: string } | { skipped: string }>}
 *   `bin` is the native executable; `rg` is the ripgrep built into it (a symlink named `rg`),
 *   when it answers `--version`.
 */
export async function installClaudeCode(dir = join(tmpdir(), 'claw-bench-peers'), log = () => {}) {
  const platform = `${process.platform}-${process.arch}`
  if (!['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64'].includes(platform)) {
    return { skipped: `no Claude Code binary for ${platform} in this bench` }
  }
  const prefix = join(dir, `claude-code-${CLAUDE_CODE_VERSION}`)
  let found = await findBinary(prefix)
  if (found) {
    log(`peer: reusing Claude Code ${found.version} in ${prefix}`)
  } else {
    log(`peer: installing @anthropic-ai/claude-code@${CLAUDE_CODE_VERSION} (about 100 MB)`)
    try {
      mkdirSync(prefix, { recursive: true })
    } catch (error) {
      return { skipped: `cannot create ${prefix}: ${firstLine(error)}` }
    }
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const installed = await run(
      npm,
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--loglevel=error',
        '--prefix',
        prefix,
        `@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}`
      ],
      { timeoutMs: INSTALL_TIMEOUT_MS }
    )
    if (installed.code !== 0) return { skipped: `npm install failed: ${npmReason(installed)}` }
    found = await findBinary(prefix)
    if (!found) return { skipped: `installed, but no claude binary for ${platform} runs` }
  }
  const rg = await ripgrepOf(prefix, found.bin)
  return { bin: found.bin, version: found.version, ...(rg ? { rg } : {}) }
}

/**
 * The native binary of an install, preferring the platform package's own file (the package's
 * `bin/claude.exe` is a copy of it once its postinstall script ran, and a Node.js wrapper that
 * spawns it if the script did not), with its version; undefined when none runs.
 * @param {string} prefix
 */
async function findBinary(prefix) {
  const modules = join(prefix, 'node_modules', '@anthropic-ai')
  const candidates = [
    join(modules, `claude-code-${process.platform}-${process.arch}`, 'claude'),
    join(modules, `claude-code-${process.platform}-${process.arch}-musl`, 'claude'),
    join(prefix, 'node_modules', '.bin', 'claude')
  ]
  for (const bin of candidates) {
    if (!existsSync(bin)) continue
    const result = await run(bin, ['--version'], { timeoutMs: 30_000, env: quietEnv(prefix) })
    const version = /^(\d+\.\d+\.\d+)/.exec(result.stdout.trim())?.[1]
    if (result.code === 0 && version === CLAUDE_CODE_VERSION) return { bin, version }
  }
  return undefined
}

/**
 * The ripgrep that Claude Code's binary holds: run under the name `rg`, it is ripgrep.
 * @param {string} prefix
 * @param {string} bin
 */
async function ripgrepOf(prefix, bin) {
  const rg = join(prefix, 'rg')
  try {
    if (!existsSync(rg)) symlinkSync(bin, rg)
  } catch {
    return undefined
  }
  const result = await run(rg, ['--version'], { timeoutMs: 30_000 })
  return result.code === 0 && result.stdout.startsWith('ripgrep') ? rg : undefined
}

/** The run's environment for `--version`, with a home of its own in the install folder. */
function quietEnv(/** @type {string} */ prefix) {
  const home = join(prefix, 'home')
  mkdirSync(join(home, 'tmp'), { recursive: true })
  return claudeEnv(home, 'http://127.0.0.1:9')
}

/** @param {{ stdout: string, stderr: string, code: number | null, error?: string }} result */
function npmReason(result) {
  const text = `${result.error ?? ''}\n${result.stderr}\n${result.stdout}`
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|network/i.test(text)) {
    return 'the npm registry cannot be reached (offline?)'
  }
  if (/EBADPLATFORM|notsup/i.test(text)) return 'unsupported platform'
  const line = text
    .split('\n')
    .map(l => l.replace(/^npm (ERR!|error)\s*/, '').trim())
    .find(l => l.length > 0 && !/^code\b/.test(l))
  return line ?? `exit code ${result.code}`
}

// ---------------------------------------------------------------------------------------------
// Measuring.

/**
 * benchSteps() with the Read and Edit paths made absolute under `repo` (Claude Code's Read and
 * Edit refuse relative paths). Fresh tool_use ids, as benchSteps() gives.
 * @param {string} repo
 * @returns {import('../../tests/fixtures/fake-anthropic.mjs').Step[]}
 */
export function claudeCodeSteps(repo) {
  return benchSteps().map(step => {
    if (!('reply' in step)) return step
    const content = step.reply.content.map(block => {
      if (block.type !== 'tool_use') return block
      const input = /** @type {Record<string, unknown>} */ (block.input)
      const path = input['file_path']
      return typeof path === 'string' && !isAbsolute(path)
        ? { ...block, input: { ...input, file_path: join(repo, path) } }
        : block
    })
    return { ...step, reply: { ...step.reply, content } }
  })
}

/**
 * Whether a request belongs to the agent loop: the messages route, the model asked for, tools.
 * @param {import('../../tests/fixtures/fake-anthropic.mjs').RecordedRequest} request
 */
export function isMainLoop(request) {
  const body = request.body
  return (
    request.method === 'POST' &&
    /\/v1\/messages$/.test(request.path ?? '') &&
    body?.model === MODEL &&
    Array.isArray(body?.tools) &&
    body.tools.length > 0
  )
}

/**
 * The answer to a request outside the agent loop; undefined leaves it to the script.
 * @param {import('../../tests/fixtures/fake-anthropic.mjs').RecordedRequest} request
 * @returns {import('../../tests/fixtures/fake-anthropic.mjs').SideStep | undefined}
 */
function sideAnswer(request) {
  if (isMainLoop(request)) return undefined
  const path = request.path ?? ''
  if (request.method === 'POST' && /\/v1\/messages$/.test(path)) {
    // A title, a summary, a quota check: a short answer of the kind such calls expect.
    return {
      reply: {
        content: [{ type: 'text', text: '{"title": "Fix 250ms"}' }],
        stop_reason: 'end_turn'
      }
    }
  }
  if (/\/v1\/messages\/count_tokens$/.test(path)) return undefined // the fake's estimate
  if (request.method === 'GET' && /\/v1\/models$/.test(path)) {
    const model = {
      type: 'model',
      id: MODEL,
      display_name: 'Claude Sonnet 4.5',
      created_at: '2025-09-29T00:00:00Z'
    }
    return { json: { data: [model], has_more: false, first_id: MODEL, last_id: MODEL } }
  }
  if (request.method === 'GET' && /\/v1\/models\/[^/]+$/.test(path)) {
    return {
      json: {
        type: 'model',
        id: MODEL,
        display_name: 'Claude Sonnet 4.5',
        created_at: '2025-09-29T00:00:00Z'
      }
    }
  }
  return undefined // 404, recorded as a side request
}

/**
 * @typedef {{
 *   startupMs: number, harnessMsPerTurn: number, harnessMsMax: number, turns: number,
 *   firstRequestBytes: number, totalBytes: number, tools: number,
 *   cacheBreakpoints: { system: boolean, lastTool: boolean, newestMessage: boolean },
 *   inputTokens: number, cacheShareFromTurn2: number, peakRssMb: number,
 *   toolMsPerTurn: number[], harnessMs: number[], replyToToolMs: number[],
 *   sideRequests: number, sideBytes: number, sideInputTokens: number,
 *   sideRoutes: string[], firstAnyRequestMs: number, wallMs: number
 * }} ClaudeCodeRun
 */

/**
 * Runs the scripted task `runs` times with Claude Code and returns each run's figures.
 *
 * @param {{ bin: string, runs: number, log?: (line: string) => void, work?: string }} options
 *   (`work` is accepted and unused: each run makes and removes its own temp folder)
 * @returns {Promise<{ runs: ClaudeCodeRun[], args: string[] }>}
 */
export async function measureClaudeCode({ bin, runs, log = () => {} }) {
  /** @type {ClaudeCodeRun[]} */
  const results = []
  for (let index = 0; index < runs; index += 1) {
    log(`peer: claude -p, run ${index + 1} of ${runs}`)
    results.push(await measureClaudeCodeOnce(bin))
  }
  return { runs: results, args: ['-p', PROMPT, ...claudeArgs()] }
}

/**
 * One measured `claude -p` run of the scripted task.
 * @param {string} bin
 * @returns {Promise<ClaudeCodeRun>}
 */
export async function measureClaudeCodeOnce(bin) {
  const { work, repo } = prepareSample('claw-bench-cc-')
  const home = join(work, 'home')
  mkdirSync(join(home, 'tmp'), { recursive: true })
  const steps = claudeCodeSteps(repo)
  /** @type {number | undefined} */
  let pid
  let peakKb = 0
  const sample = () => {
    const kb = highWaterKb(pid)
    if (kb !== undefined && kb > peakKb) peakKb = kb
  }
  const fake = await startFakeAnthropic(
    (_request, index) => {
      sample()
      return steps[index]
    },
    {
      sideRequest: request => {
        sample()
        return sideAnswer(request)
      }
    }
  )
  try {
    const clockOffset = Date.now() - performance.now()
    const spawnedAt = performance.now()
    const child = spawn(bin, ['-p', PROMPT, ...claudeArgs()], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: claudeEnv(home, fake.url)
    })
    pid = child.pid
    const poll = setInterval(sample, 20)
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    /** @type {number | null} */
    const exitCode = await new Promise(resolve => {
      child.on('error', error => {
        stderr += String(error)
        resolve(-1)
      })
      child.on('close', resolve)
    })
    clearInterval(poll)
    clearTimeout(timer)
    const wallMs = performance.now() - spawnedAt

    const lines = stdout
      .split('\n')
      .filter(line => line.trim().startsWith('{'))
      .map(line => JSON.parse(line))
    const result = lines.findLast(line => line.type === 'result')
    if (exitCode !== 0 || result?.subtype !== 'success' || result?.is_error) {
      const why = result?.subtype ?? `exit code ${exitCode}`
      throw new Error(`claude -p ended with ${why}:\n${stderr.slice(-2000)}${stdout.slice(-2000)}`)
    }
    const main = fake.requests
    if (main.length !== steps.length || main.some(request => !isMainLoop(request))) {
      throw new Error(
        `claude -p made ${main.length} main-loop requests, the script has ${steps.length}`
      )
    }
    if (!git(repo, 'diff', '--stat').includes('src/parse.js')) {
      throw new Error('claude -p ended without the scripted edit of src/parse.js')
    }
    return {
      ...figures(main, fake.sideRequests, steps, lines, spawnedAt, clockOffset),
      peakRssMb: peakKb > 0 ? Math.round(peakKb / 1024) : NaN,
      wallMs
    }
  } finally {
    await fake.close()
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * @param {import('../../tests/fixtures/fake-anthropic.mjs').RecordedRequest[]} requests main loop
 * @param {import('../../tests/fixtures/fake-anthropic.mjs').RecordedRequest[]} side
 * @param {import('../../tests/fixtures/fake-anthropic.mjs').Step[]} steps
 * @param {any[]} lines the stream-json output
 * @param {number} spawnedAt
 * @param {number} clockOffset Date.now() − performance.now()
 */
function figures(requests, side, steps, lines, spawnedAt, clockOffset) {
  // When each tool_use block was complete and each tool_result was ready, on the fake's clock.
  /** @type {Map<string, number>} */
  const calledAt = new Map()
  /** @type {Map<string, number>} */
  const doneAt = new Map()
  for (const line of lines) {
    const at = typeof line.timestamp === 'string' ? Date.parse(line.timestamp) - clockOffset : NaN
    if (!Number.isFinite(at) || !Array.isArray(line.message?.content)) continue
    for (const block of line.message.content) {
      if (line.type === 'assistant' && block.type === 'tool_use') calledAt.set(block.id, at)
      if (line.type === 'user' && block.type === 'tool_result') doneAt.set(block.tool_use_id, at)
    }
  }

  /** @type {number[]} */
  const toolMsPerTurn = []
  /** @type {number[]} */
  const harness = []
  /** @type {number[]} */
  const replyToToolMs = []
  const head = requests[0]
  if (!head) throw new Error('claude -p made no main-loop request')
  requests.slice(1).forEach((request, turn) => {
    const respondedAt = /** @type {number} */ (requests[turn]?.respondedAt)
    const step = steps[turn]
    const ids =
      step && 'reply' in step
        ? step.reply.content.flatMap(block => (block.type === 'tool_use' ? [block.id] : []))
        : []
    const starts = ids.map(id => calledAt.get(id)).filter(t => t !== undefined)
    const ends = ids.map(id => doneAt.get(id)).filter(t => t !== undefined)
    const toolMs =
      starts.length === 0 || ends.length === 0
        ? 0
        : Math.max(0, Math.max(...ends) - Math.max(respondedAt, Math.min(...starts)))
    toolMsPerTurn.push(toolMs)
    replyToToolMs.push(starts.length === 0 ? NaN : Math.min(...starts) - respondedAt)
    const gap = request.startedAt - respondedAt
    harness.push(Math.max(0, gap - toolMs))
  })

  const usages = requests.map(request => request.usage ?? zeroUsage())
  const inputOf = (/** @type {import('../../src/agent/messages.js').Usage} */ usage) =>
    usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens
  const later = usages.slice(1)
  const laterInput = later.reduce((total, usage) => total + inputOf(usage), 0)
  const laterRead = later.reduce((total, usage) => total + usage.cache_read_input_tokens, 0)

  const first = head.body
  const lastMessage = first.messages.at(-1)
  const lastBlock = Array.isArray(lastMessage.content) ? lastMessage.content.at(-1) : undefined
  const system = Array.isArray(first.system) ? first.system : [first.system]
  const firstAny = Math.min(...[...requests, ...side].map(request => request.startedAt))
  return {
    startupMs: head.startedAt - spawnedAt,
    harnessMsPerTurn: median(harness),
    harnessMsMax: Math.max(...harness),
    turns: requests.length,
    firstRequestBytes: head.bytes,
    totalBytes: requests.reduce((total, request) => total + request.bytes, 0),
    tools: first.tools.length,
    cacheBreakpoints: {
      // Claude Code's first system block is a short header without a breakpoint: any block counts.
      system: system.some((/** @type {any} */ block) => Boolean(block?.cache_control)),
      lastTool: Boolean(first.tools.at(-1)?.cache_control),
      newestMessage: Boolean(lastBlock?.cache_control)
    },
    inputTokens: usages.reduce((total, usage) => total + inputOf(usage), 0),
    billedInputTokens: billedInputTokens(usages),
    cacheShareFromTurn2: laterInput === 0 ? 0 : laterRead / laterInput,
    toolMsPerTurn,
    harnessMs: harness,
    replyToToolMs,
    sideRequests: side.length,
    sideBytes: side.reduce((total, request) => total + request.bytes, 0),
    sideInputTokens: side.reduce(
      (total, request) => total + (request.usage ? inputOf(request.usage) : 0),
      0
    ),
    sideRoutes: side.map(
      request =>
        `${request.method} ${request.path}${request.body?.model ? ` ${request.body.model}` : ''}`
    ),
    firstAnyRequestMs: firstAny - spawnedAt
  }
}

function zeroUsage() {
  return {
    input_tokens: 0,
    output_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0
  }
}

/**
 * VmHWM of a live process in KB (Linux), or undefined.
 * @param {number | undefined} pid
 */
function highWaterKb(pid) {
  if (pid === undefined) return undefined
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]
    return kb === undefined ? undefined : Number(kb)
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ timeoutMs: number, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string, error?: string }>}
 */
function run(command, args, options) {
  return new Promise(resolve => {
    let stdout = ''
    let stderr = ''
    let child
    try {
      child = spawn(command, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: options.env ?? process.env
      })
    } catch (error) {
      resolve({ code: null, stdout, stderr, error: firstLine(error) })
      return
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', error => {
      clearTimeout(timer)
      resolve({ code: null, stdout, stderr, error: firstLine(error) })
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** @param {unknown} error */
function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0]
}

// `node scripts/bench/claude-code.mjs [--runs N] [--dir CACHE]`: install (or reuse) and measure,
// printing each run's figures and the medians as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { parseArgs } = await import('node:util')
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, dir: { type: 'string' } }
  })
  const log = (/** @type {string} */ line) => console.error(line)
  const installed = await installClaudeCode(values.dir, log)
  if ('skipped' in installed) {
    console.log(JSON.stringify(installed))
  } else {
    const started = performance.now()
    const measured = await measureClaudeCode({ bin: installed.bin, runs: Number(values.runs), log })
    /** @type {Record<string, number>} */
    const medians = {}
    for (const key of Object.keys(measured.runs[0] ?? {})) {
      const values = measured.runs.map(r => /** @type {any} */ (r)[key])
      if (values.every(v => typeof v === 'number')) medians[key] = median(values)
    }
    console.log(
      JSON.stringify(
        { ...installed, seconds: (performance.now() - started) / 1000, medians, ...measured },
        null,
        2
      )
    )
  }
}
