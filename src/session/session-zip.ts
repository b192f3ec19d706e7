/**
 * Reads the transcript out of a session artifact as GitHub's "download artifact" button gives it:
 * a zip holding `<name>.jsonl` and its Markdown rendering (see artifact-store.ts), so that
 * `claw show` takes the download as it is.
 *
 * The zip is read here, not with a library: the CLI ships as one bundle, and all it needs is one
 * stored or deflated entry of a small archive. Only the bytes that entry needs are read (the tail
 * for the directory, then the entry), so a large `.md` or an unrelated zip costs nothing.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { extname } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { UserError, errorMessage } from '../errors.js'
import { parseSession, type Session } from './reader.js'

/** The largest transcript (uncompressed) read out of a zip: more is refused before inflating. */
export const MAX_ZIPPED_TRANSCRIPT_BYTES = 50 * 1024 * 1024

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_DIRECTORY = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const END_OF_DIRECTORY_SIZE = 22
const LOCAL_HEADER_SIZE = 30
const CENTRAL_HEADER_SIZE = 46
/** The end record's comment is at most 64 KiB, so the record starts within this of the end. */
const MAX_TAIL = END_OF_DIRECTORY_SIZE + 0xffff
/** A 16- or 32-bit field with this value means "see the ZIP64 record". */
const ZIP64_U16 = 0xffff
const ZIP64_U32 = 0xffffffff
const METHOD_STORED = 0
const METHOD_DEFLATE = 8
/** WinZip's AES: always encrypted, whether or not a writer also sets flag bit 0. */
const METHOD_AES = 99
const FLAG_ENCRYPTED = 0x0001
const FLAG_STRONG_ENCRYPTION = 0x0040

/**
 * Whether `path` should be read as a zip: a `.zip` name, or a file that starts like one (a
 * download saved under another name). A file that cannot be opened is not; reading it as a
 * transcript then reports why.
 */
export function isZipFile(path: string): boolean {
  if (extname(path).toLowerCase() === '.zip') return true
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return false
  }
  try {
    const head = Buffer.alloc(4)
    if (readSync(fd, head, 0, 4, 0) !== 4) return false
    const signature = head.readUInt32LE(0)
    // A JSONL line starts with `{`, never with "PK\3\4" (an entry) or "PK\5\6" (an empty zip).
    return signature === LOCAL_HEADER || signature === END_OF_DIRECTORY
  } catch {
    return false
  } finally {
    closeSync(fd)
  }
}

/**
 * The session in a session artifact's zip: its one `.jsonl` entry, parsed with `parseSession`
 * (errors name the line as `ZIP/ENTRY.jsonl:LINE`). The `.md` next to it is not used: rendering
 * the transcript again shows it as this claw renders sessions. Throws UserError when the zip holds
 * no `.jsonl` or several, when the entry is over MAX_ZIPPED_TRANSCRIPT_BYTES, encrypted or
 * compressed otherwise than stored or deflate, when the zip is ZIP64, and when it is corrupt.
 */
export function readSessionFromZip(path: string): Session {
  const { name, text } = readTranscript(path)
  return parseSession(text, `${path}/${name}`)
}

interface Entry {
  name: string
  flags: number
  method: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

/** A zip that does not hold together; readTranscript turns it into one UserError. */
class Corrupt extends Error {}

function readTranscript(path: string): { name: string; text: string } {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw new UserError(`cannot read session file ${path}: ${describeFsError(error)}`)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) {
      const what = stat.isDirectory() ? 'it is a directory' : 'it is not a file'
      throw new UserError(`cannot read session file ${path}: ${what}`)
    }
    const file = new PositionalReader(fd, stat.size)
    const directory = readDirectory(file, path)
    const entry = pickTranscript(directory.entries, path)
    checkEntry(entry, path)
    const data = readEntry(file, entry, directory.offset)
    return { name: entry.name, text: data.toString('utf8') }
  } catch (error) {
    if (error instanceof Corrupt) {
      throw new UserError(
        `${path} is not a zip file claw can read (${error.message}); download the artifact ` +
          `again, or unzip it and run claw show on the .jsonl inside`
      )
    }
    throw error
  } finally {
    closeSync(fd)
  }
}

/** Reads byte ranges of an open file; a range past the end is a Corrupt zip. */
class PositionalReader {
  constructor(
    private readonly fd: number,
    readonly size: number
  ) {}

  read(position: number, length: number, what: string): Buffer {
    if (position < 0 || length < 0 || position + length > this.size) {
      throw new Corrupt(`${what} lies past the end of the file`)
    }
    const buffer = Buffer.alloc(length)
    let done = 0
    while (done < length) {
      const count = readSync(this.fd, buffer, done, length - done, position + done)
      if (count === 0) throw new Corrupt(`the file ends inside ${what}`)
      done += count
    }
    return buffer
  }
}

/** The central directory's entries and where it starts (every entry's data lies before it). */
function readDirectory(file: PositionalReader, path: string): { entries: Entry[]; offset: number } {
  if (file.size < END_OF_DIRECTORY_SIZE) throw new Corrupt('it is too short to be a zip')
  const tailLength = Math.min(file.size, MAX_TAIL)
  const tailStart = file.size - tailLength
  const tail = file.read(tailStart, tailLength, 'the end record')
  let end = -1
  for (let at = tailLength - END_OF_DIRECTORY_SIZE; at >= 0; at -= 1) {
    // The comment length check skips the signature's bytes should they occur inside a comment.
    if (
      tail.readUInt32LE(at) === END_OF_DIRECTORY &&
      at + END_OF_DIRECTORY_SIZE + tail.readUInt16LE(at + 20) <= tailLength
    ) {
      end = at
      break
    }
  }
  if (end < 0) throw new Corrupt('it has no end of central directory record')
  const disk = tail.readUInt16LE(end + 4)
  const directoryDisk = tail.readUInt16LE(end + 6)
  const diskEntries = tail.readUInt16LE(end + 8)
  const count = tail.readUInt16LE(end + 10)
  const size = tail.readUInt32LE(end + 12)
  const offset = tail.readUInt32LE(end + 16)
  const hasLocator = end >= 20 && tail.readUInt32LE(end - 20) === ZIP64_LOCATOR
  if (
    hasLocator ||
    count === ZIP64_U16 ||
    diskEntries === ZIP64_U16 ||
    size === ZIP64_U32 ||
    offset === ZIP64_U32
  ) {
    throw zip64Refusal(path)
  }
  if (disk !== 0 || directoryDisk !== 0 || diskEntries !== count) {
    throw new Corrupt('it is one part of a zip split across several files')
  }
  const endPosition = tailStart + end
  if (offset + size > endPosition) throw new Corrupt('its central directory lies outside the file')
  const directory = file.read(offset, size, 'the central directory')
  const entries: Entry[] = []
  let at = 0
  for (let index = 0; index < count; index += 1) {
    if (at + CENTRAL_HEADER_SIZE > size || directory.readUInt32LE(at) !== CENTRAL_HEADER) {
      throw new Corrupt(`entry ${index + 1} of the central directory is damaged`)
    }
    const nameLength = directory.readUInt16LE(at + 28)
    const extraLength = directory.readUInt16LE(at + 30)
    const commentLength = directory.readUInt16LE(at + 32)
    const next = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength
    if (next > size) throw new Corrupt(`entry ${index + 1} of the central directory is damaged`)
    entries.push({
      // Names are UTF-8 (flag bit 11) or CP437, which agree on the ASCII that `.jsonl` is.
      name: directory.toString(
        'utf8',
        at + CENTRAL_HEADER_SIZE,
        at + CENTRAL_HEADER_SIZE + nameLength
      ),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42)
    })
    at = next
  }
  return { entries, offset }
}

function pickTranscript(entries: Entry[], path: string): Entry {
  const transcripts = entries.filter(
    entry =>
      entry.name.toLowerCase().endsWith('.jsonl') &&
      // macOS's Archive Utility adds `__MACOSX/._<name>` resource forks when a folder is zipped
      // again: not transcripts, and they would make every such zip hold "two".
      !entry.name.startsWith('__MACOSX/')
  )
  if (transcripts.length === 1) return transcripts[0] as Entry
  if (transcripts.length === 0) {
    const held =
      entries.length === 0 ? 'it is empty' : `it holds ${listNames(entries.map(e => e.name))}`
    throw new UserError(
      `${path} holds no .jsonl session transcript (${held}); pass the zip of a claw-session-… ` +
        `artifact, or the SESSION.jsonl itself`
    )
  }
  throw new UserError(
    `${path} holds ${transcripts.length} .jsonl files (${listNames(transcripts.map(e => e.name))}); ` +
      `unzip it and run claw show on the one you want`
  )
}

function checkEntry(entry: Entry, path: string): void {
  const unzip = 'unzip it and run claw show on the .jsonl itself'
  if (
    entry.compressedSize === ZIP64_U32 ||
    entry.size === ZIP64_U32 ||
    entry.localOffset === ZIP64_U32
  ) {
    throw zip64Refusal(path)
  }
  if (
    (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 ||
    entry.method === METHOD_AES
  ) {
    throw new UserError(
      `${path}: ${entry.name} is encrypted, which claw show does not read; ${unzip} (with its password)`
    )
  }
  const largest = Math.max(entry.size, entry.compressedSize)
  if (largest > MAX_ZIPPED_TRANSCRIPT_BYTES) {
    throw new UserError(
      `${path}: ${entry.name} is ${megabytes(largest)} uncompressed, over the ` +
        `${megabytes(MAX_ZIPPED_TRANSCRIPT_BYTES)} claw show reads from a zip; ${unzip}`
    )
  }
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    throw new UserError(
      `${path}: ${entry.name} is compressed with method ${entry.method} (claw show reads stored ` +
        `and deflated entries); ${unzip}`
    )
  }
}

/** The entry's bytes, inflated and checked against the directory's size and CRC. */
function readEntry(file: PositionalReader, entry: Entry, directoryOffset: number): Buffer {
  const what = `the local header of ${entry.name}`
  const header = file.read(entry.localOffset, LOCAL_HEADER_SIZE, what)
  if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new Corrupt(`${what} is damaged`)
  // The local header's sizes may be zero (written before the data, as archiver streams): the
  // central directory's are the ones to trust. Its name and extra lengths can differ from there.
  const dataStart =
    entry.localOffset + LOCAL_HEADER_SIZE + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (dataStart + entry.compressedSize > directoryOffset) {
    throw new Corrupt(`the data of ${entry.name} runs into the central directory`)
  }
  const stored = file.read(dataStart, entry.compressedSize, `the data of ${entry.name}`)
  let data: Buffer
  if (entry.method === METHOD_STORED) {
    data = stored
  } else {
    try {
      // Bounded by the size the directory declares, so a lying directory cannot inflate a bomb.
      data = inflateRawSync(stored, { maxOutputLength: Math.max(entry.size, 1) })
    } catch (error) {
      throw new Corrupt(`${entry.name} does not inflate: ${errorMessage(error)}`)
    }
  }
  if (data.length !== entry.size) {
    throw new Corrupt(
      `${entry.name} holds ${data.length} bytes where the directory says ${entry.size}`
    )
  }
  if (crc32(data) !== entry.crc) throw new Corrupt(`${entry.name} fails its CRC check`)
  return data
}

function zip64Refusal(path: string): UserError {
  return new UserError(
    `${path} is a ZIP64 archive, which claw show does not read; unzip it and run claw show on ` +
      `the .jsonl inside`
  )
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 5).join(', ')
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`
}

/** The words reader.ts uses for the same failures, so that both kinds of file read alike. */
function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return errorMessage(error)
}

let crcTable: Uint32Array | undefined

/** CRC-32 as zip stores it; zlib.crc32 exists from Node 20.15 and 22.2 only. */
function crc32(data: Buffer): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n += 1) {
      let c = n
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  const table = crcTable
  let crc = 0xffffffff
  for (let index = 0; index < data.length; index += 1) {
    crc = (table[(crc ^ (data[index] as number)) & 0xff] as number) ^ (crc >>> 8)
  }
  return (crc ^ 0xffffffff) >>> 0
}
