/** A model for runTask tests: answers each request with the next block, records the requests. */
import type { ModelClient, ModelRequest, ModelResponse } from '../../src/agent/model-client.js'

export type Block = ModelResponse['content'][number]

/** After the script, it answers `done`. */
export function scriptedModel(blocks: Block[]): ModelClient & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = []
  return {
    requests,
    complete(request) {
      requests.push(structuredClone(request))
      const block = blocks[requests.length - 1] ?? { type: 'text', text: 'done' }
      return Promise.resolve({
        model: request.model,
        content: [block],
        stop_reason: block.type === 'tool_use' ? 'tool_use' : 'end_turn',
        usage: {
          input_tokens: 1,
          output_tokens: 1,
          cache_read_input_tokens: 0,
          cache_creation_input_tokens: 0
        }
      })
    }
  }
}
