/**
 * Runs `load` on up to `width` items ahead of the consumer and yields the results in the
 * source's order, so that file reads overlap. A result is yielded as soon as it and those before
 * it are ready, even while the source is still waiting for its next item (a lister streaming
 * its output), so that work overlaps the lister. `load` must not reject.
 *
 * Stopping the consumer stops the source; loads under way finish unobserved. When the source is
 * in the middle of producing an item, its stop is left to happen after that item: the caller
 * that needs it stopped at once (a lister killed) aborts the source's signal.
 */
export async function* readAhead<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  width: number,
  load: (item: T) => Promise<R>
): AsyncGenerator<R> {
  const iterator =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()
  const queue: Promise<R>[] = []
  let pending: Promise<IteratorResult<T>> | undefined
  let done = false
  try {
    while (!done || queue.length > 0) {
      const head = queue[0]
      if (head !== undefined && (done || queue.length >= width)) {
        void queue.shift()
        yield await head
        continue
      }
      pending ??= Promise.resolve(iterator.next())
      const next = pending.then(result => ({ kind: 'next' as const, result }))
      const step =
        head === undefined
          ? await next
          : await Promise.race([next, head.then(value => ({ kind: 'head' as const, value }))])
      if (step.kind === 'head') {
        void queue.shift()
        yield step.value
        continue
      }
      pending = undefined
      if (step.result.done === true) done = true
      else queue.push(load(step.result.value))
    }
  } finally {
    if (!done) {
      const stopped = Promise.resolve(iterator.return?.()).catch(() => undefined)
      // An item being produced holds the stop back: not waited for (see above).
      if (pending === undefined) await stopped
      else void pending.catch(() => undefined)
    }
  }
}
