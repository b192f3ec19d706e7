/**
 * The `fetch` the model client hands to the Anthropic SDK: node:http(s) instead of the global
 * fetch (undici).
 *
 * Why: every turn of the agent is one request, and a run has tens of them, so the transport's
 * code stays cold (interpreted) for the whole run. undici's fetch sends the body and hands over
 * the response through several layers of WHATWG streams and a WebAssembly HTTP parser; node:http
 * parses in C++ and hands over Buffers. On the ten-turn benchmark (scripts/bench.mjs) this took
 * about 1 ms off each turn's harness time, a quarter of it.
 *
 * It covers what the SDK sends (a method, headers, a string or byte body, a signal) and falls
 * back to the global fetch for anything else. Keep-alive and proxy settings are those of Node's
 * global agents (keep-alive is on by default; `NODE_USE_ENV_PROXY` on Node 24), as with fetch.
 * No `accept-encoding` is sent, so the body arrives as it is (fetch would ask for gzip and
 * decompress: the streamed replies this client reads are not compressed either way).
 */
import http from 'node:http'
import https from 'node:https'

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** Statuses whose response has no body (a `Response` with a body and one of these throws). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

export function createHttpFetch(fallback: Fetch = (input, init) => fetch(input, init)): Fetch {
  return async (input, init = {}) => {
    const body = init.body ?? undefined
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : null
    if (
      url === null ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      !(body === undefined || typeof body === 'string' || body instanceof Uint8Array)
    ) {
      return fallback(input, init)
    }
    return send(url, init, body)
  }
}

function send(
  url: URL,
  init: RequestInit,
  body: string | Uint8Array | undefined
): Promise<Response> {
  const signal = init.signal ?? undefined
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError())
      return
    }
    const headers: Record<string, string> = {}
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value
    })
    if (body !== undefined) {
      headers['content-length'] = String(
        typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
      )
    }
    let bodyController: ReadableStreamDefaultController<Uint8Array> | undefined
    const done = (): void => signal?.removeEventListener('abort', onAbort)
    // An abort (the caller's, the SDK's timeout, the idle watchdog) ends the exchange at any
    // point: before the response (the promise rejects) or while its body is read (the body
    // errors). Either way the error is an AbortError, which the SDK treats as an abort.
    const onAbort = (): void => {
      const error = abortError()
      request.destroy(error)
      try {
        bodyController?.error(error)
      } catch {
        // The body was already closed or errored.
      }
      reject(error)
    }
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: init.method ?? 'GET', headers },
      response => {
        const status = response.statusCode ?? 0
        const responseHeaders = new Headers()
        const raw = response.rawHeaders
        for (let i = 0; i + 1 < raw.length; i += 2) {
          responseHeaders.append(raw[i] as string, raw[i + 1] as string)
        }
        let stream: ReadableStream<Uint8Array> | null = null
        if (NULL_BODY_STATUSES.has(status) || init.method === 'HEAD') {
          response.resume()
          response.once('end', done)
        } else {
          stream = new ReadableStream<Uint8Array>(
            {
              start(controller) {
                bodyController = controller
                response.on('data', (chunk: Buffer) => {
                  controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))
                  if ((controller.desiredSize ?? 1) <= 0) response.pause()
                })
                response.once('end', () => {
                  done()
                  controller.close()
                })
                // A connection that breaks mid-body (`aborted`, ECONNRESET) errors the body.
                const fail = (error: Error): void => {
                  done()
                  try {
                    controller.error(error)
                  } catch {
                    // Already closed, or errored by an abort.
                  }
                }
                response.once('error', fail)
                response.once('close', () => {
                  if (!response.complete) fail(new Error('the connection closed mid-response'))
                })
              },
              pull() {
                response.resume()
              },
              cancel() {
                done()
                response.destroy()
              }
            },
            { highWaterMark: 16 }
          )
        }
        try {
          resolve(
            new Response(stream, {
              status,
              statusText: response.statusMessage ?? '',
              headers: responseHeaders
            })
          )
        } catch (error) {
          // A status `Response` refuses (outside 200-599): a broken server, like a broken socket.
          done()
          response.destroy()
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      }
    )
    request.once('error', error => {
      done()
      reject(error)
    })
    signal?.addEventListener('abort', onAbort, { once: true })
    request.end(body)
  })
}

function abortError(): Error {
  return new DOMException('This operation was aborted', 'AbortError')
}
