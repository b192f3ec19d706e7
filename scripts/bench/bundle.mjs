// @ts-check
/**
 * `npm run bench`, section "bundle": the size of dist/ and what its lazily loaded parts save.
 *
 * scripts/bundle.mjs builds three entries with ncc: dist/index.js (the action's main step),
 * dist/post.js (its post step) and dist/cli.js. Whatever the sources load with `await import()`
 * becomes a chunk file `<id>.<entry>.js`, read from disk only when that import runs. This section
 * reads the bundle (no build): each entry's eager file, its chunks, and the import sites that load
 * them (the `import()` calls webpack left in the code, with the names they take), and names the
 * big chunks by a signature of the package inside (the Anthropic SDK, mvdan-sh, @actions/artifact,
 * Octokit, yaml).
 *
 * Start time, median of spawning each command (the compile cache off, so that every run compiles
 * what it loads, as a first run does):
 * - `node dist/cli.js --help`: the eager file only;
 * - the same with every chunk of dist/cli.js imported first (`node --import <file>` of a module
 *   that imports each chunk): the chunks are read, parsed and their top level run, which for an
 *   ncc chunk only defines its module functions; that is what loading them costs at least, had
 *   they been in the eager file;
 * - `node dist/cli.js policy explain --tool Bash ...`: a command that loads and runs lazy parts
 *   (the policy loader, yaml, and the shell parser mvdan-sh, a GopherJS program that initialises
 *   on load), but not the Anthropic SDK;
 * - `node dist/index.js` with a runner's environment but no event and no inputs: it loads the
 *   eager file, finds nothing to do and skips; and the same with all of index.js's chunks
 *   imported first;
 * - the floor: `node -e 0`.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { distDir } from './runner.mjs'
import { median } from './section.mjs'

const ENTRIES = ['index', 'post', 'cli']
/** A Bash call for `claw policy explain`: deciding it parses the command with mvdan-sh. */
const EXPLAIN_INPUT = JSON.stringify({ command: 'npm test' })

/** Signatures of the packages big enough to be worth naming, in the order they are tried. */
const SIGNATURES = /** @type {const} */ ([
  ['@actions/artifact', /ArtifactService|twirp/i],
  ['@anthropic-ai/sdk', /anthropic-version/],
  ['mvdan-sh (GopherJS)', /\$packages\[/],
  ['yaml', /YAMLParseError|YAMLMap/],
  ['Octokit', /octokit/i]
])

/** An import site: `const { names } = await <chunks>` or `x ??= (await <chunk>)`. */
const IMPORT_SITE =
  /(?:const (\{[^}]*\}) = await |(\w+) \?\?= \(await )(?:Promise\.all\(\/\* import\(\) \*\/\[([^\]]*)\]\)|__(?:nccwpck|webpack)_require__\.e\(\/\* import\(\) \*\/ (\d+)\))/g

/** The entries, their chunks and the import sites that load them. */
function readBundle(/** @type {string} */ dist) {
  const names = readdirSync(dist)
  return ENTRIES.map(entry => {
    const chunkFiles = names.filter(name => new RegExp(`^\\d+\\.${entry}\\.js$`).test(name))
    /** @type {Map<string, string[]>} chunk id → what loads it */
    const loadedFor = new Map()
    for (const file of [`${entry}.js`, ...chunkFiles]) {
      const code = readFileSync(join(dist, file), 'utf8')
      for (const match of code.matchAll(IMPORT_SITE)) {
        const what = (match[1] ?? match[2] ?? '').replace(/\s+/g, ' ')
        const ids = match[3]
          ? [...match[3].matchAll(/e\((\d+)\)/g)].map(id => id[1] ?? '')
          : [match[4] ?? '']
        for (const id of ids) loadedFor.set(id, [...(loadedFor.get(id) ?? []), what])
      }
    }
    const chunks = chunkFiles.map(file => {
      const code = readFileSync(join(dist, file), 'utf8')
      const id = file.split('.')[0] ?? ''
      const signature = SIGNATURES.find(([, pattern]) => pattern.test(code))?.[0]
      return {
        file,
        bytes: statSync(join(dist, file)).size,
        package: signature,
        loadedFor: [...new Set(loadedFor.get(id) ?? [])]
      }
    })
    return {
      entry,
      eagerBytes: statSync(join(dist, `${entry}.js`)).size,
      lazyBytes: chunks.reduce((sum, chunk) => sum + chunk.bytes, 0),
      chunks: chunks.sort((a, b) => b.bytes - a.bytes)
    }
  })
}

/** Ms from spawning `node args` until it exits (any exit code), and the exit code. */
async function timeSpawn(
  /** @type {string} */ node,
  /** @type {string[]} */ args,
  /** @type {Record<string, string>} */ env,
  /** @type {string} */ cwd
) {
  const started = performance.now()
  const child = spawn(node, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', chunk => (output += chunk))
  child.stderr.on('data', chunk => (output += chunk))
  /** @type {number | null} */
  const code = await new Promise(resolve => child.on('close', resolve))
  return { ms: performance.now() - started, code, output }
}

const kb = (/** @type {number} */ bytes) => bytes / 1024

/**
 * @param {import('./section.mjs').SectionOptions & { dist?: string }} options
 * @returns {Promise<import('./section.mjs').SectionResult & { raw: Record<string, number[]> }>}
 */
export async function measure(options) {
  const dist = distDir(options.dist)
  const runs = options.smoke ? 1 : options.runs
  const bundle = readBundle(dist)
  const total = readdirSync(dist).reduce((sum, name) => sum + statSync(join(dist, name)).size, 0)
  /** @type {import('./section.mjs').Row[]} */
  const rows = [
    {
      figure: 'dist/ in all (three entries, their chunks, licence files)',
      unit: 'MB',
      claw: total / 1024 / 1024
    }
  ]
  /** @type {string[]} */
  const notes = []
  for (const entry of bundle) {
    rows.push(
      {
        figure: `dist/${entry.entry}.js: eager (loaded at start)`,
        unit: 'KB',
        claw: kb(entry.eagerBytes)
      },
      {
        figure: `dist/${entry.entry}.js: lazy chunks (${entry.chunks.length} files)`,
        unit: 'KB',
        claw: kb(entry.lazyBytes),
        note: entry.chunks
          .filter(chunk => chunk.bytes > 100_000)
          .map(
            chunk =>
              `${chunk.file} ${kb(chunk.bytes).toFixed(0)} KB${chunk.package ? ` ${chunk.package}` : ''}`
          )
          .join('; ')
      }
    )
    notes.push(
      `dist/${entry.entry}.js (${kb(entry.eagerBytes).toFixed(0)} KB eager) loads lazily: ` +
        entry.chunks
          .map(
            chunk =>
              `${chunk.file} (${kb(chunk.bytes).toFixed(0)} KB${chunk.package ? `, ${chunk.package}` : ''}` +
              `${chunk.loadedFor.length > 0 ? `, for ${chunk.loadedFor.join(' / ')}` : ', from another chunk'})`
          )
          .join('; ') +
        '.'
    )
  }

  // Start times. A module per entry that imports every chunk of it, for `node --import`.
  /** @type {Record<string, string>} */
  const preload = {}
  for (const entry of bundle) {
    const file = join(options.work, `load-all-${entry.entry}.mjs`)
    writeFileSync(
      file,
      entry.chunks
        .map(
          chunk => `await import(${JSON.stringify(pathToFileURL(join(dist, chunk.file)).href)})\n`
        )
        .join('')
    )
    preload[entry.entry] = pathToFileURL(file).href
  }
  const policy = join(options.work, 'bundle-policy.yml')
  writeFileSync(
    policy,
    "version: 1\ndefaults:\n  read:\n    allow: ['**']\n  bash:\n    allow: ['npm test', 'git diff *']\nlimits:\n  max-turns: 10\n"
  )
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: options.work,
    NODE_DISABLE_COMPILE_CACHE: '1'
  }
  // dist/index.js as a runner starts it, minus the event and inputs: it reads its settings,
  // finds nothing to do and skips.
  const commandFile = (/** @type {string} */ name) => {
    const path = join(options.work, `bundle-${name}`)
    writeFileSync(path, '')
    return path
  }
  const runnerEnv = {
    ...env,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: options.work,
    GITHUB_WORKSPACE: options.work,
    GITHUB_OUTPUT: commandFile('output'),
    GITHUB_STATE: commandFile('state'),
    GITHUB_STEP_SUMMARY: commandFile('summary')
  }
  const cli = join(dist, 'cli.js')
  const index = join(dist, 'index.js')
  const commands = /** @type {const} */ ([
    ['floor', ['-e', '0'], env],
    ['cliEager', [cli, '--help'], env],
    ['cliAllChunks', ['--import', preload['cli'] ?? '', cli, '--help'], env],
    [
      'cliPolicyExplain',
      [
        cli,
        'policy',
        'explain',
        '--policy',
        policy,
        '--tool',
        'Bash',
        '--input',
        EXPLAIN_INPUT,
        '--dir',
        options.work
      ],
      env
    ],
    ['indexEager', [index], runnerEnv],
    ['indexAllChunks', ['--import', preload['index'] ?? '', index], runnerEnv]
  ])
  /** @type {Record<string, number[]>} */
  const raw = Object.fromEntries(commands.map(([name]) => [name, /** @type {number[]} */ ([])]))
  /** @type {Record<string, number | null>} */
  const exitCodes = {}
  /** @type {Record<string, string>} */
  const outputs = {}
  const repeat = options.smoke ? 1 : Math.max(runs * 2, 5)
  if (!options.smoke) {
    for (const [, args, environment] of commands) {
      await timeSpawn(options.node, [...args], environment, options.work) // disk caches
    }
  }
  for (let round = 0; round < repeat; round += 1) {
    options.log(`bundle: round ${round + 1} of ${repeat}`)
    for (const [name, args, environment] of commands) {
      const { ms, code, output } = await timeSpawn(
        options.node,
        [...args],
        environment,
        options.work
      )
      raw[name]?.push(ms)
      exitCodes[name] = code
      outputs[name] = output
    }
  }
  const at = (/** @type {string} */ name) => median(raw[name] ?? [NaN])
  const cliChunks = bundle.find(entry => entry.entry === 'cli')
  const indexChunks = bundle.find(entry => entry.entry === 'index')
  rows.push(
    {
      figure: 'start: node dist/cli.js --help (eager file only)',
      unit: 'ms',
      claw: at('cliEager')
    },
    {
      figure: `start: the same with all ${cliChunks?.chunks.length ?? 0} cli chunks imported first`,
      unit: 'ms',
      claw: at('cliAllChunks'),
      note: `+${(at('cliAllChunks') - at('cliEager')).toFixed(0)} ms for ${kb(cliChunks?.lazyBytes ?? 0).toFixed(0)} KB read and parsed, not run`
    },
    {
      figure:
        'start: node dist/cli.js policy explain ... Bash (policy, yaml, mvdan-sh loaded and run)',
      unit: 'ms',
      claw: at('cliPolicyExplain')
    },
    {
      figure: 'start: node dist/index.js, no event (eager file only)',
      unit: 'ms',
      claw: at('indexEager')
    },
    {
      figure: `start: the same with all ${indexChunks?.chunks.length ?? 0} index chunks imported first`,
      unit: 'ms',
      claw: at('indexAllChunks'),
      note: `+${(at('indexAllChunks') - at('indexEager')).toFixed(0)} ms for ${kb(indexChunks?.lazyBytes ?? 0).toFixed(0)} KB read and parsed, not run`
    },
    { figure: 'floor: node -e 0', unit: 'ms', claw: at('floor') }
  )
  notes.push(
    'Start times are medians of spawning each command to its exit, with the compile cache off ' +
      '(NODE_DISABLE_COMPILE_CACHE=1: what a first run pays; claw run turns the cache on for later ' +
      "runs). Importing a chunk with `node --import` reads and parses it and runs its top level, which for ncc's " +
      'chunks only defines the module functions: the difference to the eager-only start is the least ' +
      'the lazy parts would add to every start had they been bundled eagerly. Running them costs more: ' +
      '`policy explain` of a Bash call runs the policy loader, yaml and mvdan-sh (a GopherJS program that initialises on load).'
  )
  return {
    id: 'bundle',
    title: 'Bundle: size of dist/ and start time with and without the lazy parts',
    rows,
    skipped: [],
    notes,
    checks: [
      {
        what: 'node dist/cli.js --help and policy explain exit 0, the command allowed',
        ok:
          exitCodes['cliEager'] === 0 &&
          exitCodes['cliPolicyExplain'] === 0 &&
          outputs['cliPolicyExplain']?.includes('"decision":"allow"') === true,
        detail: `exit codes ${exitCodes['cliEager']}, ${exitCodes['cliPolicyExplain']}`
      },
      {
        what: 'node dist/index.js without an event skips (exit 0, "claw: skipped"), chunks or not',
        ok:
          exitCodes['indexEager'] === 0 &&
          exitCodes['indexAllChunks'] === 0 &&
          outputs['indexEager']?.includes('claw: skipped.') === true,
        detail: `exit codes ${exitCodes['indexEager']}, ${exitCodes['indexAllChunks']}`
      },
      {
        what: 'every lazy chunk is named by an import site or loaded from another chunk',
        ok: bundle.every(entry => entry.chunks.length > 0)
      }
    ],
    raw
  }
}
