/**
 * The git credentials main takes out of the repository's config, saved for the post step so that
 * they come back even when main is killed mid-run (a cancelled job, a timeout).
 *
 * The state file is a file on the runner the agent's Bash could read during the run, so the saved
 * values are sealed (AES-256-GCM) with a key derived from values the runner gives main and post
 * alike in their environment and the agent never gets: the job's ACTIONS_RUNTIME_TOKEN and the
 * `github-token` input. Whoever could read those could read the token itself, so the state holds
 * nothing more than the environment already did. Without either value nothing is saved and only
 * main's own `finally` restores.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { SavedCredentials } from '../git/credentials.js'

const FORMAT = 'claw-sealed-1'

/** The sealing key's material from the environment, or undefined when there is none. */
export function stateKeyMaterial(
  env: Readonly<Record<string, string | undefined>>,
  githubToken: string
): string | undefined {
  const parts = [env['ACTIONS_RUNTIME_TOKEN'] ?? '', githubToken].map(part => part.trim())
  if (parts.every(part => part === '')) return undefined
  return parts.join('\0')
}

export function sealCredentials(saved: SavedCredentials, keyMaterial: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(keyMaterial), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(saved), 'utf8'), cipher.final()])
  return [FORMAT, iv, cipher.getAuthTag(), body]
    .map(part => (typeof part === 'string' ? part : part.toString('base64')))
    .join('.')
}

/** Throws when the state was sealed with other key material or is not a sealed state. */
export function openCredentials(sealed: string, keyMaterial: string): SavedCredentials {
  const [format, iv = '', tag = '', body = ''] = sealed.split('.')
  if (format !== FORMAT) throw new Error('the saved git credentials are in an unknown format')
  const decipher = createDecipheriv('aes-256-gcm', key(keyMaterial), Buffer.from(iv, 'base64'))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  let text: string
  try {
    text = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8'
    )
  } catch {
    throw new Error(
      'the saved git credentials cannot be opened: ACTIONS_RUNTIME_TOKEN or the github-token input changed since the main step'
    )
  }
  return JSON.parse(text) as SavedCredentials
}

function key(material: string): Buffer {
  return createHash('sha256').update(`${FORMAT}\0${material}`).digest()
}
