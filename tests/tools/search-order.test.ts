import { describe, expect, it } from '@jest/globals'
import { inWalkOrder } from '../../src/tools/search/backend.js'
import { walkOrder } from '../../src/tools/walk.js'

/** Paths as git prints them: sorted by their UTF-8 bytes. */
function byteOrder(paths: string[]): string[] {
  return [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
}

async function* stream(paths: string[], seen: string[]): AsyncGenerator<string> {
  for (const file of paths) {
    await Promise.resolve() // as a lister's output, which comes in chunks
    seen.push(file)
    yield file
  }
}

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

describe("merging git's byte order into the walk's order", () => {
  it('yields every path in walk order, whatever the names', async () => {
    const next = random(7)
    const alphabet = ['a', 'b', '-', '.', ' ', '0', '_', '\u00e9', '~']
    for (let round = 0; round < 200; round++) {
      const paths = new Set<string>()
      for (let count = 0; count < 30; count++) {
        const parts: string[] = []
        const depth = 1 + Math.floor(next() * 3)
        for (let level = 0; level < depth; level++) {
          let name = ''
          const length = 1 + Math.floor(next() * 3)
          for (let index = 0; index < length; index++) {
            name += alphabet[Math.floor(next() * alphabet.length)]
          }
          parts.push(name)
        }
        paths.add(parts.join('/'))
      }
      // No path may also be a folder of another (a file and a folder cannot share a name).
      const files = [...paths].filter(
        file => ![...paths].some(other => other.startsWith(`${file}/`))
      )
      const listed = files.filter((_, index) => index % 4 !== 0)
      const extra = files.filter((_, index) => index % 4 === 0)
      const out: string[] = []
      for await (const file of inWalkOrder(stream(byteOrder(listed), []), extra)) out.push(file)
      expect(out).toEqual(walkOrder(files))
    }
  })

  it('yields a path before the stream ends once no later path can come before it', async () => {
    const listed = byteOrder(['a b.txt', 'a-b/c.js', 'a.js', 'a/b.js', 'a0.js', 'b/c.js', 'c.js'])
    const seen: string[] = []
    const out: { file: string; seen: number }[] = []
    for await (const file of inWalkOrder(stream(listed, seen), [])) {
      out.push({ file, seen: seen.length })
    }
    expect(out.map(entry => entry.file)).toEqual(walkOrder(listed))
    // `a/b.js` waits for `a0.js` (the first path past every `a/…`), not for the end.
    expect(out[0]).toEqual({ file: 'a/b.js', seen: 5 })
    // `a0.js` waits for a path past `a0/…`: `b/c.js`.
    expect(out.find(entry => entry.file === 'a0.js')?.seen).toBe(6)
  })
})
