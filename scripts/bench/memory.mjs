// @ts-check
/**
 * `npm run bench`, section "memory": peak RSS of `claw run` (dist/cli.js) over a long session.
 *
 * The scripted model (tests/fixtures/fake-anthropic.mjs) plays 200 turns on a repository of real
 * source files (ESLint's rules from node_modules): reads of whole files, Grep content searches,
 * `cat` through Bash, partial reads, now and then several calls in one turn, and a final answer.
 * Every call runs for real, so the conversation grows by what the tools return (up to 40,000
 * characters a result) until it nears the model's context window (200,000 tokens; the fake
 * reports usage as bytes / 4), when claw compacts it: the fake answers the summary request
 * (recognised by claw's summary instruction) with a short summary, and the session goes on.
 *
 * Measured: peak RSS as the CLI reports it (`peak memory N MB`, the process's maxRSS), the
 * compactions (`compaction` events of the session JSONL), turns, bytes sent, and on Linux the
 * CLI's RSS at every model request (/proc/<pid>/status), to tell a sawtooth that follows the
 * context from memory that grows turn after turn.
 */
import { spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { startFakeAnthropic } from '../../tests/fixtures/fake-anthropic.mjs'
import { git } from '../prepare-sample.mjs'
import { ROOT, distDir, reply, text, use } from './runner.mjs'
import { median } from './section.mjs'

/** Folders of source files the session reads (the first that exists). */
const SOURCES = ['node_modules/eslint/lib/rules', 'node_modules/yaml/dist', 'node_modules/ajv/dist']
/** claw's summary instruction (src/agent/compaction.ts), which marks a compaction request. */
const SUMMARY_MARK = 'is about to be replaced by a summary'
const POLICY = `version: 1
defaults:
  read:
    allow: ['**']
  write:
    allow: []
  bash:
    allow: ['cat *', 'wc *', 'ls *']
  network: false
limits:
  max-turns: 400
  max-cost-usd: 10000
  timeout-minutes: 30
`

/** The repository: the source files under lib/, committed. */
function prepareRepository(/** @type {string} */ work) {
  const source = SOURCES.map(folder => join(ROOT, folder)).find(folder => existsSync(folder))
  if (!source) throw new Error(`memory: none of ${SOURCES.join(', ')} is installed`)
  const repo = join(work, 'repo')
  mkdirSync(repo)
  cpSync(source, join(repo, 'lib'), { recursive: true })
  writeFileSync(join(repo, 'README.md'), '# lib\n')
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'sources')
  /** @type {string[]} */
  const files = []
  const walk = (/** @type {string} */ dir, /** @type {string} */ prefix) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`)
      else if (name.endsWith('.js')) files.push(`${prefix}${name}`)
    }
  }
  walk(join(repo, 'lib'), 'lib/')
  // Largest first: whole reads of these are what a model reads when it studies a module.
  const sized = files
    .map(path => ({ path, size: statSync(join(repo, path)).size }))
    .sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))
  return { repo, files: sized.map(file => file.path) }
}

/**
 * The model's side of `turns` turns: tool calls that return real content, then an answer.
 * @param {string[]} files
 * @param {number} turns
 * @param {boolean} heavy several large reads a turn (the smoke variant, to compact in 20 turns)
 */
function sessionSteps(files, turns, heavy) {
  const words = ['context', 'report', 'node', 'options', 'token', 'sourceCode', 'fix', 'messages']
  const pick = (/** @type {number} */ n) => files[n % Math.min(files.length, 60)] ?? 'README.md'
  /** @type {import('../../tests/fixtures/fake-anthropic.mjs').Step[]} */
  const steps = []
  for (let turn = 0; turn < turns - 1; turn += 1) {
    if (heavy) {
      steps.push(reply(...[0, 1, 2].map(k => use('Read', { file_path: pick(turn * 3 + k) }))))
      continue
    }
    switch (turn % 5) {
      case 0:
        steps.push(reply(text('Reading the module.'), use('Read', { file_path: pick(turn) })))
        break
      case 1:
        steps.push(
          reply(
            use('Grep', {
              pattern: words[turn % words.length],
              path: 'lib',
              output_mode: 'content'
            })
          )
        )
        break
      case 2:
        steps.push(
          reply(use('Bash', { command: `cat ${pick(turn + 7)}`, description: 'Show the file' }))
        )
        break
      case 3:
        steps.push(
          reply(
            use('Read', { file_path: pick(turn + 3), offset: 1, limit: 120 }),
            use('Glob', { pattern: `lib/**/*${words[turn % words.length]?.slice(0, 3)}*.js` })
          )
        )
        break
      default:
        steps.push(
          reply(
            text('Comparing two related rules.'),
            use('Read', { file_path: pick(turn + 11) }),
            use('Read', { file_path: pick(turn + 13) })
          )
        )
    }
  }
  steps.push(reply(text('Done: I read the rules and their helpers; nothing needs to change.')))
  return steps
}

/** The RSS of a process in KB (Linux), or undefined. */
function rssKb(/** @type {number | undefined} */ pid) {
  if (pid === undefined) return undefined
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status)
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

/**
 * One `claw run` of the long session.
 * @param {{ node: string, nodeArgs?: string[], cli: string, repo: string, files: string[], turns: number, heavy: boolean, work: string, index: number }} run
 */
async function sessionOnce(run) {
  const steps = sessionSteps(run.files, run.turns, run.heavy)
  let turn = 0
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child
  /** @type {{ turn: number, compaction: boolean, rssKb: number | undefined, bytes: number }[]} */
  const samples = []
  /** @type {{ index: number, bytes: number }[]} */
  const requestsSeen = []
  /** @type {import('../../tests/fixtures/fake-anthropic.mjs').Script} */
  const script = (request, index) => {
    const messages = request.body.messages
    const lastMessage = JSON.stringify(messages.at(-1))
    const compaction = lastMessage.includes(SUMMARY_MARK)
    samples.push({ turn, compaction, rssKb: rssKb(child?.pid), bytes: request.bytes })
    // Only the sizes are kept: 200 large bodies would weigh on this process.
    requestsSeen.push({ index, bytes: request.bytes })
    Object.assign(request, { body: undefined })
    if (compaction) {
      return reply(
        text(
          `Summary of turns up to ${turn}: the task is to study the lint rules under lib/. ` +
            'Read many rules and their helpers with Read, Grep and cat; nothing was changed; ' +
            'nothing was refused. Left to do: keep reading, then answer.'
        )
      )
    }
    return steps[turn++]
  }
  const fake = await startFakeAnthropic(script)
  const session = join(run.work, `memory-session-${run.index}.jsonl`)
  const policy = join(run.work, 'memory-policy.yml')
  writeFileSync(policy, POLICY)
  try {
    const started = performance.now()
    child = spawn(
      run.node,
      [
        ...(run.nodeArgs ?? []),
        run.cli,
        'run',
        '--prompt',
        'Study the lint rules under lib/ and tell me which share helpers.',
        '--dir',
        run.repo,
        '--policy',
        policy,
        '--max-turns',
        String(run.turns + 10),
        '--session',
        session
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ANTHROPIC_API_KEY: 'sk-ant-bench', ANTHROPIC_BASE_URL: fake.url }
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', chunk => (stdout += chunk))
    child.stderr?.on('data', chunk => (stderr += chunk))
    const exitCode = await new Promise(resolve => child?.on('close', resolve))
    const seconds = (performance.now() - started) / 1000
    const summary = JSON.parse(stdout.trim().split('\n').at(-1) || '{}')
    if (exitCode !== 0 || summary.status !== 'success') {
      throw new Error(`claw run ended with ${summary.status ?? exitCode}:\n${stderr.slice(-3000)}`)
    }
    const events = readFileSync(session, 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line))
    const compactions = events.filter(event => event.type === 'compaction')
    return {
      peakRssMb: Number(/peak memory (\d+) MB/.exec(stderr)?.[1] ?? NaN),
      turns: Number(summary.turns),
      compactions: compactions.length,
      tokensBefore: compactions.map(event => Number(event.tokens_before)),
      requests: requestsSeen.length,
      totalBytes: requestsSeen.reduce((sum, request) => sum + request.bytes, 0),
      largestRequest: Math.max(...requestsSeen.map(request => request.bytes)),
      toolCalls: events.filter(event => event.type === 'tool_result').length,
      toolErrors: events.filter(event => event.type === 'tool_result' && event.is_error).length,
      samples,
      seconds
    }
  } finally {
    await fake.close()
  }
}

/**
 * @param {import('./section.mjs').SectionOptions & { dist?: string }} options
 * @returns {Promise<import('./section.mjs').SectionResult & { raw: Record<string, unknown> }>}
 */
export async function measure(options) {
  const cli = join(distDir(options.dist), 'cli.js')
  const runs = options.smoke ? 1 : options.runs
  const turns = options.smoke ? 20 : 200
  const { repo, files } = prepareRepository(options.work)
  /** @type {Awaited<ReturnType<typeof sessionOnce>>[]} */
  const results = []
  for (let index = 0; index < runs; index += 1) {
    options.log(`memory: run ${index + 1} of ${runs} (${turns} turns)`)
    results.push(
      await sessionOnce({
        node: options.node,
        cli,
        repo,
        files,
        turns,
        heavy: options.smoke,
        work: options.work,
        index
      })
    )
  }
  // The same session with V8's old space capped: if it still succeeds, what claw keeps alive is
  // under the cap, and the peak above is garbage V8 had not yet collected, not memory held on to.
  const capMb = 64
  const capped = options.smoke
    ? undefined
    : await sessionOnce({
        node: options.node,
        nodeArgs: [`--max-old-space-size=${capMb}`],
        cli,
        repo,
        files,
        turns,
        heavy: false,
        work: options.work,
        index: runs
      }).catch((/** @type {unknown} */ error) => error)
  const pick = (/** @type {(r: (typeof results)[number]) => number} */ get) =>
    median(results.map(get))
  const last = /** @type {(typeof results)[number]} */ (results.at(-1))
  const compactions = pick(r => r.compactions)

  // The CLI's RSS at the first request after each compaction (the context is smallest there): a
  // flat line means memory follows the context; a rising one, memory kept turn after turn.
  const afterCompaction = last.samples
    .filter((_sample, index) => index > 0 && last.samples[index - 1]?.compaction)
    .map(sample => sample.rssKb)
    .filter(value => value !== undefined)
  const sampled = last.samples.map(sample => sample.rssKb).filter(value => value !== undefined)
  /** @type {import('./section.mjs').SectionResult & { raw: Record<string, unknown> }} */
  const result = {
    id: 'memory',
    title: `Memory: a ${turns}-turn session with compaction (dist/cli.js)`,
    rows: [
      {
        figure: `peak RSS, ${turns}-turn session with ${compactions} compactions`,
        unit: 'MB',
        claw: pick(r => r.peakRssMb),
        target: { op: '<', value: 150 },
        note: "the process's maxRSS as claw run reports it"
      },
      { figure: 'model turns', unit: 'turns', claw: pick(r => r.turns) },
      { figure: 'compactions', unit: 'compactions', claw: compactions },
      {
        figure: 'tool calls run (all for real)',
        unit: 'calls',
        claw: pick(r => r.toolCalls)
      },
      {
        figure: 'bytes sent to the model, all requests',
        unit: 'MB',
        claw: pick(r => r.totalBytes) / 1e6,
        note: `${last.requests} requests (turns and summaries), the largest ${(last.largestRequest / 1000).toFixed(0)} KB`
      },
      { figure: 'session wall time', unit: 's', claw: pick(r => r.seconds) }
    ],
    skipped: [],
    notes: [
      `The session reads real source files (${SOURCES[0]} or the like) with Read, Grep, Glob and \`cat\` through Bash, every call run for real; claw compacts when a request's input nears 75 % of the 200,000-token window (the fake model counts bytes / 4). Tokens before each compaction, as the session records them: ${last.tokensBefore.map(n => n.toLocaleString('en-US')).join(', ') || 'none'}.`,
      "RSS is sampled from /proc/<pid>/status when each model request arrives. Right after a compaction the conversation is small again, so RSS rising from one compaction to the next means memory that outlives the turns; the run with V8's old space capped tells whether that is memory claw holds (the capped run would fail or stay high) or garbage V8 has not collected yet (the capped run finishes, flat)."
    ],
    checks: [
      {
        what: 'the session compacted at least once (compaction events in the session JSONL)',
        ok: compactions >= 1,
        detail: `${compactions} compactions`
      },
      {
        what: `every run ended with success after ${turns} turns`,
        ok: results.every(r => r.turns === turns),
        detail: `turns: ${results.map(r => r.turns).join(', ')}; tool errors: ${last.toolErrors}`
      }
    ],
    raw: {
      peakRssMb: results.map(r => r.peakRssMb),
      rssKbAtEachRequest: last.samples.map(sample => sample.rssKb ?? null),
      rssKbAfterEachCompaction: afterCompaction
    }
  }
  if (capped !== undefined) {
    const ok = !(capped instanceof Error) && /** @type {any} */ (capped).turns === turns
    const figures = /** @type {(typeof results)[number]} */ (capped)
    result.rows.push({
      figure: `peak RSS, same session, node --max-old-space-size=${capMb}`,
      unit: 'MB',
      claw: ok ? figures.peakRssMb : NaN,
      note: ok
        ? `what V8 keeps when made to collect early; after each compaction: ${figures.samples
            .filter((_sample, index) => index > 0 && figures.samples[index - 1]?.compaction)
            .map(sample => ((sample.rssKb ?? NaN) / 1024).toFixed(0))
            .join(', ')} MB`
        : 'the session did not finish under the cap'
    })
    result.checks.push({
      what: `the same session succeeds with V8's old space capped at ${capMb} MB (live memory stays bounded)`,
      ok,
      detail: ok ? `${figures.turns} turns` : String(capped).slice(0, 300)
    })
  }
  if (sampled.length > 0) {
    result.rows.push({
      figure: 'RSS at the first request after the last compaction',
      unit: 'MB',
      claw: afterCompaction.length > 0 ? Number(afterCompaction.at(-1)) / 1024 : NaN,
      note:
        afterCompaction.length > 0
          ? `after the first: ${(Number(afterCompaction[0]) / 1024).toFixed(0)} MB; after each: ${afterCompaction.map(kb => (Number(kb) / 1024).toFixed(0)).join(', ')} MB`
          : 'no compaction'
    })
  } else {
    result.skipped.push({ what: 'RSS at each request', reason: 'no /proc here' })
  }
  return result
}
