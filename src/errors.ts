/**
 * Errors a caller branches on, and the one helper that turns anything thrown into a message.
 * A `UserError` is bad input from the user (a flag, a file, an input): its message is shown as it
 * is, without a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError'
}

/** Turns `unknown` (whatever was thrown) into one readable line. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  // Errors from another realm (Node's fs under Jest's VM modules) fail instanceof but keep a message.
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = error.message
    if (typeof message === 'string') return message
  }
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}
