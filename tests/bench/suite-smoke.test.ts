/**
 * The whole `npm run bench` in its smoke variant (`--smoke`: tiny inputs, one run, no peers), as a
 * user runs it: every section runs against the built dist/, its correctness checks hold (the
 * search paths agree with each other, the review stays within its budget, compaction happened),
 * and the page and table are written. Timings are not asserted: they depend on the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BLOCK_END, BLOCK_START } from '../../scripts/bench/report.mjs'
import { ROOT, TempDirs, baseEnv, runProcess, type ProcessResult } from '../cli/cli-process.js'

interface Report {
  info: { runs: number; smoke: boolean; node: string }
  sections: {
    id: string
    rows: { figure: string; unit: string; claw: number; peer?: number }[]
    checks: { what: string; ok: boolean; detail?: string }[]
    skipped: { what: string; reason: string }[]
  }[]
}

const dirs = new TempDirs()
let out: string
let result: ProcessResult
let report: Report

beforeAll(async () => {
  const folder = dirs.make('claw-bench-smoke-')
  out = join(folder, 'performance.md')
  const env = { ...baseEnv(dirs.make('claw-bench-home-')) }
  if (process.env['CLAW_DIST_DIR']) env['CLAW_DIST_DIR'] = process.env['CLAW_DIST_DIR']
  result = await runProcess(
    process.execPath,
    [join(ROOT, 'scripts', 'bench.mjs'), '--smoke', '--json', '--out', out],
    { env, timeoutMs: 170_000 }
  )
  report = JSON.parse(result.stdout) as Report
}, 180_000)
afterAll(() => dirs.removeAll())

describe('npm run bench -- --smoke', () => {
  it('ends with exit code 0 and says nothing failed', () => {
    expect(result.stderr).not.toMatch(/bench: section \w+ failed/)
    expect(result.code).toBe(0)
  })

  it('runs every section once, without peers, and says why the peers were left out', () => {
    expect(report.info).toMatchObject({ runs: 1, smoke: true })
    expect(report.sections.map(section => section.id)).toEqual([
      'bundle',
      'startup',
      'turns',
      'tokens',
      'search',
      'review',
      'memory'
    ])
    for (const section of report.sections) {
      expect(section.rows.length).toBeGreaterThan(0)
      for (const row of section.rows) {
        expect({ figure: row.figure, finite: Number.isFinite(row.claw) }).toEqual({
          figure: row.figure,
          finite: true
        })
      }
    }
    const turns = report.sections.find(section => section.id === 'turns')
    expect(turns?.skipped).toEqual([{ what: 'peers', reason: 'smoke variant' }])
  })

  it('holds every correctness check, the search paths agreeing among them', () => {
    const checks = report.sections.flatMap(section =>
      section.checks.map(check => ({ section: section.id, ...check }))
    )
    expect(checks.filter(check => !check.ok)).toEqual([])
    expect(checks.some(check => check.section === 'search')).toBe(true)
    expect(checks.some(check => check.section === 'review')).toBe(true)
    expect(checks.some(check => check.section === 'memory')).toBe(true)
  })

  it('writes the table into the page given with --out, and a chart of the rows with a peer', () => {
    const page = readFileSync(out, 'utf8')
    expect(page).toContain(BLOCK_START)
    expect(page).toContain(BLOCK_END)
    expect(page).toContain('Smoke variant')
    expect(page).toMatch(/\| +\| +figure +\| +claw +\| +peer +\|/)
    // In the smoke variant only the search section has peers (rg, git grep: no install needed).
    const compared = report.sections.flatMap(section =>
      section.rows.filter(row => row.peer !== undefined)
    )
    const chart = out.replace(/\.md$/, '.svg')
    expect(existsSync(chart)).toBe(compared.length > 0)
    if (compared.length > 0)
      expect(readFileSync(chart, 'utf8')).toContain(compared[0]!.figure.slice(0, 30))
  })
})
