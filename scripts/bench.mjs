// `npm run bench`: what claw costs on top of the model and the tools, side by side with its peers
// measured in the same run on the same machine, written to docs/performance.md with a chart.
//
// Sections (scripts/bench/*.mjs, each returns rows of figures; see scripts/bench/section.mjs):
//   bundle   size of dist/ and start time with and without the lazily loaded parts
//   startup  process start to the first model request: dist/index.js on a webhook payload, and
//            dist/cli.js; peer: the Claude Code CLI (`claude -p`)
//   turns    harness time per turn over a scripted ten-turn fix; peer: Claude Code on that script
//   tokens   bytes, estimated tokens and cache share of the same task's requests; same peer
//   search   Grep and Glob on a 50,000-file tree through each search path; peers: rg, git grep
//   review   context building for a 5,000-line pull request over 80 files
//   memory   peak RSS over a 200-turn session with compaction
//
// Options: --runs N (default 5) · --node PATH (the Node.js that runs dist/; the action runs on
// Node 24) · --only a,b · --no-peers · --smoke (tiny inputs, one run, no peers: what the tests
// run) · --out FILE (default docs/performance.md; the chart goes beside it as .svg) · --no-write
// · --json. Exits 1 when a section fails or a correctness check does not hold.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT } from './prepare-sample.mjs'
import { median } from './bench/section.mjs'
import { renderChart, renderMarkdown, renderText, replaceBlock } from './bench/report.mjs'

const ALL = ['bundle', 'startup', 'turns', 'tokens', 'search', 'review', 'memory']

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    node: { type: 'string', default: process.execPath },
    only: { type: 'string' },
    'no-peers': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'docs', 'performance.md') },
    'no-write': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false }
  }
})

function fail(message) {
  console.error(`bench: ${message}`)
  process.exit(2)
}

const runs = Number(values.runs ?? (values.smoke ? '1' : '5'))
if (!Number.isInteger(runs) || runs < 1)
  fail(`--runs must be a positive whole number, got "${values.runs}"`)
const only = values.only === undefined ? ALL : values.only.split(',').map(name => name.trim())
const unknown = only.filter(name => !ALL.includes(name))
if (unknown.length > 0)
  fail(`--only: unknown section ${unknown.join(', ')}; known: ${ALL.join(', ')}`)
const nodeVersion = spawnSync(values.node, ['--version'], { encoding: 'utf8' }).stdout?.trim()
if (!nodeVersion) fail(`--node ${values.node} does not run`)
const withPeers = !values['no-peers'] && !values.smoke
const dist = process.env.CLAW_DIST_DIR ? resolve(process.env.CLAW_DIST_DIR) : join(ROOT, 'dist')

const log = line => console.error(`[bench] ${line}`)
const work = mkdtempSync(join(tmpdir(), 'claw-bench-'))
const startedAt = performance.now()
const options = { runs, node: values.node, smoke: values.smoke, work, log, dist }
/** @type {import('./bench/section.mjs').SectionResult[]} */
const sections = []
let failed = false

try {
  const peers = withPeers
    ? await measurePeers()
    : { skipped: [{ what: 'peers', reason: values.smoke ? 'smoke variant' : '--no-peers' }] }

  const wanted = name => only.includes(name)
  if (wanted('bundle')) await section('bundle', () => import('./bench/bundle.mjs'))
  if (wanted('startup')) {
    await section(
      'startup',
      () => import('./bench/action.mjs'),
      result => {
        // The Claude Code CLI is a terminal program: its figure sits beside claw's CLI's.
        const cliRow = result.rows.find(row => row.figure.startsWith('dist/cli.js'))
        const peerStart =
          peers.claudeCode && median(peers.claudeCode.runs.map(run => run.startupMs))
        if (cliRow && peerStart !== undefined)
          Object.assign(cliRow, { peer: peerStart, peerName: peers.claudeCode.name })
        result.skipped.push(...peerSkips('startup'))
      }
    )
  }
  if (wanted('turns') || wanted('tokens')) {
    const started = performance.now()
    try {
      const { measure } = await import('./bench/turns.mjs')
      const { turns, tokens } = await measure({ ...options, peer: peers.claudeCode })
      turns.skipped.push(...peerSkips('turns'))
      tokens.skipped.push(...peerSkips('tokens'))
      if (wanted('turns')) sections.push(turns)
      if (wanted('tokens')) sections.push(tokens)
      log(`turns, tokens: ${((performance.now() - started) / 1000).toFixed(1)} s`)
    } catch (error) {
      sectionFailed('turns', error)
    }
  }
  if (wanted('search'))
    await section('search', () => import('./bench/search.mjs'), undefined, { rg: peers.rg })
  if (wanted('review')) await section('review', () => import('./bench/review.mjs'))
  if (wanted('memory')) await section('memory', () => import('./bench/memory.mjs'))

  /** Peer figures measured once and shared by the sections that compare with them. */
  async function measurePeers() {
    const result = { skipped: [] }
    try {
      const { installClaudeCode, measureClaudeCode } = await import('./bench/claude-code.mjs')
      const installed = await installClaudeCode(join(tmpdir(), 'claw-bench-peers'), log)
      if ('skipped' in installed) {
        result.skipped.push({ what: 'Claude Code CLI', reason: installed.skipped })
      } else {
        log(`peer: Claude Code ${installed.version}, ${runs} runs`)
        const measured = await measureClaudeCode({ bin: installed.bin, runs, log, work })
        result.claudeCode = {
          name: `claude -p ${installed.version}`,
          runs: measured.runs ?? measured
        }
        result.rg = installed.rg
      }
    } catch (error) {
      result.skipped.push({
        what: 'Claude Code CLI',
        reason: `could not be measured: ${firstLine(error)}`
      })
    }
    return result
  }
  function peerSkips(id) {
    return id === 'search' ? [] : (peers.skipped ?? [])
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

async function section(id, load, adjust, extra = {}) {
  const started = performance.now()
  try {
    const { measure } = await load()
    const result = await measure({ ...options, ...extra })
    adjust?.(result)
    sections.push(result)
    log(`${id}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  } catch (error) {
    sectionFailed(id, error)
  }
}

function sectionFailed(id, error) {
  failed = true
  console.error(
    `bench: section ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`
  )
}

function readPage(file) {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return '# Performance\n'
  }
}

async function prettierOptions(file) {
  const { resolveConfig } = await import('prettier')
  return (await resolveConfig(file)) ?? {}
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0]
}

const info = {
  date: new Date().toISOString().slice(0, 10),
  node: nodeVersion,
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  runs,
  seconds: (performance.now() - startedAt) / 1000,
  smoke: values.smoke
}
const badChecks = sections.flatMap(result => result.checks.filter(check => !check.ok))
if (badChecks.length > 0) failed = true

if (values.json) console.log(JSON.stringify({ info, sections }, null, 2))
else console.log(renderText(sections, info))

if (!values['no-write'] && !failed && sections.length > 0) {
  const out = resolve(values.out)
  const chart = out.replace(/\.md$/, '') + '.svg'
  const hasChart = sections.some(result => result.rows.some(row => row.peer !== undefined))
  if (hasChart) writeFileSync(chart, renderChart(sections))
  // The page is checked by prettier in CI: the block is formatted the way prettier would.
  const { format } = await import('prettier')
  const written = await format(
    replaceBlock(
      readPage(out),
      renderMarkdown(sections, info, hasChart ? basename(chart) : undefined)
    ),
    { filepath: out, ...(await prettierOptions(out)) }
  )
  writeFileSync(out, written)
  log(`wrote ${out}${hasChart ? ` and ${basename(chart)} beside it` : ''} (${dirname(out)})`)
} else if (failed) {
  console.error('bench: not written: a section failed or a check did not hold (see above)')
}
process.exit(failed ? 1 : 0)
