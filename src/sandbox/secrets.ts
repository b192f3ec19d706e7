/**
 * The secret values of a run: what the redactor must replace wherever it appears. They come from
 * the environment the action or the CLI started with (a runner's environment holds the action's
 * secret inputs, its runtime and OIDC tokens, and whatever a workflow put in `env:`), plus values
 * the caller knows about (the settings' key and token, the git credentials it took out of the
 * repository's config).
 */
import { MIN_SECRET_LENGTH } from './redact.js'

/**
 * Environment variable names whose values are secrets, checked on the upper-cased name. The same
 * deny pattern child-env.ts keeps away from Bash: a value kept out of the child's environment is
 * still readable where isolation is missing (`/proc/<parent>/environ`), so it is redacted too.
 * Of the action's inputs (`INPUT_*`), the secret ones (`anthropic-api-key`, `github-token`) match
 * `KEY` and `TOKEN`; the others (the prompt, the model) are not secrets and must stay readable.
 */
const SECRET_NAMES = [/TOKEN/, /KEY/, /SECRET/, /PASSWORD/, /PASSWD/, /CREDENTIAL/, /^ANTHROPIC_/]

/**
 * Names matched above that hold no secret and whose values appear in ordinary output: redacting
 * the model's name would also blank it out of the session header a replay needs. Names ending in
 * `_URL` (ACTIONS_ID_TOKEN_REQUEST_URL, ANTHROPIC_BASE_URL) are addresses; a password in one is
 * taken by the URL rule of collectSecrets.
 */
const NOT_SECRET = new Set(['ANTHROPIC_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_VERSION'])

/**
 * Whether a value is too trivial to redact: short, a boolean, or a number. A workflow sets
 * `SOME_TOKEN_ENABLED: true` or `KEY_COUNT: 3`; replacing every `true` or `3` in tool output
 * would wreck it and protect nothing.
 */
export function isTrivialSecret(value: string): boolean {
  const trimmed = value.trim()
  if (trimmed.length < MIN_SECRET_LENGTH) return true
  if (/^(true|false|yes|no|on|off|null|undefined|none)$/i.test(trimmed)) return true
  return /^[-+]?\d+(\.\d+)?$/.test(trimmed)
}

/** Whether an environment variable's name marks its value as a secret. */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase()
  if (NOT_SECRET.has(upper) || upper.endsWith('_URL')) return false
  return SECRET_NAMES.some(pattern => pattern.test(upper))
}

/**
 * The secret values of `env` (by name, see SECRET_NAMES; and the password of any URL with
 * credentials in it, such as `HTTPS_PROXY=http://user:pass@proxy`), plus `extra`, trimmed,
 * without trivial values (see isTrivialSecret), without duplicates, in a stable order.
 */
export function collectSecrets(
  env: Readonly<Record<string, string | undefined>>,
  extra: readonly (string | undefined)[] = []
): string[] {
  const found = new Set<string>()
  const add = (value: string | undefined): void => {
    if (value === undefined || isTrivialSecret(value)) return
    found.add(value.trim())
  }
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue
    if (isSecretName(name)) add(value)
    for (const password of urlPasswords(value)) add(password)
  }
  for (const value of extra) add(value)
  return [...found]
}

/** Passwords in `scheme://user:password@host` URLs of a value, raw and percent-decoded. */
function urlPasswords(value: string): string[] {
  if (!value.includes('://') || !value.includes('@')) return []
  const passwords: string[] = []
  for (const match of value.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s/@]+)@/gi)) {
    const raw = match[1] ?? ''
    passwords.push(raw)
    try {
      passwords.push(decodeURIComponent(raw))
    } catch {
      // Not valid percent-encoding: the raw form is all there is.
    }
  }
  return passwords
}
