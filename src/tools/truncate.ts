/** Head-and-tail truncation: the start of an output says what ran, the end how it finished. */

export function cutMarker(cutChars: number): string {
  return `\n[... ${cutChars} characters cut ...]\n`
}

/** Keeps the first and last parts of `text` so that the result is at most about `maxChars`. */
export function truncateMiddle(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const keep = Math.max(0, maxChars - 40)
  const head = Math.ceil(keep / 2)
  const tail = keep - head
  const cut = text.length - head - tail
  return text.slice(0, head) + cutMarker(cut) + (tail > 0 ? text.slice(text.length - tail) : '')
}

/**
 * Collects a stream of text in bounded memory: the first `headChars` and the last `tailChars`
 * characters, and how many were dropped between them.
 */
export class HeadTailBuffer {
  private head = ''
  private tail = ''
  private dropped = 0

  constructor(
    private readonly headChars: number,
    private readonly tailChars: number
  ) {}

  push(chunk: string): void {
    if (chunk.length === 0) return
    if (this.head.length < this.headChars) {
      const room = this.headChars - this.head.length
      this.head += chunk.slice(0, room)
      chunk = chunk.slice(room)
      if (chunk.length === 0) return
    }
    const joined = this.tail + chunk
    if (joined.length > this.tailChars) {
      this.dropped += joined.length - this.tailChars
      this.tail = joined.slice(joined.length - this.tailChars)
    } else {
      this.tail = joined
    }
  }

  get length(): number {
    return this.head.length + this.dropped + this.tail.length
  }

  toString(): string {
    return this.dropped > 0
      ? this.head + cutMarker(this.dropped) + this.tail
      : this.head + this.tail
  }
}
