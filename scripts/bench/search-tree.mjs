// @ts-check
// The source tree the search section runs on: npm package tarballs unpacked side by side, with
// .gitignore files that matter, committed to a git repository (git grep needs one). Built once and
// kept in the system temp folder, keyed by what went into it, so later bench runs reuse it.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
/** Bump when the layout below changes: the cache key includes it. */
const LAYOUT = 1
/** Registry packages added to the lock file's when those give fewer files than this. */
const MIN_FILES = 50_000
/** Large packages from the registry, in the order they are added until MIN_FILES is passed. */
const EXTRA_PACKAGES = [
  'date-fns@3.6.0',
  'rxjs@7.8.1',
  'lodash-es@4.17.21',
  '@fortawesome/free-solid-svg-icons@6.5.2',
  'aws-sdk@2.1691.0',
  'lodash@4.17.21',
  'core-js@3.38.1',
  '@mui/icons-material@5.15.20',
  '@tabler/icons@3.11.0'
]

// Ignored: source maps and minified bundles (a real share of a package tree), and one nested
// rule file with a negation.
const ROOT_GITIGNORE = '*.map\n*.min.js\n/packages/*/dist/esm/\n'
const NESTED_GITIGNORE = '*.d.cts\n!index.d.cts\n'

/**
 * The tree's folder, built when missing. `smoke` copies part of node_modules (no network).
 * @param {{ smoke: boolean, log: (line: string) => void }} options
 * @returns {{ dir: string, files: number, built: boolean, buildMs: number }}
 */
export function searchTree(options) {
  const specs = options.smoke ? [] : lockSpecs()
  const key = createHash('sha256')
    .update(JSON.stringify({ LAYOUT, smoke: options.smoke, specs, EXTRA_PACKAGES }))
    .digest('hex')
    .slice(0, 12)
  const home = path.join(tmpdir(), `claw-bench-search-${options.smoke ? 'smoke-' : ''}${key}`)
  const dir = path.join(home, 'tree')
  const done = path.join(home, 'files.txt')
  if (existsSync(done)) {
    return { dir, files: Number(readFileSync(done, 'utf8')), built: false, buildMs: 0 }
  }
  const started = performance.now()
  rmSync(home, { recursive: true, force: true })
  const building = path.join(home, 'building')
  mkdirSync(path.join(building, 'packages'), { recursive: true })
  if (options.smoke) copySmoke(building)
  else unpackPackages(building, specs, options.log)
  writeFileSync(path.join(building, '.gitignore'), ROOT_GITIGNORE)
  writeFileSync(path.join(building, 'packages', '.gitignore'), NESTED_GITIGNORE)
  git(building, 'init', '-q')
  git(building, 'add', '-A')
  git(
    building,
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@example.com',
    'commit',
    '-qm',
    'tree'
  )
  renameSync(building, dir)
  const files = Number(
    execFileSync('git', ['ls-files'], { cwd: dir, maxBuffer: 1 << 28 })
      .toString()
      .split('\n').length - 1
  )
  writeFileSync(done, String(files))
  return { dir, files, built: true, buildMs: performance.now() - started }
}

/** `name@version` of every package in package-lock.json (all in the local npm cache). */
function lockSpecs() {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'))
  /** @type {Set<string>} */
  const specs = new Set()
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (where === '' || !entry.version || entry.link) continue
    const name = entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 13)
    specs.add(`${name}@${entry.version}`)
  }
  return [...specs].sort()
}

/**
 * @param {string} dir
 * @param {string[]} specs
 * @param {(line: string) => void} log
 */
function unpackPackages(dir, specs, log) {
  const tarballs = path.join(dir, '..', 'tarballs')
  mkdirSync(tarballs, { recursive: true })
  log(`search: packing ${specs.length} packages from the npm cache`)
  pack(specs, tarballs)
  let files = unpackAll(dir, tarballs)
  for (const extra of EXTRA_PACKAGES) {
    if (files >= MIN_FILES) break
    log(`search: ${files} files; adding ${extra} from the registry`)
    pack([extra], tarballs)
    files = unpackAll(dir, tarballs)
  }
  rmSync(tarballs, { recursive: true, force: true })
}

/**
 * @param {string[]} specs
 * @param {string} destination
 */
function pack(specs, destination) {
  for (let index = 0; index < specs.length; index += 100) {
    const result = spawnSync(
      'npm',
      [
        'pack',
        ...specs.slice(index, index + 100),
        '--pack-destination',
        destination,
        '--loglevel=error',
        '--json'
      ],
      {
        cwd: destination,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, npm_config_prefer_offline: 'true' }
      }
    )
    if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr.slice(-2000)}`)
  }
}

/** Unpacks every tarball not yet unpacked; returns the number of files below `dir`. */
function unpackAll(dir, tarballs) {
  for (const name of readdirSync(tarballs)) {
    const target = path.join(dir, 'packages', name.replace(/\.tgz$/, ''))
    if (existsSync(target)) continue
    mkdirSync(target, { recursive: true })
    execFileSync('tar', ['-xzf', path.join(tarballs, name), '-C', target, '--strip-components=1'])
  }
  return countFiles(dir)
}

/** @param {string} dir */
function countFiles(dir) {
  let count = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) count++
  }
  return count
}

/** About 1,500 files of node_modules, copied: no network. @param {string} dir */
function copySmoke(dir) {
  const source = path.join(ROOT, 'node_modules')
  let files = 0
  for (const name of readdirSync(source).sort()) {
    if (name.startsWith('.') || files >= 1_500) continue
    const from = path.join(source, name)
    cpSync(from, path.join(dir, 'packages', name), { recursive: true, verbatimSymlinks: true })
    files = countFiles(dir)
  }
}

/**
 * @param {string} cwd
 * @param {...string} args
 */
function git(cwd, ...args) {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
  })
}
