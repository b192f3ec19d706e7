/**
 * `claw show` on a session artifact as GitHub's "download artifact" button gives it: a zip with
 * the transcript and its Markdown. The zips are real ones, written by `archiver` (what
 * `@actions/artifact` uploads with) and by the system's `zip` when there is one, then damaged
 * byte by byte for the refusals. The CLI runs in-process: dist/ is the committed bundle and may
 * not have this code yet.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { readSession } from '../../src/session/reader.js'
import { renderSessionMarkdown } from '../../src/session/render.js'
import { MAX_ZIPPED_TRANSCRIPT_BYTES, readSessionFromZip } from '../../src/session/session-zip.js'
import { SAMPLE_SESSION } from '../session/helpers.js'
import { TempDirs } from './cli-process.js'

/** The part of archiver's API used here (it ships no types; @types/archiver is not installed). */
interface Archive {
  on(event: 'data', listener: (chunk: Buffer) => void): Archive
  on(event: 'end', listener: () => void): Archive
  on(event: 'error' | 'warning', listener: (error: Error) => void): Archive
  append(source: Buffer | string, data: { name: string; store?: boolean }): Archive
  finalize(): Promise<void>
}
type ArchiverFactory = (
  format: 'zip',
  options?: { zlib?: { level: number }; forceZip64?: boolean; comment?: string }
) => Archive
const archiver = createRequire(import.meta.url)('archiver') as ArchiverFactory

const dirs = new TempDirs()
afterAll(() => dirs.removeAll())
const folder = dirs.make('claw-show-zip-')

const SAMPLE_TEXT = readFileSync(SAMPLE_SESSION, 'utf8')
/** What `claw show` prints for the plain .jsonl: the zip must print the same. */
const EXPECTED = renderSessionMarkdown(readSession(SAMPLE_SESSION))

interface ZipEntry {
  name: string
  data: Buffer | string
  store?: boolean
}

/** A zip written by archiver, in memory. */
async function archive(
  entries: ZipEntry[],
  options: { forceZip64?: boolean; comment?: string } = {}
): Promise<Buffer> {
  const zip = archiver('zip', { zlib: { level: 6 }, ...options })
  const chunks: Buffer[] = []
  const ended = new Promise<void>((resolve, reject) => {
    zip.on('data', chunk => chunks.push(chunk))
    zip.on('end', resolve)
    zip.on('error', reject)
    zip.on('warning', reject)
  })
  for (const entry of entries) zip.append(entry.data, { name: entry.name, store: entry.store })
  await zip.finalize()
  await ended
  return Buffer.concat(chunks)
}

let written = 0
function save(bytes: Buffer, name = `artifact-${(written += 1)}.zip`): string {
  const path = join(folder, name)
  writeFileSync(path, bytes)
  return path
}

/** The two files artifact-store.ts uploads, as the artifact's zip holds them. */
function artifactEntries(stem = 'session-1234-1-2026-12-05T10-00-00-000Z'): ZipEntry[] {
  return [
    { name: `${stem}.jsonl`, data: SAMPLE_TEXT },
    { name: `${stem}.md`, data: EXPECTED }
  ]
}

async function show(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(['show', ...args], {
    stdout: text => (stdout += text),
    stderr: text => (stderr += text),
    env: {}
  })
  return { code, stdout, stderr }
}

/** A refusal: exit 2, nothing on stdout, one `claw: ` line on stderr. */
async function expectRefused(path: string, message: string | RegExp): Promise<string> {
  const result = await show(path)
  expect(result.code).toBe(2)
  expect(result.stdout).toBe('')
  expect(result.stderr.split('\n')).toHaveLength(2)
  const line = result.stderr.trimEnd()
  if (typeof message === 'string') expect(line).toBe(`claw: ${message}`)
  else expect(line).toMatch(message)
  return line
}

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02])
const LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/** A copy of a one-entry zip with a 16-bit field of its central (and local) header changed. */
function patched(zip: Buffer, central: number, local: number | undefined, value: number): Buffer {
  const copy = Buffer.from(zip)
  copy.writeUInt16LE(value, copy.indexOf(CENTRAL) + central)
  if (local !== undefined) copy.writeUInt16LE(value, copy.indexOf(LOCAL) + local)
  return copy
}

function hasSystemZip(): boolean {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('claw show ARTIFACT.zip', () => {
  it('prints the same Markdown as for the .jsonl inside, from an artifact as claw uploads it', async () => {
    const zip = save(await archive(artifactEntries()), 'claw-session-pr-7.zip')
    const result = await show(zip)
    expect(result).toEqual({ code: 0, stdout: EXPECTED, stderr: '' })
    expect(result.stdout).toMatch(/^# claw session: fix on /)
    expect(result.stdout).toMatch(/^## Outcome$/m)
  })

  it('reads a stored (uncompressed) entry, one in a folder, and a zip with a comment', async () => {
    const zip = save(
      await archive(
        [
          { name: 'claw-session-issue-42/session.jsonl', data: SAMPLE_TEXT, store: true },
          { name: 'claw-session-issue-42/session.md', data: EXPECTED }
        ],
        // A comment puts bytes after the end record's fixed part: the search must skip them.
        { comment: 'PK\u0005\u0006 looks like a signature' }
      )
    )
    expect(await show(zip)).toEqual({ code: 0, stdout: EXPECTED, stderr: '' })
  })

  it('reads a download saved without the .zip extension, by its first bytes', async () => {
    const zip = save(await archive(artifactEntries()), 'claw-session-docs')
    expect(await show(zip)).toEqual({ code: 0, stdout: EXPECTED, stderr: '' })
  })

  it('ignores the __MACOSX/ copies macOS adds when a folder is zipped again', async () => {
    const zip = save(
      await archive([
        ...artifactEntries('session'),
        { name: '__MACOSX/._session.jsonl', data: Buffer.from([0, 5, 22, 7, 0, 2]) }
      ])
    )
    expect(await show(zip)).toEqual({ code: 0, stdout: EXPECTED, stderr: '' })
  })

  const withZip = hasSystemZip() ? it : it.skip
  withZip(
    'reads a zip written by the system zip tool (extra fields, no data descriptors)',
    async () => {
      const source = dirs.make('claw-show-zip-source-')
      copyFileSync(SAMPLE_SESSION, join(source, 'session.jsonl'))
      writeFileSync(join(source, 'session.md'), EXPECTED)
      const zip = join(folder, 'system.zip')
      execFileSync('zip', ['-q', '-X', zip, 'session.jsonl', 'session.md'], { cwd: source })
      expect(await show(zip)).toEqual({ code: 0, stdout: EXPECTED, stderr: '' })
    }
  )

  it('readSessionFromZip returns the parsed session', async () => {
    const zip = save(await archive(artifactEntries('session')))
    const session = readSessionFromZip(zip)
    expect(session).toEqual(readSession(SAMPLE_SESSION))
    expect(session.header.task).toBe('fix')
  })

  it('names the entry and line of a transcript that is not a session', async () => {
    const zip = save(await archive([{ name: 'session.jsonl', data: '{"type":\n' }]))
    await expectRefused(zip, new RegExp(`^claw: ${escapeRegExp(`${zip}/session.jsonl`)}:1: `))
  })
})

describe('claw show ARTIFACT.zip refuses', () => {
  it('a zip without a .jsonl', async () => {
    const zip = save(await archive([{ name: 'session.md', data: EXPECTED }]))
    await expectRefused(
      zip,
      `${zip} holds no .jsonl session transcript (it holds session.md); pass the zip of a ` +
        `claw-session-… artifact, or the SESSION.jsonl itself`
    )
  })

  it('an empty zip', async () => {
    const zip = save(await archive([]))
    await expectRefused(
      zip,
      `${zip} holds no .jsonl session transcript (it is empty); pass the zip of a ` +
        `claw-session-… artifact, or the SESSION.jsonl itself`
    )
  })

  it('a zip with more than one .jsonl', async () => {
    const zip = save(
      await archive([
        { name: 'a.jsonl', data: SAMPLE_TEXT },
        { name: 'b/c.jsonl', data: SAMPLE_TEXT }
      ])
    )
    await expectRefused(
      zip,
      `${zip} holds 2 .jsonl files (a.jsonl, b/c.jsonl); unzip it and run claw show on the one you want`
    )
  })

  it('a transcript over 50 MB uncompressed, before inflating it', async () => {
    const big = Buffer.alloc(MAX_ZIPPED_TRANSCRIPT_BYTES + 1, 0x20)
    const zip = save(await archive([{ name: 'session.jsonl', data: big }]))
    await expectRefused(
      zip,
      `${zip}: session.jsonl is 50.0 MB uncompressed, over the 50 MB claw show reads from a zip; ` +
        `unzip it and run claw show on the .jsonl itself`
    )
  })

  it('a ZIP64 archive', async () => {
    const zip = save(await archive(artifactEntries(), { forceZip64: true }))
    await expectRefused(
      zip,
      `${zip} is a ZIP64 archive, which claw show does not read; unzip it and run claw show on ` +
        `the .jsonl inside`
    )
  })

  it('an encrypted entry', async () => {
    const plain = await archive([{ name: 'session.jsonl', data: SAMPLE_TEXT }])
    // General purpose flag bit 0, at offset 8 of the central header and 6 of the local one.
    const flags = plain.readUInt16LE(plain.indexOf(CENTRAL) + 8)
    const zip = save(patched(plain, 8, 6, flags | 1))
    await expectRefused(
      zip,
      `${zip}: session.jsonl is encrypted, which claw show does not read; unzip it and run ` +
        `claw show on the .jsonl itself (with its password)`
    )
  })

  it('a compression method other than stored or deflate', async () => {
    const zip = save(
      patched(await archive([{ name: 'session.jsonl', data: SAMPLE_TEXT }]), 10, 8, 12)
    )
    await expectRefused(
      zip,
      `${zip}: session.jsonl is compressed with method 12 (claw show reads stored and deflated ` +
        `entries); unzip it and run claw show on the .jsonl itself`
    )
  })

  describe('a corrupt file', () => {
    const corrupt = (zip: string, reason: string) =>
      `${zip} is not a zip file claw can read (${reason}); download the artifact again, or ` +
      `unzip it and run claw show on the .jsonl inside`

    it('a text file named .zip', async () => {
      const zip = save(Buffer.from('<html>Not Found</html>\n'.repeat(3)))
      await expectRefused(zip, corrupt(zip, 'it has no end of central directory record'))
    })

    it('a file too short to be a zip', async () => {
      const zip = save(Buffer.from('PK'))
      await expectRefused(zip, corrupt(zip, 'it is too short to be a zip'))
    })

    it('a download cut off before its end', async () => {
      const whole = await archive(artifactEntries())
      const zip = save(whole.subarray(0, whole.length - 100))
      await expectRefused(zip, corrupt(zip, 'it has no end of central directory record'))
    })

    it('a central directory that points past the end of the file', async () => {
      const whole = await archive(artifactEntries())
      const damaged = Buffer.from(whole)
      // The end record's directory offset (offset 16 of the last 22 bytes; no comment here).
      damaged.writeUInt32LE(whole.length * 2, whole.length - 22 + 16)
      const zip = save(damaged)
      await expectRefused(zip, corrupt(zip, 'its central directory lies outside the file'))
    })

    it('a damaged local header', async () => {
      const whole = await archive([{ name: 'session.jsonl', data: SAMPLE_TEXT }])
      const damaged = Buffer.from(whole)
      damaged[0] = 0
      const zip = save(damaged)
      await expectRefused(zip, corrupt(zip, 'the local header of session.jsonl is damaged'))
    })

    it('deflated data that does not inflate', async () => {
      const whole = await archive([{ name: 'session.jsonl', data: SAMPLE_TEXT }])
      const damaged = Buffer.from(whole)
      // Inside the deflate stream: 30-byte local header + 13-byte name, then the data.
      damaged.fill(0xff, 43, 63)
      const zip = save(damaged)
      await expectRefused(
        zip,
        new RegExp(
          `^claw: ${escapeRegExp(zip)} is not a zip file claw can read \\(session\\.jsonl (does not inflate|fails its CRC check|holds \\d+ bytes)`
        )
      )
    })

    it('a stored entry whose bytes changed (the CRC check)', async () => {
      const whole = await archive([{ name: 'session.jsonl', data: SAMPLE_TEXT, store: true }])
      const damaged = Buffer.from(whole)
      const at = damaged.indexOf('"type"')
      damaged.write('"tYpe"', at)
      const zip = save(damaged)
      await expectRefused(zip, corrupt(zip, 'session.jsonl fails its CRC check'))
    })
  })

  it('a zip that does not exist', async () => {
    const zip = join(folder, 'missing.zip')
    await expectRefused(zip, `cannot read session file ${zip}: no such file`)
  })

  it('a folder named .zip', async () => {
    const zip = join(folder, 'folder.zip')
    mkdirSync(zip)
    await expectRefused(zip, `cannot read session file ${zip}: it is a directory`)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
