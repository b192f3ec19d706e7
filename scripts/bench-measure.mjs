// Measures one `claw run` of the scripted benchmark task; used by scripts/bench.mjs and by the
// benchmark's smoke test (tests/bench/smoke.test.ts). See scripts/bench.mjs for what each figure is.
import { spawn } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeAnthropic } from '../tests/fixtures/fake-anthropic.mjs'
import { benchSteps } from './scripted-tasks.mjs'
import { billedInputTokens } from './bench/section.mjs'
import { ROOT, prepareSample } from './prepare-sample.mjs'

const READ_ONLY = new Set(['Read', 'Glob', 'Grep'])

/** One measured `claw run`. */
export async function measureOnce(cli = join(ROOT, 'dist', 'cli.js'), node = process.execPath) {
  const { work, repo } = prepareSample('claw-bench-')
  const fake = await startFakeAnthropic(benchSteps())
  const session = join(work, 'session.jsonl')
  try {
    const spawnedAt = performance.now()
    const child = spawn(
      node,
      [cli, 'run', '--prompt', 'Fix the parsing of "250ms".', '--dir', repo, '--session', session],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ANTHROPIC_API_KEY: 'sk-ant-bench', ANTHROPIC_BASE_URL: fake.url }
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const exitCode = await new Promise(resolve => child.on('close', resolve))
    const summary = JSON.parse(stdout.trim().split('\n').at(-1) || '{}')
    if (exitCode !== 0 || summary.status !== 'success') {
      throw new Error(`claw run ended with ${summary.status ?? exitCode}:\n${stderr}`)
    }
    const events = readFileSync(session, 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line))
    return figures(fake.requests, events, spawnedAt, stderr)
  } finally {
    await fake.close()
    rmSync(work, { recursive: true, force: true })
  }
}

function figures(requests, events, spawnedAt, stderr) {
  // Tool time per turn: calls of one turn that are all read-only ran concurrently (the longest
  // counts); otherwise they ran one after another (they add up).
  const toolTimes = []
  let current = []
  for (const event of events) {
    if (event.type === 'request') {
      if (current.length > 0) toolTimes.push(turnToolTime(current))
      current = []
    } else if (event.type === 'tool_result') {
      current.push(event)
    }
  }
  if (current.length > 0) toolTimes.push(turnToolTime(current))

  const harness = []
  for (let index = 1; index < requests.length; index += 1) {
    // From the end of one reply to the start of the next request (its headers arriving): the
    // fake's own reading and parsing of the body is not claw's time.
    const gap = requests[index].startedAt - requests[index - 1].respondedAt
    harness.push(Math.max(0, gap - (toolTimes[index - 1] ?? 0)))
  }
  const usages = events.filter(e => e.type === 'request').map(e => e.usage)
  const inputOf = usage =>
    usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens
  const later = usages.slice(1)
  const sum = key => later.reduce((total, usage) => total + usage[key], 0)
  const input =
    sum('input_tokens') + sum('cache_read_input_tokens') + sum('cache_creation_input_tokens')
  const first = requests[0].body
  const lastMessage = first.messages.at(-1)
  const lastBlock = Array.isArray(lastMessage.content) ? lastMessage.content.at(-1) : undefined
  return {
    startupMs: requests[0].startedAt - spawnedAt,
    harnessMsPerTurn: median(harness),
    harnessMsMax: Math.max(...harness),
    turns: requests.length,
    firstRequestBytes: requests[0].bytes,
    totalBytes: requests.reduce((total, request) => total + request.bytes, 0),
    firstRequestTokens: inputOf(usages[0]),
    inputTokens: usages.reduce((total, usage) => total + inputOf(usage), 0),
    billedInputTokens: billedInputTokens(usages),
    outputTokens: usages.reduce((total, usage) => total + usage.output_tokens, 0),
    tools: first.tools.length,
    cacheBreakpoints: {
      system: Boolean(first.system?.[0]?.cache_control),
      lastTool: Boolean(first.tools.at(-1)?.cache_control),
      newestMessage: Boolean(lastBlock?.cache_control)
    },
    cacheShareFromTurn2: input === 0 ? 0 : sum('cache_read_input_tokens') / input,
    peakRssMb: Number(/peak memory (\d+) MB/.exec(stderr)?.[1] ?? NaN)
  }
}

function turnToolTime(results) {
  const durations = results.map(result => result.duration_ms)
  return results.every(result => READ_ONLY.has(result.tool))
    ? Math.max(...durations)
    : durations.reduce((a, b) => a + b, 0)
}

export function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * The floor under the start-up figure: ms from spawning `node` to a request from a script that
 * does nothing but `fetch`. It moves with the machine's speed and Node's version; what claw adds
 * is the start-up figure minus this one.
 */
export async function measureBaseline(node = process.execPath) {
  const { createServer } = await import('node:http')
  let receivedAt = 0
  const server = createServer((request, response) => {
    receivedAt = performance.now()
    request.resume()
    response.end('{}')
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}/`
  try {
    const spawnedAt = performance.now()
    const child = spawn(
      node,
      ['-e', `fetch(${JSON.stringify(url)}, { method: 'POST', body: '{}' })`],
      {
        stdio: 'ignore'
      }
    )
    await new Promise(resolve => child.on('close', resolve))
    return receivedAt - spawnedAt
  } finally {
    server.close()
  }
}
