import { describe, expect, it } from '@jest/globals'
import { lazyModelClient, type ModelClient } from '../../src/agent/model-client.js'

describe('lazyModelClient', () => {
  it('builds the client once, on prepare or the first request, and forwards requests', async () => {
    let built = 0
    const requests: string[] = []
    const client = lazyModelClient(() => {
      built += 1
      const real: ModelClient = {
        complete: request => {
          requests.push(request.model)
          return Promise.resolve({
            model: request.model,
            content: [{ type: 'text', text: 'ok' }],
            stop_reason: 'end_turn',
            usage: {
              input_tokens: 1,
              output_tokens: 1,
              cache_read_input_tokens: 0,
              cache_creation_input_tokens: 0
            }
          })
        }
      }
      return Promise.resolve(real)
    })
    expect(built).toBe(0)
    await client.prepare?.()
    expect(built).toBe(1)
    const request = { model: 'm', system: '', tools: [], messages: [], max_tokens: 1 }
    const response = await client.complete(request)
    await client.complete(request)
    expect(built).toBe(1)
    expect(requests).toEqual(['m', 'm'])
    expect(response.content).toEqual([{ type: 'text', text: 'ok' }])
  })

  it('passes a failure to build the client on to the request', async () => {
    const client = lazyModelClient(() => Promise.reject(new Error('cannot load the SDK')))
    await expect(
      client.complete({ model: 'm', system: '', tools: [], messages: [], max_tokens: 1 })
    ).rejects.toThrow('cannot load the SDK')
  })
})
