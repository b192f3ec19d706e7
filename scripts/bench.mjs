// `npm run bench`: what the harness itself costs, measured on the built CLI (dist/cli.js).
//
// Each run spawns `node dist/cli.js run` on a fresh copy of the sample library against the
// loopback fake of the Anthropic API (tests/fixtures/fake-anthropic.mjs), which plays a scripted
// ten-turn fix (scripts/scripted-tasks.mjs). Every tool call runs for real. Printed, as medians:
// - start-up: ms from spawning the process to the first model request arriving
// - harness per turn: ms from the end of one streamed reply to the next request arriving, minus
//   the time the turn's tools ran (from the session); what the agent adds on top of model and tools
// - bytes of the first request and of all requests, cache breakpoints, cache share from turn 2
// - peak RSS of the CLI process
// `--runs N` sets the number of runs (default 5); `--node PATH` runs the CLI with another Node.js
// (the action runs on the runner's Node 24); `--json` prints the figures as JSON instead.
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { measureBaseline, measureOnce, median } from './bench-measure.mjs'

const TARGETS = { startupMs: 150, harnessMsPerTurn: 5, firstRequestBytes: 20_000 }

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    node: { type: 'string', default: process.execPath },
    json: { type: 'boolean', default: false }
  }
})
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: --runs must be a positive whole number, got "${values.runs}"`)
  process.exit(2)
}

const nodeVersion = spawnSync(values.node, ['--version'], { encoding: 'utf8' }).stdout.trim()
if (!nodeVersion) {
  console.error(`bench: --node ${values.node} does not run`)
  process.exit(2)
}

const results = []
const baselines = []
for (let index = 0; index < runs; index += 1) {
  results.push(await measureOnce(undefined, values.node))
  baselines.push(await measureBaseline(values.node))
}
const pick = key => median(results.map(result => result[key]))
const report = {
  runs,
  node: nodeVersion,
  startupMs: pick('startupMs'),
  nodeFetchBaselineMs: median(baselines),
  harnessMsPerTurn: pick('harnessMsPerTurn'),
  harnessMsMax: pick('harnessMsMax'),
  turns: results[0].turns,
  firstRequestBytes: pick('firstRequestBytes'),
  totalBytes: pick('totalBytes'),
  tools: results[0].tools,
  cacheBreakpoints: results[0].cacheBreakpoints,
  cacheShareFromTurn2: pick('cacheShareFromTurn2'),
  peakRssMb: pick('peakRssMb')
}

if (values.json) {
  console.log(JSON.stringify(report, null, 2))
} else {
  const mark = ok => (ok ? 'ok  ' : 'MISS')
  const rows = [
    [
      'start-up to first request',
      `${report.startupMs.toFixed(0)} ms`,
      `< ${TARGETS.startupMs} ms`,
      report.startupMs < TARGETS.startupMs
    ],
    [
      '  node start + first fetch, no claw',
      `${report.nodeFetchBaselineMs.toFixed(0)} ms`,
      '',
      true
    ],
    [
      '  claw itself (start-up minus that floor)',
      `${(report.startupMs - report.nodeFetchBaselineMs).toFixed(0)} ms`,
      '',
      true
    ],
    [
      'harness time per turn (median)',
      `${report.harnessMsPerTurn.toFixed(2)} ms`,
      `< ${TARGETS.harnessMsPerTurn} ms`,
      report.harnessMsPerTurn < TARGETS.harnessMsPerTurn
    ],
    [
      'harness time per turn (slowest, median of runs)',
      `${report.harnessMsMax.toFixed(2)} ms`,
      '',
      true
    ],
    [
      'first request',
      `${(report.firstRequestBytes / 1000).toFixed(1)} KB, ${report.tools} tools`,
      `< ${TARGETS.firstRequestBytes / 1000} KB`,
      report.firstRequestBytes < TARGETS.firstRequestBytes
    ],
    [`all ${report.turns} requests`, `${(report.totalBytes / 1000).toFixed(1)} KB`, '', true],
    [
      'cache breakpoints (system, last tool, newest message)',
      Object.values(report.cacheBreakpoints)
        .map(b => (b ? 'yes' : 'no'))
        .join(', '),
      'all',
      Object.values(report.cacheBreakpoints).every(Boolean)
    ],
    [
      'input tokens from cache, turn 2 on (loopback estimate)',
      `${(report.cacheShareFromTurn2 * 100).toFixed(1)} %`,
      '>= 90 %',
      report.cacheShareFromTurn2 >= 0.9
    ],
    ['peak RSS', `${report.peakRssMb} MB`, '', true]
  ]
  console.log(
    `claw benchmark: ${runs} runs of a ${report.turns}-turn scripted fix, node ${nodeVersion}\n`
  )
  const width = Math.max(...rows.map(row => row[0].length))
  for (const [name, value, target, ok] of rows) {
    console.log(
      `${target ? mark(ok) : '    '}  ${name.padEnd(width)}  ${value.padStart(18)}  ${target}`
    )
  }
}
