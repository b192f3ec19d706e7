// @ts-check
// What every part of `npm run bench` returns, so that scripts/bench.mjs can print one table and
// scripts/bench/report.mjs can write docs/performance.md (table, ratios, chart) from one run.
//
// A section module exports `async function measure(options)` returning a `SectionResult`.

/**
 * @typedef {{
 *   runs: number,          // how many measured runs a median is taken over
 *   node: string,          // the Node.js binary that runs claw's dist/ (the runner's Node 24 in CI)
 *   smoke: boolean,        // the tests' small variant: tiny inputs, 1 run, peers skipped
 *   work: string,          // a temp folder the section may use (removed by the caller)
 *   log: (line: string) => void // progress for the person running the bench (stderr)
 * }} SectionOptions
 *
 * @typedef {{ op: '<' | '<=' | '>=' | '>', value: number }} Target
 *
 * @typedef {{
 *   figure: string,        // what is measured, e.g. "dist/cli.js: start to first model request"
 *   unit: string,          // "ms", "KB", "MB", "tokens", "%", "files"...
 *   claw: number,          // median over the runs
 *   peer?: number,         // the peer's median in the same run, when there is one
 *   peerName?: string,     // e.g. "claude -p 2.1.332", "rg 13.0.0", "git grep"
 *   target?: Target,       // the issue's target for claw's figure
 *   note?: string          // one short line: what the figure includes, or why a target is missed
 * }} Row
 *
 * @typedef {{
 *   id: string,            // "startup", "turns", "tokens", "search", "review", "memory", "bundle"
 *   title: string,
 *   rows: Row[],
 *   skipped: { what: string, reason: string }[], // peers or paths that could not run here
 *   notes: string[],       // longer remarks for docs/performance.md
 *   checks: { what: string, ok: boolean, detail?: string }[] // correctness checks (e.g. same results)
 * }} SectionResult
 */

/**
 * The median of a non-empty list of numbers.
 * @param {number[]} numbers
 * @returns {number}
 */
export function median(numbers) {
  if (numbers.length === 0) throw new Error('median of no numbers')
  const sorted = [...numbers].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = /** @type {number} */ (sorted[middle])
  const lower = /** @type {number} */ (sorted[middle - 1])
  return sorted.length % 2 ? upper : (lower + upper) / 2
}

/**
 * Whether a figure meets its target.
 * @param {number} value
 * @param {Target} target
 */
export function meets(value, target) {
  switch (target.op) {
    case '<':
      return value < target.value
    case '<=':
      return value <= target.value
    case '>=':
      return value >= target.value
    case '>':
      return value > target.value
  }
}

/**
 * Input tokens as the API bills them, in plain input tokens: a cache write costs 1.25 times an
 * input token and a cache read 0.1 times (Anthropic's prices for the 5-minute cache). A large
 * prefix read from the cache on every turn is cheap but not free; this is what a task's input
 * costs whatever its cache share.
 * @param {{ input_tokens: number, cache_creation_input_tokens: number, cache_read_input_tokens: number }[]} usages
 */
export function billedInputTokens(usages) {
  return usages.reduce(
    (total, usage) =>
      total +
      usage.input_tokens +
      1.25 * usage.cache_creation_input_tokens +
      0.1 * usage.cache_read_input_tokens,
    0
  )
}
