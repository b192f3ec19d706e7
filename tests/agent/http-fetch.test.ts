/**
 * The node:http transport of the model client, against a loopback server: what the SDK relies
 * on from `fetch` (status, headers, a streamed body, aborts, broken connections, keep-alive).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createHttpFetch } from '../../src/agent/http-fetch.js'

type Handler = (request: http.IncomingMessage, body: string, response: http.ServerResponse) => void

const servers: { server: http.Server; sockets: Set<Socket> }[] = []
afterEach(async () => {
  for (const { server, sockets } of servers.splice(0)) {
    for (const socket of sockets) socket.destroy()
    await new Promise(resolve => server.close(resolve))
  }
})

async function serve(handler: Handler): Promise<{ url: string; connections: () => number }> {
  let connections = 0
  const sockets = new Set<Socket>()
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => handler(request, Buffer.concat(chunks).toString('utf8'), response))
  })
  server.on('connection', socket => {
    connections += 1
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  servers.push({ server, sockets })
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, connections: () => connections }
}

describe('createHttpFetch', () => {
  it('sends method, headers and body, and returns status, headers and the streamed body', async () => {
    let seen: { method?: string; headers?: http.IncomingHttpHeaders; body?: string } = {}
    const { url } = await serve((request, body, response) => {
      seen = { method: request.method, headers: request.headers, body }
      response.writeHead(201, 'Made', { 'content-type': 'text/event-stream', 'x-one': 'a' })
      response.write('event: a\n\n')
      setTimeout(() => response.end('event: b\n\n'), 5)
    })
    const response = await createHttpFetch()(`${url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'héllo' })
    })
    expect(seen).toMatchObject({
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-length': '17' },
      body: '{"text":"héllo"}'
    })
    expect(response.status).toBe(201)
    expect(response.statusText).toBe('Made')
    expect(response.headers.get('x-one')).toBe('a')
    expect(await response.text()).toBe('event: a\n\nevent: b\n\n')
  })

  it('reuses the connection for the next request', async () => {
    const server = await serve((_request, _body, response) => response.end('ok'))
    const fetchOverHttp = createHttpFetch()
    for (let i = 0; i < 3; i++) {
      const response = await fetchOverHttp(server.url, { method: 'POST', body: '{}' })
      expect(await response.text()).toBe('ok')
    }
    expect(server.connections()).toBe(1)
  })

  it('gives a body-less status a null body', async () => {
    const { url } = await serve((_request, _body, response) => {
      response.writeHead(204)
      response.end()
    })
    const response = await createHttpFetch()(url, { method: 'DELETE' })
    expect(response.status).toBe(204)
    expect(response.body).toBeNull()
  })

  it('rejects with an AbortError when aborted before the response', async () => {
    const { url } = await serve(() => {})
    const controller = new AbortController()
    const pending = createHttpFetch()(url, {
      method: 'POST',
      body: '{}',
      signal: controller.signal
    })
    setTimeout(() => controller.abort(), 20)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    const aborted = new AbortController()
    aborted.abort()
    await expect(createHttpFetch()(url, { signal: aborted.signal })).rejects.toMatchObject({
      name: 'AbortError'
    })
  })

  it('errors the body with an AbortError when aborted while it is read', async () => {
    const { url } = await serve((_request, _body, response) => {
      response.writeHead(200)
      response.write('first')
    })
    const controller = new AbortController()
    const response = await createHttpFetch()(url, { signal: controller.signal })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first')
    controller.abort()
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('errors the body when the connection breaks mid-response', async () => {
    const { url } = await serve((_request, _body, response) => {
      response.writeHead(200)
      response.write('partial', () => response.socket?.destroy())
    })
    const response = await createHttpFetch()(url)
    await expect(response.text()).rejects.toThrow()
  })

  it('rejects when the server cannot be reached', async () => {
    const { url } = await serve(() => {})
    for (const { server, sockets } of servers.splice(0)) {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    }
    await expect(createHttpFetch()(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('hands what it does not cover to the fallback', async () => {
    const calls: unknown[] = []
    const fallback = (input: string | URL | Request) => {
      calls.push(input)
      return Promise.resolve(new Response('from fallback'))
    }
    const fetchOverHttp = createHttpFetch(fallback)
    const stream = new ReadableStream<Uint8Array>()
    const response = await fetchOverHttp('http://127.0.0.1:1/', { method: 'POST', body: stream })
    expect(await response.text()).toBe('from fallback')
    await fetchOverHttp('data:text/plain,hi')
    expect(calls).toEqual(['http://127.0.0.1:1/', 'data:text/plain,hi'])
  })
})
