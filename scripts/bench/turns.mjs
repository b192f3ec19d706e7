// @ts-check
// Sections 2 and 3 of `npm run bench`: what claw adds per turn, and the tokens it sends, over the
// scripted ten-turn fix (scripts/scripted-tasks.mjs benchSteps) played by the loopback model.
// Each run is one `node dist/cli.js run` (scripts/bench-measure.mjs measureOnce); the Claude Code
// CLI's figures, when measured in the same bench run on the same script, are its peer.
import { join } from 'node:path'
import { measureOnce } from '../bench-measure.mjs'
import { ROOT } from '../prepare-sample.mjs'
import { median } from './section.mjs'

/** @typedef {import('./section.mjs').SectionOptions} SectionOptions */
/** @typedef {import('./section.mjs').SectionResult} SectionResult */
/**
 * Figures of one run, as measureOnce returns them; a peer's runs carry the same names (any it
 * cannot measure are left out).
 * @typedef {Record<string, any>} RunFigures
 * @typedef {{ name: string, runs: RunFigures[] }} PeerRuns
 */

/**
 * @param {SectionOptions & { dist?: string, peer?: PeerRuns }} options
 * @returns {Promise<{ turns: SectionResult, tokens: SectionResult, runs: RunFigures[] }>}
 */
export async function measure(options) {
  const cli = join(options.dist ?? join(ROOT, 'dist'), 'cli.js')
  /** @type {RunFigures[]} */
  const runs = []
  for (let index = 0; index < options.runs; index += 1) {
    options.log(`turns: run ${index + 1} of ${options.runs}`)
    runs.push(await measureOnce(cli, options.node))
  }
  const pick = (/** @type {RunFigures[]} */ list, /** @type {string} */ key) => {
    const values = list.map(run => run[key]).filter(value => Number.isFinite(value))
    return values.length === 0 ? undefined : median(values)
  }
  const peer = options.peer
  /** Peer fields of a row: present only when the peer measured that figure. */
  const against = (/** @type {string} */ key, /** @type {(value: number) => number} */ scale) => {
    const value = peer === undefined ? undefined : pick(peer.runs, key)
    return value === undefined ? {} : { peer: scale(value), peerName: peer.name }
  }
  const same = (/** @type {number} */ value) => value
  const kb = (/** @type {number} */ value) => value / 1000
  const percent = (/** @type {number} */ value) => value * 100
  const claw = (/** @type {string} */ key) => /** @type {number} */ (pick(runs, key))
  const turnCount = runs[0]?.turns ?? 0

  /** @type {SectionResult} */
  const turns = {
    id: 'turns',
    title: 'Harness time per turn',
    rows: [
      {
        figure: `time claw adds per turn, median of ${turnCount - 1} gaps`,
        unit: 'ms',
        claw: claw('harnessMsPerTurn'),
        ...against('harnessMsPerTurn', same),
        target: { op: '<', value: 2 },
        note: 'reply end to next request, minus the tools’ own time'
      },
      {
        figure: 'slowest turn',
        unit: 'ms',
        claw: claw('harnessMsMax'),
        ...against('harnessMsMax', same)
      }
    ],
    skipped: [],
    notes: [],
    checks: [
      {
        what: `every run played all ${turnCount} scripted turns and ended in success`,
        ok: runs.every(run => run.turns === turnCount && turnCount === 10)
      }
    ]
  }

  /** @type {SectionResult} */
  const tokens = {
    id: 'tokens',
    title: 'Tokens per task',
    rows: [
      {
        figure: 'first request',
        unit: 'KB',
        claw: kb(claw('firstRequestBytes')),
        ...against('firstRequestBytes', kb),
        target: { op: '<', value: 20 },
        note: `${runs[0]?.tools} tools${peer ? '' : ''}`
      },
      {
        figure: 'tools offered',
        unit: 'tools',
        claw: claw('tools'),
        ...against('tools', same)
      },
      {
        figure: `all ${turnCount} requests`,
        unit: 'KB',
        claw: kb(claw('totalBytes')),
        ...against('totalBytes', kb)
      },
      {
        figure: 'input tokens of the task (estimated, all requests)',
        unit: 'tokens',
        claw: claw('inputTokens'),
        ...against('inputTokens', same),
        note: 'bytes ÷ 4, as the loopback model estimates them'
      },
      {
        figure: 'input tokens as billed (cache writes 1.25×, reads 0.1×)',
        unit: 'tokens',
        claw: claw('billedInputTokens'),
        ...against('billedInputTokens', same),
        note: 'what the task’s input costs, whatever its cache share'
      },
      {
        figure: 'input tokens served from cache, turn 2 on',
        unit: '%',
        claw: percent(claw('cacheShareFromTurn2')),
        ...against('cacheShareFromTurn2', percent),
        target: { op: '>=', value: 90 },
        note: 'higher is better; estimated from the cache breakpoints'
      }
    ],
    skipped: [],
    notes: [],
    checks: [
      {
        what: 'cache breakpoints on the system prompt, the last tool and the newest message',
        ok: runs.every(run => Object.values(run.cacheBreakpoints ?? {}).every(Boolean))
      }
    ]
  }
  return { turns, tokens, runs }
}
