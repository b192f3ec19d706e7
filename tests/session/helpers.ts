import { fileURLToPath } from 'node:url'

/** The hand-written sample session (see tests/fixtures/sessions/README.md). */
export const SAMPLE_SESSION = fileURLToPath(
  new URL('../fixtures/sessions/sample.jsonl', import.meta.url)
)
