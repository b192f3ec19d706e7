import { setFlagsFromString } from 'node:v8'

/**
 * V8's `--optimize-for-size`, switched on for the rest of the process once the run's code is
 * loaded.
 *
 * Why: what a run keeps alive is small (about 15 MB of heap after a full collection, flat over a
 * 200-turn session, compactions included), but each turn sends the whole conversation, which the
 * SDK serialises into one string of up to a few hundred KB, then the transport turns into bytes.
 * With V8's default growth policy that garbage piles up: the young generation grows to two 16 MB
 * semi-spaces and the old generation's limit runs well ahead of its live size, so the 200-turn
 * memory benchmark (scripts/bench/memory.mjs) peaked at about 150 MB of RSS for 15 MB of live
 * objects. With the flag, V8 grows the heap conservatively and collects sooner: the same session
 * peaks at about 105 MB, with no change in harness time per turn (scripts/bench-measure.mjs).
 *
 * Why at run time and not as a node option: the action runs as `node24` with no way to pass
 * options, and the CLI is started as `node cli.js` as often as through its shebang. V8 reads this
 * flag when it decides how far to grow the heap, so setting it after start-up takes effect
 * (measured; `--max-semi-space-size`, read once when the heap is set up, would not). Why not
 * at start: set before the first model request, it made the time to that request about 40 ms
 * longer (V8 collects at once under the tighter limits), so runTask sets it once the first reply
 * is in: that collection is then a one-off inside a run whose turns wait seconds for the model.
 */
let preferred = false

export function preferSmallHeap(): void {
  if (preferred) return
  preferred = true
  setFlagsFromString('--optimize-for-size')
}
