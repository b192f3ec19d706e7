/**
 * Backoff arithmetic and waiting for the model client's retries. Pure apart from `sleep`, so the
 * policy can be read (and tested) on its own.
 */

export interface BackoffOptions {
  /** The first retry waits up to this long; each later one up to twice the one before. */
  baseDelayMs: number
  /** No computed delay exceeds this. */
  maxDelayMs: number
}

/**
 * Exponential backoff with full jitter: a uniform random delay in [0, min(max, base × 2^(n−1)))
 * after the n-th failed attempt. Full jitter spreads the retries of many clients hit by the same
 * overload, instead of having them all return at the same instant.
 */
export function backoffDelay(
  failedAttempt: number,
  options: BackoffOptions,
  random: () => number = Math.random
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempt - 1))
  return Math.floor(random() * ceiling)
}

/**
 * The delay a server asked for, in ms: `retry-after-ms` (the API's own, fractional ms), else
 * `retry-after` in seconds or as an HTTP date. `undefined` when there is none or it is unreadable.
 */
export function retryAfterMs(
  headers: { get(name: string): string | null } | undefined,
  now: number = Date.now()
): number | undefined {
  if (!headers) return undefined
  const ms = headers.get('retry-after-ms')
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms)
    if (Number.isFinite(value) && value >= 0) return value
  }
  const after = headers.get('retry-after')
  if (after === null || after.trim() === '') return undefined
  const seconds = Number(after)
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined
  const date = Date.parse(after)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** An error named `AbortError`, like the one `fetch` throws; `cause` is the signal's reason. */
export function abortError(signal?: AbortSignal): Error {
  const error = new Error('the model request was aborted', { cause: signal?.reason })
  error.name = 'AbortError'
  return error
}

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal))
      return
    }
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(abortError(signal))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
