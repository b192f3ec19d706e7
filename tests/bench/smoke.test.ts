/**
 * The benchmark harness (scripts/bench-measure.mjs) computes its figures correctly: one measured
 * run of the scripted ten-turn task against the loopback fake, and every figure well-formed. No
 * timing thresholds: timings depend on the machine; `npm run bench` compares them with targets.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { measureOnce } from '../../scripts/bench-measure.mjs'
import { CLI, TempDirs } from '../cli/cli-process.js'

/** The figures of one run, as scripts/bench.mjs reads them. */
interface Figures {
  startupMs: number
  harnessMsPerTurn: number
  harnessMsMax: number
  turns: number
  firstRequestBytes: number
  totalBytes: number
  tools: number
  cacheBreakpoints: { system: boolean; lastTool: boolean; newestMessage: boolean }
  cacheShareFromTurn2: number
  peakRssMb: number
}

const dirs = new TempDirs()
const savedHome = process.env['HOME']
let figures: Figures

beforeAll(async () => {
  // measureOnce gives the CLI this process's environment: point HOME at a fresh folder so that no
  // real configuration or state of the machine is read or written.
  process.env['HOME'] = dirs.make('claw-bench-home-')
  figures = await measureOnce(CLI)
}, 60_000)
afterAll(() => {
  if (savedHome === undefined) delete process.env['HOME']
  else process.env['HOME'] = savedHome
  dirs.removeAll()
})

describe('measureOnce', () => {
  it('counts the ten scripted turns and the tools offered', () => {
    expect(figures.turns).toBe(10)
    expect(Number.isInteger(figures.tools)).toBe(true)
    expect(figures.tools).toBeGreaterThan(0)
  })

  it('measures start-up as a positive, finite time', () => {
    expect(Number.isFinite(figures.startupMs)).toBe(true)
    expect(figures.startupMs).toBeGreaterThan(0)
  })

  it('gives finite, non-negative harness times, the maximum at least the median', () => {
    for (const value of [figures.harnessMsPerTurn, figures.harnessMsMax]) {
      expect(Number.isFinite(value)).toBe(true)
      expect(value).toBeGreaterThanOrEqual(0)
    }
    expect(figures.harnessMsMax).toBeGreaterThanOrEqual(figures.harnessMsPerTurn)
  })

  it('sizes the requests: the first is a non-empty part of the total', () => {
    expect(Number.isInteger(figures.firstRequestBytes)).toBe(true)
    expect(figures.firstRequestBytes).toBeGreaterThan(0)
    expect(figures.firstRequestBytes).toBeLessThan(figures.totalBytes)
  })

  it('finds all three cache breakpoints and a cache share between 0 and 1', () => {
    expect(figures.cacheBreakpoints).toEqual({ system: true, lastTool: true, newestMessage: true })
    expect(Number.isFinite(figures.cacheShareFromTurn2)).toBe(true)
    expect(figures.cacheShareFromTurn2).toBeGreaterThanOrEqual(0)
    expect(figures.cacheShareFromTurn2).toBeLessThanOrEqual(1)
  })

  it('reads the peak memory the CLI reported as a positive number of MB', () => {
    expect(Number.isFinite(figures.peakRssMb)).toBe(true)
    expect(figures.peakRssMb).toBeGreaterThan(0)
  })
})
