// @ts-check
/**
 * `npm run bench`, section "review": claw reviewing a large pull request.
 *
 * The repository holds real source files (ESLint's rules from node_modules, or other packages'
 * files when those are missing); the pull request changes 80 of them by about 5,000 lines in all,
 * deterministically: identifiers renamed on runs of lines, and new blocks made of the file's own
 * code, in a skewed spread (a few files change a lot, most a little), as in a real refactoring.
 * The fake GitHub serves it (`pulls.get`, `pulls.listFiles` with the patches git made, checks,
 * reviews), a `pull_request.opened` payload from GitHub's published example starts
 * dist/index.js, and the scripted model records one finding and ends with a summary.
 *
 * Measured: start to the first model request for this pull request and for a one-file one (the
 * difference is what the size costs: fetching, ranking and fencing the files), the first
 * request's size, whether the pull request's context kept within its budget
 * (CONTEXT_BUDGET_TOKENS, src/tasks/task.ts; tokens estimated as claw does, UTF-8 bytes / 4), and
 * how many files and changed lines reached the model. No targets: figures only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ROOT,
  actionUnavailable,
  distDir,
  errorLines,
  pullRequestPayload,
  reply,
  startHarness,
  text,
  use
} from './runner.mjs'
import { median } from './section.mjs'

/** Where the pull request's files come from: readable source, a few hundred lines each. */
const SOURCE_FOLDERS = [
  'node_modules/eslint/lib/rules',
  'node_modules/yaml/dist',
  'node_modules/ajv/dist',
  'node_modules/typescript/lib'
]

/** The budget of the pull request's context, as src/tasks/task.ts has it. */
function contextBudget() {
  try {
    const source = readFileSync(join(ROOT, 'src', 'tasks', 'task.ts'), 'utf8')
    const match = /CONTEXT_BUDGET_TOKENS = ([\d_]+)/.exec(source)
    if (match?.[1]) return Number(match[1].replace(/_/g, ''))
  } catch {
    // No sources next to the bundle: the value at the time of writing.
  }
  return 20_000
}

/** claw's estimate: UTF-8 bytes / 4, rounded up (src/github/context.ts `estimateTokens`). */
const estimateTokens = (/** @type {string} */ value) => Math.ceil(Buffer.byteLength(value) / 4)

/** A small deterministic random source (mulberry32). */
function random(/** @type {number} */ seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` source files of 150 to 600 lines, by path in the repository. */
function pickSources(/** @type {number} */ count) {
  /** @type {{ path: string, text: string }[]} */
  const picked = []
  for (const folder of SOURCE_FOLDERS) {
    const absolute = join(ROOT, folder)
    if (!existsSync(absolute)) continue
    /** @type {string[]} */
    const files = []
    const walk = (/** @type {string} */ dir) => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (name.endsWith('.js')) files.push(path)
      }
    }
    walk(absolute)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const lines = text.split('\n').length
      if (lines < 150 || lines > 600) continue
      const name = file.slice(absolute.length + 1)
      picked.push({ path: `lib/${folder.split('/').at(-1)}/${name}`, text })
      if (picked.length === count) return picked
    }
  }
  throw new Error(`review: found only ${picked.length} source files of 150 to 600 lines`)
}

const RENAMES = /** @type {const} */ ([
  [/\bnode\b/g, 'astNode'],
  [/\bcontext\b/g, 'ruleContext'],
  [/\boptions\b/g, 'settings'],
  [/\bvalue\b/g, 'input'],
  [/\bresult\b/g, 'outcome'],
  [/\btoken\b/g, 'currentToken'],
  [/\bsourceCode\b/g, 'source'],
  [/\bname\b/g, 'label'],
  [/\bconst /g, 'let '],
  [/\bvar /g, 'let ']
])

/** A changed version of a line: renamed identifiers, else a note at its end. */
function changeLine(/** @type {string} */ line) {
  for (const [pattern, to] of RENAMES) {
    const changed = line.replace(pattern, to)
    if (changed !== line) return changed
  }
  return `${line} // reviewed`
}

/**
 * The file with about `changes` changed lines: a quarter of them as lines modified (one removed
 * and one added each) in runs, the rest as a new block made of the file's own lines, renamed.
 */
function changeFile(
  /** @type {string} */ text,
  /** @type {number} */ changes,
  /** @type {() => number} */ next
) {
  const lines = text.split('\n')
  const modified = Math.floor(changes / 4)
  const added = changes - 2 * modified
  const candidates = lines.map((_line, index) => index).filter(index => lines[index]?.trim())
  const runs = Math.max(1, Math.min(4, Math.ceil(modified / 8)))
  let left = modified
  for (let run = 0; run < runs && left > 0; run += 1) {
    const length = run === runs - 1 ? left : Math.ceil(modified / runs)
    const start = Math.floor(next() * Math.max(1, candidates.length - length))
    for (const index of candidates.slice(start, start + length)) {
      lines[index] = changeLine(lines[index] ?? '')
      left -= 1
    }
  }
  if (added > 0) {
    const from = Math.floor(next() * Math.max(1, lines.length - added))
    const block = []
    for (let index = 0; index < added; index += 1) {
      block.push(
        changeLine(lines[(from + index) % lines.length] ?? '').replace(/ \/\/ reviewed$/, '')
      )
    }
    const at = Math.floor(next() * lines.length)
    lines.splice(at, 0, '', '// Added in this pull request.', ...block.slice(0, -2))
  }
  return lines.join('\n')
}

/**
 * The base files and the pull request's changes: `files` files, about `lines` changed lines in
 * all (deterministic), the largest changes few.
 */
function makePullRequest(/** @type {number} */ files, /** @type {number} */ lines) {
  const next = random(20_260_101)
  const sources = pickSources(files)
  const weights = sources.map(() => next() ** 3 + 0.05)
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const sizes = weights.map(weight => Math.max(4, Math.round((weight / total) * lines)))
  /** @type {Record<string, string>} */
  const base = {}
  /** @type {Record<string, string>} */
  const head = {}
  sources.forEach((source, index) => {
    base[source.path] = source.text
    head[source.path] = changeFile(source.text, sizes[index] ?? 4, next)
  })
  return { base, head }
}

/** The changed-files list of the first request: each file, its counts, whether its diff is in. */
function filesInRequest(/** @type {string} */ request) {
  const entries = []
  const pattern =
    /^(\S+) \((added|modified|removed|renamed)[^,]*, \+(\d+) -(\d+)\)( \[diff left out for size\])?/gm
  for (const match of request.matchAll(pattern)) {
    entries.push({
      path: match[1] ?? '',
      changes: Number(match[3]) + Number(match[4]),
      inContext: match[5] === undefined
    })
  }
  return entries
}

/**
 * @param {import('./section.mjs').SectionOptions & { dist?: string }} options
 * @returns {Promise<import('./section.mjs').SectionResult & { raw: { largeMs: number[], smallMs: number[], largeGitHubMs: number[], smallGitHubMs: number[] } }>}
 */
export async function measure(options) {
  const dist = distDir(options.dist)
  const runs = options.smoke ? 1 : options.runs
  const size = options.smoke ? { files: 8, lines: 500 } : { files: 80, lines: 5_000 }
  const budget = contextBudget()
  /** @type {{ largeMs: number[], smallMs: number[], largeGitHubMs: number[], smallGitHubMs: number[] }} */
  const raw = { largeMs: [], smallMs: [], largeGitHubMs: [], smallGitHubMs: [] }
  /** @type {import('./section.mjs').SectionResult & { raw: typeof raw }} */
  const result = {
    id: 'review',
    title: `Review of a large pull request (${size.files} files, ~${size.lines.toLocaleString('en-US')} changed lines)`,
    rows: [],
    skipped: [],
    notes: [],
    checks: [],
    raw
  }
  const unavailable = actionUnavailable()
  if (unavailable) {
    result.skipped.push({ what: 'dist/index.js review', reason: unavailable })
    return result
  }

  const { base, head } = makePullRequest(size.files, size.lines)
  /** The file and line each pull request's one finding is about (set once the PRs are open). */
  /** @type {Map<number, { path: string, line: number }>} */
  const findings = new Map()
  const harness = await startHarness({
    work: options.work,
    roles: { Codertocat: 'write' },
    sample: folder => {
      writeFileSync(join(folder, 'README.md'), '# rules\n\nLint rules.\n')
      writeFileSync(join(folder, 'package.json'), '{ "name": "rules", "type": "commonjs" }\n')
      for (const [path, content] of Object.entries(base)) {
        const target = join(folder, path)
        mkdirp(target)
        writeFileSync(target, content)
      }
    },
    steps: request => {
      const messages = request.body.messages
      if (messages.length > 1) return reply(text('Reviewed the changes; one finding.'))
      const prompt = JSON.stringify(messages[0])
      const number = Number(/# Pull request #(\d+)/.exec(prompt)?.[1])
      const finding = findings.get(number)
      if (!finding) return reply(text('Nothing to note.'))
      return reply(
        use('ReviewComment', {
          file_path: finding.path,
          line: finding.line,
          body: 'This rename changes the name the rest of the file uses; check the callers.'
        })
      )
    }
  })

  try {
    // Each run reviews a pull request of its own (the same branch): a second review of one pull
    // request would see the first one's comments and leave out its repeated findings.
    const [firstPath = ''] = Object.keys(head)
    /** A new pull request of the large change (`large`) or the one-file change. */
    const open = (/** @type {boolean} */ isLarge, /** @type {boolean} */ push) => {
      const opened = harness.openPullRequest({
        ...(isLarge
          ? {
              branch: 'refactor-rules',
              title: 'Rename the rule helpers',
              body: 'Renames the helpers the rules share and adds the new ones.',
              ...(push ? { files: head } : {})
            }
          : {
              branch: 'one-rule',
              title: 'Rename in one rule',
              body: 'A small rename.',
              ...(push
                ? { files: { [firstPath]: changeFile(base[firstPath] ?? '', 24, random(7)) } }
                : {})
            })
      })
      expectFinding(opened)
      return opened
    }
    /** Where the model's one finding goes: the first added line of the first file with one. */
    const expectFinding = (/** @type {ReturnType<typeof harness.openPullRequest>} */ opened) => {
      const file =
        opened.pull.files.find(candidate => candidate.patch?.includes('\n+')) ??
        opened.pull.files[0]
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/m.exec(file?.patch ?? '')
      const offset = (file?.patch ?? '')
        .split('\n')
        .slice(1)
        .filter(line => !line.startsWith('-'))
        .findIndex(line => line.startsWith('+'))
      findings.set(opened.number, {
        path: file?.filename ?? '',
        line: Number(hunk?.[1] ?? 1) + Math.max(0, offset)
      })
    }
    const large = open(true, true)
    open(false, true)
    const changedLines = large.pull.files.reduce((sum, file) => sum + file.changes, 0)
    result.title = `Review of a large pull request (${large.pull.files.length} files, ${changedLines.toLocaleString('en-US')} changed lines)`

    /** Reviews one pull request; the figures of the run. */
    const reviewOnce = async (/** @type {boolean} */ isLarge) => {
      const opened = open(isLarge, false)
      const modelBefore = harness.model.requests.length
      const githubBefore = harness.github.requests.length
      const reviewsBefore = harness.github.state.reviews.length
      const run = await harness.runOnEvent({
        node: options.node,
        script: join(dist, 'index.js'),
        eventName: 'pull_request',
        payload: pullRequestPayload({
          number: opened.number,
          title: opened.pull.title,
          body: opened.pull.body ?? '',
          headRef: opened.pull.head.ref,
          headSha: opened.headSha,
          baseSha: opened.baseSha
        })
      })
      const first = harness.model.requests[modelBefore]
      const review = harness.github.state.reviews.slice(reviewsBefore).at(-1)
      if (
        run.exitCode !== 0 ||
        run.outputs['conclusion'] !== 'success' ||
        errorLines(run).length > 0 ||
        !first ||
        !review
      ) {
        throw new Error(
          `dist/index.js on pull_request #${opened.number} did not succeed (exit ${run.exitCode}, ` +
            `conclusion ${run.outputs['conclusion']}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`
        )
      }
      const base = performance.timeOrigin + run.spawnedAt
      const untilModel = first.startedAt - run.spawnedAt
      const calls = harness.github.requests
        .slice(githubBefore)
        .filter(request => request.time - base <= untilModel)
      const prompt = first.body.messages[0]
      const promptText =
        typeof prompt.content === 'string'
          ? prompt.content
          : prompt.content
              .map((/** @type {{ text?: string }} */ block) => block.text ?? '')
              .join('\n')
      const contextStart = promptText.indexOf(`# Pull request #${opened.number}`)
      return {
        ms: untilModel,
        githubMs: untilModel - ((calls[0]?.time ?? NaN) - base),
        githubCalls: calls.map(request => request.operation ?? request.path),
        bytes: first.bytes,
        contextTokens: contextStart === -1 ? NaN : estimateTokens(promptText.slice(contextStart)),
        files: filesInRequest(promptText),
        review,
        inline: harness.github.state.reviewComments.filter(c => c.review_id === review.id).length,
        outputs: run.outputs
      }
    }

    /** @type {Awaited<ReturnType<typeof reviewOnce>> | undefined} */
    let last
    for (let index = 0; index < runs; index += 1) {
      options.log(`review: run ${index + 1} of ${runs}`)
      const smallRun = await reviewOnce(false)
      raw.smallMs.push(smallRun.ms)
      raw.smallGitHubMs.push(smallRun.githubMs)
      last = await reviewOnce(true)
      raw.largeMs.push(last.ms)
      raw.largeGitHubMs.push(last.githubMs)
    }
    if (!last) return result

    const listed = last.files
    const kept = listed.filter(file => file.inContext)
    const keptLines = kept.reduce((sum, file) => sum + file.changes, 0)
    const notListed = large.pull.files.length - listed.length
    result.rows.push(
      {
        figure: `dist/index.js on pull_request (${large.pull.files.length} files): start to first model request`,
        unit: 'ms',
        claw: median(raw.largeMs)
      },
      {
        figure: 'dist/index.js on pull_request (1 file): start to first model request',
        unit: 'ms',
        claw: median(raw.smallMs)
      },
      {
        figure: 'context building for the large pull request (large minus 1-file, per run)',
        unit: 'ms',
        claw: median(raw.largeMs.map((ms, index) => ms - (raw.smallMs[index] ?? NaN))),
        note: `listing ${large.pull.files.length} files with patches, ranking and fencing them, a bigger checkout`
      },
      {
        figure: 'first GitHub request to first model request, large pull request',
        unit: 'ms',
        claw: median(raw.largeGitHubMs),
        note: `${last.githubCalls.length} GitHub requests, the head's checkout, the context, the prompt`
      },
      { figure: 'first request, large pull request', unit: 'KB', claw: last.bytes / 1000 },
      {
        figure: "first request's pull request context (estimated, bytes / 4)",
        unit: 'tokens',
        claw: last.contextTokens,
        note: `budget ${budget.toLocaleString('en-US')} (CONTEXT_BUDGET_TOKENS); system prompt and tools come on top`
      },
      {
        figure: 'whole first request (estimated, bytes / 4)',
        unit: 'tokens',
        claw: Math.ceil(last.bytes / 4)
      },
      {
        figure: 'changed files whose diff reached the model',
        unit: 'files',
        claw: kept.length,
        note: `of ${large.pull.files.length}; ${notListed} not even listed by name`
      },
      {
        figure: 'changed lines in the diffs that reached the model',
        unit: 'lines',
        claw: keptLines,
        note: `of ${changedLines.toLocaleString('en-US')} (${((keptLines / changedLines) * 100).toFixed(0)} %)`
      }
    )
    result.checks.push(
      {
        what: `the pull request's context in the first request fits its budget (≤ ${budget.toLocaleString('en-US')} tokens, bytes / 4)`,
        ok: last.contextTokens <= budget,
        detail: `${last.contextTokens.toLocaleString('en-US')} tokens`
      },
      {
        what: 'the review was posted (conclusion success, task review), the finding inline',
        ok: last.outputs['task'] === 'review' && last.inline === 1,
        detail: `review ${last.review.id}, ${last.inline} inline comment(s)`
      },
      {
        what: 'the review names what it did not review',
        ok:
          kept.length === large.pull.files.length || last.review.body.includes('**Not reviewed**'),
        detail: /and (\d+) more/.exec(last.review.body)?.[0] ?? ''
      }
    )
    result.notes.push(
      `The large pull request changes ${large.pull.files.length} real source files (${SOURCE_FOLDERS[0]} and the like, copied into the repository) by ${changedLines.toLocaleString('en-US')} lines: identifiers renamed on runs of lines and new blocks made of each file's own code, a few files changing a lot and most a little. Its diff is ${(large.pull.files.reduce((sum, file) => sum + Buffer.byteLength(file.patch ?? ''), 0) / 1000).toFixed(0)} KB as GitHub would serve it.`,
      `Before its first model request the review makes these GitHub requests: ${last.githubCalls.join(', ')}.`,
      `Context building is the large review's start-to-first-request minus the one-file review's: the same code path (the author's permission, the progress comment, pulls.get, the head's checkout, files, reviews, checks, comments), so what is left is what the size costs (the median of the differences of runs taken back to back; on a busy machine it can come out below zero). The action logs no phase times of its own.`
    )
  } finally {
    await harness.close()
  }
  return result
}

function mkdirp(/** @type {string} */ file) {
  const folder = file.slice(0, file.lastIndexOf('/'))
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true })
}
