/** What a redacted secret becomes in everything the model sees and the run writes. */
export const REDACTED = '[REDACTED]'

/** Shorter values are not redacted: replacing `true` or `main` everywhere would wreck output. */
export const MIN_SECRET_LENGTH = 8

/** Token formats redacted even when the value is not known (one could come from a file). */
const TOKEN_PATTERNS = [
  /gh[pousr]_[A-Za-z0-9]{20,}/g, // GitHub personal, OAuth, app (server/user) and refresh tokens
  /github_pat_[A-Za-z0-9_]{20,}/g, // fine-grained GitHub tokens
  /sk-ant-[A-Za-z0-9_-]{20,}/g // Anthropic API keys
]

/** Returns a function replacing each known secret value and well-known token with REDACTED. */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const values = [
    ...new Set(secrets.map(secret => secret.trim()).filter(s => s.length >= MIN_SECRET_LENGTH))
  ]
  // Longest first, so a secret that contains another is replaced whole.
  values.sort((a, b) => b.length - a.length)
  const known =
    values.length === 0 ? undefined : new RegExp(values.map(escapeRegExp).join('|'), 'g')
  return (text: string): string => {
    let result = known === undefined ? text : text.replace(known, REDACTED)
    for (const pattern of TOKEN_PATTERNS) result = result.replace(pattern, REDACTED)
    return result
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
