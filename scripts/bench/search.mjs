// @ts-check
// The search section: Grep and Glob through claw's built CLI on a tree of 50,000+ source files,
// once per file lister (CLAW_SEARCH=js, git, rg), against rg and git grep run directly with the
// same limits (files over 10 MB and binary files not searched).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  symlinkSync
} from 'node:fs'
import path from 'node:path'
import { startFakeAnthropic } from '../../tests/fixtures/fake-anthropic.mjs'
import { median } from './section.mjs'
import { searchTree } from './search-tree.mjs'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
/** Grep's size cap (src/tools/files.ts MAX_FILE_BYTES): larger files are not searched. */
const MAX_FILE_BYTES = 10 * 1024 * 1024
/** Grep's binary sniff (src/tools/files.ts BINARY_SNIFF_BYTES): a NUL in these is binary. */
const CLAW_SNIFF_BYTES = 8192
/** git's binary sniff (xdiff's FIRST_FEW_BYTES). */
const GIT_SNIFF_BYTES = 8000

/**
 * One query: the claw tool call, and the same search as rg and git grep arguments.
 * @typedef {{
 *   label: string,
 *   tool: 'Grep' | 'Glob',
 *   input: Record<string, unknown>,
 *   rg: string[],
 *   git: string[],
 *   kind: 'files' | 'count' | 'content' | 'glob'
 * }} Query
 */

/**
 * Three Grep modes (paths, counts, a page of lines) and two Glob patterns (many and few files).
 * @type {Query[]}
 */
const QUERIES = [
  {
    label: 'literal identifier',
    tool: 'Grep',
    input: { pattern: 'createElement' },
    rg: ['-l', '-F', 'createElement'],
    git: ['grep', '-l', '--untracked', '-I', '-F', 'createElement'],
    kind: 'files'
  },
  {
    label: 'case-insensitive, count',
    tool: 'Grep',
    input: { pattern: 'deprecated', '-i': true, output_mode: 'count' },
    rg: ['-c', '-i', '-F', 'deprecated'],
    git: ['grep', '-c', '--untracked', '-I', '-i', '-F', 'deprecated'],
    kind: 'count'
  },
  {
    label: 'content, head_limit 50',
    tool: 'Grep',
    input: {
      pattern: 'Object\\.defineProperty\\(exports',
      output_mode: 'content',
      head_limit: 50
    },
    rg: ['-n', '-F', 'Object.defineProperty(exports'],
    git: ['grep', '-n', '--untracked', '-I', '-F', 'Object.defineProperty(exports'],
    kind: 'content'
  },
  {
    label: '**/*.d.ts',
    tool: 'Glob',
    input: { pattern: '**/*.d.ts' },
    rg: ['--files', '-g', '*.d.ts'],
    git: ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.d.ts'],
    kind: 'glob'
  },
  {
    label: '**/package.json',
    tool: 'Glob',
    input: { pattern: '**/package.json' },
    rg: ['--files', '-g', 'package.json'],
    git: ['ls-files', '--cached', '--others', '--exclude-standard', '--', ':(glob)**/package.json'],
    kind: 'glob'
  }
]

/** rg as run directly: the files claw searches (hidden ones too, no .git), the same size cap. */
const RG_COMMON = [
  '--hidden',
  '-g',
  '!.git',
  '--no-config',
  '--no-messages',
  '--max-filesize',
  String(MAX_FILE_BYTES)
]
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
/** Listers and peers run at most this many times; the walk runs once (it reads every file). */
const MAX_RUNS = 3

/**
 * @param {import('./section.mjs').SectionOptions & { rg?: string, dist?: string }} options
 *   `rg`: an rg binary to use when none is on PATH (e.g. Claude Code's native binary, which acts
 *   as rg when called by that name); `dist`: the built claw (default: dist/ of this checkout,
 *   or CLAW_DIST_DIR).
 * @returns {Promise<import('./section.mjs').SectionResult>}
 */
export async function measure(options) {
  /** @type {import('./section.mjs').SectionResult} */
  const result = {
    id: 'search',
    title: 'Search: Grep and Glob on a large tree',
    rows: [],
    skipped: [],
    notes: [],
    checks: []
  }
  const dist = options.dist ?? process.env.CLAW_DIST_DIR ?? path.join(ROOT, 'dist')
  const tree = searchTree({ smoke: options.smoke, log: options.log })
  if (tree.built) options.log(`search: built the tree in ${Math.round(tree.buildMs / 1000)} s`)
  result.notes.push(
    `Tree: ${tree.files} files in git (npm package sources side by side, ` +
      `${options.smoke ? 'smoke copy of node_modules' : 'from the npm cache and registry'}), ` +
      'a root .gitignore (*.map, *.min.js, dist/esm folders) and a nested one with a negation.'
  )

  // rg for the rg lister and as the peer: PATH first, else the caller's binary, linked as `rg`
  // in a folder put first on the child's PATH.
  const rgBin = findRg(options)
  const rgDir = path.join(options.work, 'rg-bin')
  const rgLink = path.join(rgDir, 'rg')
  let rgVersion = ''
  if (rgBin !== undefined) {
    mkdirSync(rgDir, { recursive: true })
    if (!existsSync(rgLink)) symlinkSync(rgBin.path, rgLink)
    rgVersion = execFileSync(rgLink, ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? 'rg'
    result.notes.push(`rg: ${rgVersion} from ${rgBin.from}.`)
  } else {
    result.skipped.push({
      what: 'rg lister, rg peer and the claw ÷ rg figures',
      reason: 'no rg on PATH and no options.rg given'
    })
  }
  const gitVersion = execFileSync('git', ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(' version', ' grep')
  // git grep has no size cap: the files over 10 MB are left out by name, as claw's git lister
  // does (found here once, outside the timings).
  const large = largeFiles(tree.dir)
  const gitExcludes = large.map(file => `:(exclude,literal)${file}`)

  const backends = rgBin === undefined ? ['js', 'git'] : ['js', 'git', 'rg']
  /** @type {Record<string, number[][]>} ms per path (backend or peer), per query, per run */
  const times = Object.fromEntries(
    [...backends, 'peer-rg', 'peer-git'].map(name => [name, QUERIES.map(() => [])])
  )
  /** @type {Record<string, string[]>} the first run's output per path, per query */
  const outputs = {}
  const runs = options.smoke ? 1 : Math.min(options.runs, MAX_RUNS)
  // Interleaved: each run measures every path once, so that a burst of load on the machine
  // falls on all of them alike.
  for (let run = 0; run < runs; run++) {
    for (const backend of run === 0 ? backends : backends.slice(1)) {
      const { durations, contents } = await runClaw(options, dist, tree.dir, backend, rgDir)
      durations.forEach((ms, index) => times[backend]?.[index]?.push(ms))
      outputs[backend] ??= contents
    }
    QUERIES.forEach((query, index) => {
      if (rgBin !== undefined) {
        const rg = timed(rgLink, [...RG_COMMON, ...query.rg], tree.dir)
        times['peer-rg']?.[index]?.push(rg.ms)
        ;(outputs['peer-rg'] ??= [])[index] ??= rg.stdout
      }
      const gitArgs = query.kind === 'glob' ? query.git : withExcludes(query.git, gitExcludes)
      const git = timed('git', gitArgs, tree.dir)
      times['peer-git']?.[index]?.push(git.ms)
      ;(outputs['peer-git'] ??= [])[index] ??= git.stdout
    })
    options.log(`search: run ${run + 1}/${runs}`)
  }

  const med = (/** @type {string} */ name, /** @type {number} */ index) =>
    Math.round(median(times[name]?.[index] ?? [0]) * 10) / 10
  /** @type {number[]} */
  const grepRatios = []
  QUERIES.forEach((query, index) => {
    const name = `${query.tool} ${query.label}`
    const js = outputs.js?.[index] ?? ''
    for (const backend of backends.slice(1)) {
      const same = outputs[backend]?.[index] === js
      result.checks.push({
        what: `${name}: CLAW_SEARCH=${backend} gives the same result as the walk`,
        ok: same,
        detail: same ? undefined : firstDifference(js, outputs[backend]?.[index] ?? '')
      })
    }
    /** @type {[string, string, 'rg' | 'git'][]} */
    const peers = [
      [
        query.kind === 'glob' ? 'git ls-files' : 'git grep',
        outputs['peer-git']?.[index] ?? '',
        'git'
      ]
    ]
    if (rgBin !== undefined) peers.push(['rg', outputs['peer-rg']?.[index] ?? '', 'rg'])
    for (const [peerName, output, which] of peers) {
      const check = comparePeer(query, js, output, tree.dir, which)
      result.checks.push({ what: `${name}: same ${check.what} as ${peerName}`, ...check.result })
    }

    const rgPeer = rgBin === undefined ? undefined : med('peer-rg', index)
    const gitPeer = med('peer-git', index)
    // Without rg the rows compare with git grep, and say so in the peer's name.
    const vsRg =
      rgPeer === undefined
        ? { peer: gitPeer, peerName: gitVersion }
        : { peer: rgPeer, peerName: rgVersion }
    result.rows.push({
      figure: `${name}: claw without rg (git lister) vs rg`,
      unit: 'ms',
      claw: med('git', index),
      ...vsRg,
      note: 'CLAW_SEARCH=git, the path claw takes in a git work tree when rg is not on PATH'
    })
    result.rows.push({
      figure: `${name}: claw without rg (git lister) vs git`,
      unit: 'ms',
      claw: med('git', index),
      peer: gitPeer,
      peerName: query.kind === 'glob' ? gitVersion.replace(' grep', ' ls-files') : gitVersion
    })
    if (rgPeer !== undefined) {
      result.rows.push({
        figure: `${name}: claw with rg (rg lister)`,
        unit: 'ms',
        claw: med('rg', index),
        peer: rgPeer,
        peerName: rgVersion
      })
      if (query.tool === 'Grep') grepRatios.push(med('git', index) / Math.max(rgPeer, 0.1))
    }
    result.rows.push({
      figure: `${name}: JavaScript walk (CLAW_SEARCH=js)`,
      unit: 'ms',
      claw: med('js', index),
      ...vsRg,
      note: 'one run: the walk reads every file'
    })
  })
  if (grepRatios.length > 0) {
    result.rows.push({
      figure: 'Grep, rg absent: claw ÷ rg (median of queries)',
      unit: '× rg',
      claw: Math.round(median(grepRatios) * 100) / 100,
      target: { op: '<=', value: 1.5 },
      note:
        `per query: ${grepRatios.map(ratio => ratio.toFixed(2)).join(', ')}; ` +
        "claw's git lister path against rg run directly"
    })
  }
  result.notes.push(
    `Figures: the tool call's duration_ms from the session (claw) and the process's wall time ` +
      `(peers); medians over ${runs} interleaved runs, the JavaScript walk measured once.`,
    `Like for like: rg runs with --max-filesize 10M (and skips binary files by default), git grep ` +
      `with -I and ${large.length} files over 10 MB left out by name; claw skips those too.`,
    'Content mode with head_limit stops once the page is full; rg and git grep print every ' +
      'matching line, so their figure is for the whole search.'
  )
  return result
}

/**
 * git arguments with the exclusions after the pathspec separator.
 * @param {string[]} args
 * @param {string[]} excludes
 */
function withExcludes(args, excludes) {
  if (excludes.length === 0) return args
  return args.includes('--') ? [...args, ...excludes] : [...args, '--', '.', ...excludes]
}

/**
 * Files over the size cap, workspace-relative (the tree has no symlinked folders).
 * @param {string} dir
 */
function largeFiles(dir) {
  const run = spawnSync(
    'find',
    ['.', '-name', '.git', '-prune', '-o', '-type', 'f', '-size', `+${MAX_FILE_BYTES}c`, '-print0'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 }
  )
  return run.stdout
    .split('\0')
    .filter(file => file !== '')
    .map(file => file.replace(/^\.\//, ''))
}

/**
 * @param {{ rg?: string }} options
 * @returns {{ path: string, from: string } | undefined}
 */
function findRg(options) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir !== '' && existsSync(path.join(dir, 'rg'))) {
      return { path: path.join(dir, 'rg'), from: `PATH (${path.join(dir, 'rg')})` }
    }
  }
  if (options.rg !== undefined && existsSync(options.rg)) {
    return { path: options.rg, from: `options.rg (${options.rg})` }
  }
  return undefined
}

/**
 * One `claw run` whose scripted model makes each query in its own turn.
 * @param {import('./section.mjs').SectionOptions} options
 * @param {string} dist
 * @param {string} dir
 * @param {string} backend
 * @param {string} rgDir
 */
async function runClaw(options, dist, dir, backend, rgDir) {
  let id = 0
  const steps = QUERIES.map(query => ({
    reply: {
      content: [
        { type: 'tool_use', id: `toolu_search_${++id}`, name: query.tool, input: query.input }
      ],
      stop_reason: 'tool_use'
    }
  }))
  steps.push({ reply: { content: [{ type: 'text', text: 'Done.' }], stop_reason: 'end_turn' } })
  const fake = await startFakeAnthropic(/** @type {any} */ (steps))
  const session = path.join(options.work, `search-${backend}-${Date.now()}.jsonl`)
  try {
    const child = spawn(
      options.node,
      [path.join(dist, 'cli.js'), 'run', '--prompt', 'Search.', '--dir', dir, '--session', session],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          PATH: `${rgDir}${path.delimiter}${process.env.PATH ?? ''}`,
          CLAW_SEARCH: backend,
          ANTHROPIC_API_KEY: 'sk-ant-bench',
          ANTHROPIC_BASE_URL: fake.url
        }
      }
    )
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    child.stdout.resume()
    const code = await new Promise(resolve => child.on('close', resolve))
    if (code !== 0) throw new Error(`claw run (CLAW_SEARCH=${backend}) exited ${code}:\n${stderr}`)
    const events = readFileSync(session, 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line))
      .filter(event => event.type === 'tool_result')
    if (events.length !== QUERIES.length) {
      throw new Error(`expected ${QUERIES.length} tool results, got ${events.length}`)
    }
    return {
      durations: events.map(event => Number(event.duration_ms)),
      contents: events.map(event => String(event.content))
    }
  } finally {
    await fake.close()
    rmSync(session, { force: true })
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
function timed(command, args, cwd) {
  const started = performance.now()
  const run = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    // rg reads a piped standard input instead of the folder.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...GIT_ENV }
  })
  const ms = performance.now() - started
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`)
  }
  return { ms, stdout: run.stdout }
}

/**
 * Why claw's answer can lack a file a peer lists, judged on the file itself: claw's binary
 * sniff reads 8 KiB, git's 8,000 bytes and rg's whole first read buffer. Undefined when no rule
 * of claw's explains it.
 * @param {string} dir
 * @param {string} file
 * @param {'rg' | 'git'} peer
 */
function whyClawSkips(dir, file, peer) {
  const absolute = path.join(dir, file)
  let info
  try {
    info = lstatSync(absolute)
  } catch {
    return 'gone'
  }
  if (!info.isFile()) return 'not a regular file'
  if (info.size > MAX_FILE_BYTES) return 'over 10 MB'
  const head = Buffer.alloc(CLAW_SNIFF_BYTES)
  const handle = openSync(absolute, 'r')
  const read = readSync(handle, head, 0, CLAW_SNIFF_BYTES, 0)
  closeSync(handle)
  const nul = head.subarray(0, read).indexOf(0)
  if (nul >= 0) return peer === 'git' && nul >= GIT_SNIFF_BYTES ? 'NUL in 8,000-8,191' : 'binary'
  return undefined
}

/**
 * Compares claw's answer (one page, newest first, with notes) with a peer's full output: the
 * totals in claw's notes against the peer's, claw's lines within the peer's, and every file
 * only the peer has explained by one of claw's rules (or the check fails and names it).
 * @param {Query} query
 * @param {string} claw
 * @param {string} peer
 * @param {string} dir
 * @param {'rg' | 'git'} which
 */
function comparePeer(query, claw, peer, dir, which) {
  const lines = claw
    .split('\n')
    .filter(line => line !== '' && line !== '--' && !line.startsWith('['))
  const notes = claw.split('\n').filter(line => line.startsWith('['))
  const peerLines = peer.split('\n').filter(line => line !== '')
  // A difference explained by one of claw's rules is still written down in the detail.
  /** @type {(ok: boolean, detail: string) => { ok: boolean, detail?: string }} */
  const verdict = (ok, detail) => (detail === '' ? { ok } : { ok, detail })
  if (lines[0] === 'No matches found.' || lines[0] === 'No files found.') {
    const ok = peerLines.length === 0
    return { what: 'result', result: verdict(ok, ok ? '' : `peer: ${peerLines.length}`) }
  }
  const fileOf = (/** @type {string} */ line) =>
    query.kind === 'count'
      ? line.slice(0, line.lastIndexOf(':'))
      : query.kind === 'content'
        ? (/^(.*?):\d+:/.exec(line)?.[1] ?? line)
        : line
  // Files the peer has and claw's rules leave out, with the reason; the rest must agree.
  /** @type {Map<string, string>} */
  const explained = new Map()
  if (query.kind !== 'glob') {
    for (const file of new Set(peerLines.map(fileOf))) {
      const reason = whyClawSkips(dir, file, which)
      if (reason !== undefined) explained.set(file, reason)
    }
  }
  const kept = peerLines.filter(line => !explained.has(fileOf(line)))
  const because =
    explained.size === 0
      ? ''
      : `; left out of the peer's ${explained.size} file(s) claw skips: ` +
        [...explained]
          .slice(0, 3)
          .map(([file, reason]) => `${file} (${reason})`)
          .join(', ')
  if (query.kind === 'count') {
    const total = /\[(\d+) matching lines? in (\d+) files?\.\]/.exec(claw)
    const peerTotal = kept.reduce(
      (sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)),
      0
    )
    const ok = total !== null && Number(total[1]) === peerTotal && Number(total[2]) === kept.length
    return {
      what: 'matching lines and files',
      result: verdict(
        ok,
        `claw: ${total?.[0]}; peer: ${peerTotal} lines in ${kept.length} files${because}`
      )
    }
  }
  if (query.kind === 'content') {
    const keys = new Set(kept.map(line => /^(.*?:\d+):/.exec(line)?.[1]))
    const missing = lines.filter(line => !keys.has(/^(.*?:\d+):/.exec(line)?.[1]))
    return {
      what: 'matching lines (claw shows a page)',
      result: verdict(
        missing.length === 0,
        missing.length === 0
          ? because.slice(2)
          : `not in the peer's output: ${missing.slice(0, 3).join(', ')}${because}`
      )
    }
  }
  // Files: claw shows a page and says how many there are in all.
  const shown = /of (\d+)(\+?)[ .]/.exec(notes.join(' '))
  const total = shown === null ? lines.length : Number(shown[1])
  const peerSet = new Set(kept)
  const missing = lines.filter(line => !peerSet.has(line))
  const ok = total === peerSet.size && missing.length === 0
  return {
    what: 'files',
    result: verdict(
      ok,
      ok
        ? because.slice(2)
        : `claw: ${total} (page of ${lines.length}), peer: ${peerSet.size}; ` +
            `not in the peer's: ${missing.slice(0, 3).join(', ')}${because}`
    )
  }
}

/**
 * @param {string} a
 * @param {string} b
 */
function firstDifference(a, b) {
  const left = a.split('\n')
  const right = b.split('\n')
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    if (left[index] !== right[index]) {
      return `line ${index + 1}: walk ${JSON.stringify(left[index])}, lister ${JSON.stringify(right[index])}`
    }
  }
  return 'same lines'
}
