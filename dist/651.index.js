export const id = 651;
export const ids = [651];
export const modules = {

/***/ 78651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createAnthropicClient: () => (/* binding */ createAnthropicClient)
});

// UNUSED EXPORTS: ModelError, toParams

// EXTERNAL MODULE: ./node_modules/@anthropic-ai/sdk/client.mjs + 245 modules
var sdk_client = __webpack_require__(38483);
// EXTERNAL MODULE: ./node_modules/@anthropic-ai/sdk/core/error.mjs
var core_error = __webpack_require__(25064);
;// CONCATENATED MODULE: ./src/agent/retry.ts
/**
 * Backoff arithmetic and waiting for the model client's retries. Pure apart from `sleep`, so the
 * policy can be read (and tested) on its own.
 */
/**
 * Exponential backoff with full jitter: a uniform random delay in [0, min(max, base × 2^(n−1)))
 * after the n-th failed attempt. Full jitter spreads the retries of many clients hit by the same
 * overload, instead of having them all return at the same instant.
 */
function backoffDelay(failedAttempt, options, random = Math.random) {
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempt - 1));
    return Math.floor(random() * ceiling);
}
/**
 * The delay a server asked for, in ms: `retry-after-ms` (the API's own, fractional ms), else
 * `retry-after` in seconds or as an HTTP date. `undefined` when there is none or it is unreadable.
 */
function retryAfterMs(headers, now = Date.now()) {
    if (!headers)
        return undefined;
    const ms = headers.get('retry-after-ms');
    if (ms !== null && ms.trim() !== '') {
        const value = Number(ms);
        if (Number.isFinite(value) && value >= 0)
            return value;
    }
    const after = headers.get('retry-after');
    if (after === null || after.trim() === '')
        return undefined;
    const seconds = Number(after);
    if (Number.isFinite(seconds))
        return seconds >= 0 ? seconds * 1000 : undefined;
    const date = Date.parse(after);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** An error named `AbortError`, like the one `fetch` throws; `cause` is the signal's reason. */
function abortError(signal) {
    const error = new Error('the model request was aborted', { cause: signal?.reason });
    error.name = 'AbortError';
    return error;
}
/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortError(signal));
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortError(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/agent/http-fetch.ts
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


/** Statuses whose response has no body (a `Response` with a body and one of these throws). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
function createHttpFetch(fallback = (input, init) => fetch(input, init)) {
    return async (input, init = {}) => {
        const body = init.body ?? undefined;
        const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : null;
        if (url === null ||
            (url.protocol !== 'http:' && url.protocol !== 'https:') ||
            !(body === undefined || typeof body === 'string' || body instanceof Uint8Array)) {
            return fallback(input, init);
        }
        return send(url, init, body);
    };
}
function send(url, init, body) {
    const signal = init.signal ?? undefined;
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(http_fetch_abortError());
            return;
        }
        const headers = {};
        new Headers(init.headers).forEach((value, name) => {
            headers[name] = value;
        });
        if (body !== undefined) {
            headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
        }
        let bodyController;
        const done = () => signal?.removeEventListener('abort', onAbort);
        // An abort (the caller's, the SDK's timeout, the idle watchdog) ends the exchange at any
        // point: before the response (the promise rejects) or while its body is read (the body
        // errors). Either way the error is an AbortError, which the SDK treats as an abort.
        const onAbort = () => {
            const error = http_fetch_abortError();
            request.destroy(error);
            try {
                bodyController?.error(error);
            }
            catch {
                // The body was already closed or errored.
            }
            reject(error);
        };
        const request = (url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default())).request(url, { method: init.method ?? 'GET', headers }, response => {
            const status = response.statusCode ?? 0;
            const responseHeaders = new Headers();
            const raw = response.rawHeaders;
            for (let i = 0; i + 1 < raw.length; i += 2) {
                responseHeaders.append(raw[i], raw[i + 1]);
            }
            let stream = null;
            if (NULL_BODY_STATUSES.has(status) || init.method === 'HEAD') {
                response.resume();
                response.once('end', done);
            }
            else {
                stream = new ReadableStream({
                    start(controller) {
                        bodyController = controller;
                        response.on('data', (chunk) => {
                            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
                            if ((controller.desiredSize ?? 1) <= 0)
                                response.pause();
                        });
                        response.once('end', () => {
                            done();
                            controller.close();
                        });
                        // A connection that breaks mid-body (`aborted`, ECONNRESET) errors the body.
                        const fail = (error) => {
                            done();
                            try {
                                controller.error(error);
                            }
                            catch {
                                // Already closed, or errored by an abort.
                            }
                        };
                        response.once('error', fail);
                        response.once('close', () => {
                            if (!response.complete)
                                fail(new Error('the connection closed mid-response'));
                        });
                    },
                    pull() {
                        response.resume();
                    },
                    cancel() {
                        done();
                        response.destroy();
                    }
                }, { highWaterMark: 16 });
            }
            try {
                resolve(new Response(stream, {
                    status,
                    statusText: response.statusMessage ?? '',
                    headers: responseHeaders
                }));
            }
            catch (error) {
                // A status `Response` refuses (outside 200-599): a broken server, like a broken socket.
                done();
                response.destroy();
                reject(error instanceof Error ? error : new Error(String(error)));
            }
        });
        request.once('error', error => {
            done();
            reject(error);
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        request.end(body);
    });
}
function http_fetch_abortError() {
    return new DOMException('This operation was aborted', 'AbortError');
}

;// CONCATENATED MODULE: ./src/agent/anthropic-client.ts
/**
 * The one real `ModelClient`: the Anthropic Messages API through the official SDK, streamed.
 *
 * The SDK's own retries are off (`maxRetries: 0`) and this client retries itself, so that every
 * retry is logged and reported through `onRetry` (the loop records it in the session), and so that
 * the failures the SDK does not retry are covered too: an `event: error` frame after a 200
 * (`overloaded_error`, `api_error`), a connection dropped mid-stream, a body that ends before
 * `message_stop`, and a stream that stalls. The SDK's `timeout` only covers the wait for response
 * headers, so an idle watchdog aborts an attempt that receives no bytes for `idleTimeoutMs`.
 */



/** A model request failed for good: a non-retryable error, or retries ran out. One-line message. */
class ModelError extends Error {
    name = 'ModelError';
    status;
    type;
    retryable;
    attempts;
    constructor(message, details) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        if (details.status !== undefined)
            this.status = details.status;
        if (details.type !== undefined)
            this.type = details.type;
        this.retryable = details.retryable;
        this.attempts = details.attempts;
    }
}
const EPHEMERAL = { type: 'ephemeral' };
function createAnthropicClient(options) {
    const settings = {
        idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
        maxAttempts: Math.max(1, options.maxAttempts ?? 5),
        baseDelayMs: options.baseDelayMs ?? 1_000,
        maxDelayMs: options.maxDelayMs ?? 30_000
    };
    const log = options.log ?? (() => { });
    const client = new sdk_client/* Anthropic */.N({
        apiKey: options.apiKey,
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
        maxRetries: 0,
        fetch: options.fetch ?? createHttpFetch()
    });
    async function attempt(params, requestModel, signal) {
        const controller = new AbortController();
        const forwardAbort = () => controller.abort(signal?.reason);
        signal?.addEventListener('abort', forwardAbort, { once: true });
        let stalled = false;
        let responded = false;
        const timer = setTimeout(() => {
            stalled = true;
            controller.abort();
        }, settings.idleTimeoutMs);
        // Restarts the idle countdown; `refresh` is cheap enough to run on every chunk.
        const touch = () => {
            timer.refresh();
        };
        // Every chunk of the body counts as activity, pings included: the watchdog is for a dead
        // connection, not for a model that is slow to produce a token.
        const watchBody = async (request, next) => {
            const response = await next(request);
            responded = true;
            touch();
            if (!response.ok || !response.body)
                return response;
            return new Response(watched(response.body, touch), {
                status: response.status,
                statusText: response.statusText,
                headers: response.headers
            });
        };
        try {
            const stream = await client.messages.create(params, {
                signal: controller.signal,
                middleware: [watchBody]
            });
            const assembler = new Assembler(requestModel, log);
            for await (const event of stream) {
                assembler.add(event);
            }
            // The SDK ends the iteration quietly when its request is aborted.
            if (stalled)
                throw new StreamStalledError(settings.idleTimeoutMs);
            return assembler.finish();
        }
        catch (error) {
            if (stalled)
                throw new StreamStalledError(settings.idleTimeoutMs);
            // A connection-level failure once the response has begun is a stream cut short, not a
            // server that could not be reached: name it so. An `event: error` frame is an APIError
            // without a status and stays as it is.
            if (responded && isConnectionFailure(error))
                throw new StreamDroppedError(error);
            throw error;
        }
        finally {
            clearTimeout(timer);
            signal?.removeEventListener('abort', forwardAbort);
            controller.abort();
        }
    }
    return {
        async complete(request, completeOptions = {}) {
            const { signal, onRetry } = completeOptions;
            const params = toParams(request);
            for (let attemptNumber = 1;; attemptNumber++) {
                if (signal?.aborted)
                    throw abortError(signal);
                let failure;
                try {
                    return await attempt(params, request.model, signal);
                }
                catch (error) {
                    if (signal?.aborted)
                        throw abortError(signal);
                    failure = classify(error, request.model);
                }
                const details = {
                    status: failure.status,
                    type: failure.type,
                    retryable: failure.retryable,
                    attempts: attemptNumber,
                    cause: failure.cause
                };
                if (!failure.retryable)
                    throw new ModelError(failure.message, details);
                if (attemptNumber >= settings.maxAttempts) {
                    const times = attemptNumber === 1 ? 'attempt' : 'attempts';
                    throw new ModelError(`${failure.message} after ${attemptNumber} ${times}`, details);
                }
                const delay = failure.retryAfterMs !== undefined
                    ? Math.min(Math.ceil(failure.retryAfterMs), 2 * settings.maxDelayMs)
                    : backoffDelay(attemptNumber, settings);
                log(`model API: attempt ${attemptNumber}/${settings.maxAttempts} failed (${failure.reason}); retrying in ${delay} ms`);
                onRetry?.({ attempt: attemptNumber, delay_ms: delay, reason: failure.reason });
                await sleep(delay, signal);
            }
        }
    };
}
/**
 * `body` with `onChunk` called on each chunk as it is read. A pull-through stream rather than
 * `pipeThrough(new TransformStream())`: that is a pipe, two more streams and a promise chain per
 * chunk, which a request's few hundred chunks pay for in cold code on every turn.
 */
function watched(body, onChunk) {
    const reader = body.getReader();
    return new ReadableStream({
        async pull(controller) {
            const { done, value } = await reader.read();
            if (done) {
                controller.close();
                return;
            }
            onChunk();
            controller.enqueue(value);
        },
        cancel: reason => reader.cancel(reason)
    }, { highWaterMark: 0 });
}
// ---------------------------------------------------------------------------------------------
// The request: our shapes to the SDK's, with prompt-cache breakpoints.
/**
 * Copies the request into SDK params with three cache breakpoints (the API allows four): the
 * system prompt, the last tool definition (tools sit before the system prompt in the cached
 * prefix) and the last content block of the newest message, so each turn reads the previous
 * turn's prefix from the cache and writes its own. Nothing of the caller's request is mutated:
 * every object that gets a `cache_control` is a new one.
 */
function toParams(request) {
    const tools = request.tools.map((tool, index) => toTool(tool, index === request.tools.length - 1));
    const messages = request.messages.map((message, index) => toMessageParam(message, index === request.messages.length - 1));
    const params = {
        model: request.model,
        max_tokens: request.max_tokens,
        messages,
        stream: true
    };
    // An empty text block is rejected by the API, so an empty system prompt is left out.
    if (request.system !== '') {
        params.system = [{ type: 'text', text: request.system, cache_control: EPHEMERAL }];
    }
    if (tools.length > 0)
        params.tools = tools;
    return params;
}
function toTool(tool, last) {
    const converted = {
        name: tool.name,
        description: tool.description,
        input_schema: { ...tool.input_schema, type: 'object' }
    };
    if (last)
        converted.cache_control = EPHEMERAL;
    return converted;
}
function toMessageParam(message, newest) {
    // String content is always sent as one text block: the newest message needs a block to carry
    // the breakpoint, and a message must keep that shape once it is history, or the next request's
    // prefix differs from the one the cache holds (the task prompt would be written again).
    const blocks = typeof message.content === 'string'
        ? [{ type: 'text', text: message.content }]
        : message.content.map(block => ({ ...block }));
    if (newest) {
        // Thinking blocks cannot carry cache_control; the breakpoint goes on the last block that can.
        for (let i = blocks.length - 1; i >= 0; i--) {
            const block = blocks[i];
            if (block && block.type !== 'thinking' && block.type !== 'redacted_thinking') {
                blocks[i] = { ...block, cache_control: EPHEMERAL };
                break;
            }
        }
    }
    return { role: message.role, content: blocks };
}
/**
 * Builds the final message from stream events, as the SDK's own MessageStream does: usage starts
 * from `message_start` and each `message_delta` overrides the fields it carries (its counts are
 * cumulative, so they are not added).
 *
 * Content blocks other than text, tool_use and thinking (redacted_thinking, server tool calls and
 * results, …) are left out, with a log line: `AssistantBlock` cannot hold them, this client never
 * enables server tools, and thinking is not requested, so the API only sends them if a request
 * asked for features the agent does not use.
 */
class Assembler {
    log;
    model;
    blocks = new Map();
    stopReason = null;
    usage = {
        input_tokens: 0,
        output_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0
    };
    started = false;
    stopped = false;
    constructor(requestModel, log) {
        this.log = log;
        this.model = requestModel;
    }
    add(event) {
        switch (event.type) {
            case 'message_start': {
                this.started = true;
                this.model = event.message.model || this.model;
                const usage = event.message.usage;
                this.usage = {
                    input_tokens: usage.input_tokens,
                    output_tokens: usage.output_tokens,
                    cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
                    cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0
                };
                return;
            }
            case 'content_block_start': {
                const block = event.content_block;
                if (block.type === 'text')
                    this.blocks.set(event.index, { type: 'text', text: block.text });
                else if (block.type === 'tool_use')
                    this.blocks.set(event.index, {
                        type: 'tool_use',
                        id: block.id,
                        name: block.name,
                        json: ''
                    });
                else if (block.type === 'thinking')
                    this.blocks.set(event.index, {
                        type: 'thinking',
                        thinking: block.thinking,
                        signature: block.signature
                    });
                else {
                    this.log(`model API: skipped a ${block.type} content block the agent does not use`);
                    this.blocks.set(event.index, { type: 'skipped' });
                }
                return;
            }
            case 'content_block_delta': {
                const block = this.blocks.get(event.index);
                const delta = event.delta;
                if (!block)
                    throw new MalformedStreamError(`a delta for unknown block ${event.index}`);
                if (delta.type === 'text_delta' && block.type === 'text')
                    block.text += delta.text;
                else if (delta.type === 'input_json_delta' && block.type === 'tool_use')
                    block.json += delta.partial_json;
                else if (delta.type === 'thinking_delta' && block.type === 'thinking')
                    block.thinking += delta.thinking;
                else if (delta.type === 'signature_delta' && block.type === 'thinking')
                    block.signature += delta.signature;
                // citations_delta and deltas of skipped blocks carry nothing the agent keeps.
                return;
            }
            case 'content_block_stop':
                return;
            case 'message_delta': {
                if (event.delta.stop_reason)
                    this.stopReason = event.delta.stop_reason;
                const usage = event.usage;
                this.usage = {
                    input_tokens: usage.input_tokens ?? this.usage.input_tokens,
                    output_tokens: usage.output_tokens,
                    cache_read_input_tokens: usage.cache_read_input_tokens ?? this.usage.cache_read_input_tokens,
                    cache_creation_input_tokens: usage.cache_creation_input_tokens ?? this.usage.cache_creation_input_tokens
                };
                return;
            }
            case 'message_stop':
                this.stopped = true;
                return;
        }
    }
    finish() {
        if (!this.started || !this.stopped)
            throw new IncompleteStreamError();
        const content = [];
        for (const index of [...this.blocks.keys()].sort((a, b) => a - b)) {
            const block = this.blocks.get(index);
            if (!block || block.type === 'skipped')
                continue;
            if (block.type === 'tool_use') {
                let input;
                try {
                    input = block.json.trim() === '' ? {} : JSON.parse(block.json);
                }
                catch {
                    throw new MalformedStreamError(`the input of tool call ${block.id} is not valid JSON`);
                }
                content.push({ type: 'tool_use', id: block.id, name: block.name, input });
            }
            else {
                content.push({ ...block });
            }
        }
        if (!this.stopReason)
            throw new MalformedStreamError('no stop_reason before message_stop');
        return { model: this.model, content, stop_reason: this.stopReason, usage: this.usage };
    }
}
// ---------------------------------------------------------------------------------------------
// Failures: which are retried, and what the user reads.
class StreamStalledError extends Error {
    idleMs;
    constructor(idleMs) {
        super(`stream idle for ${idleMs} ms`);
        this.idleMs = idleMs;
    }
}
class IncompleteStreamError extends Error {
    constructor() {
        super('stream ended before message_stop');
    }
}
class MalformedStreamError extends Error {
}
class StreamDroppedError extends Error {
    constructor(cause) {
        super('connection dropped mid-stream', { cause });
    }
}
/** Whether an error thrown while reading a 200 response is the connection failing. */
function isConnectionFailure(error) {
    if (error instanceof StreamStalledError ||
        error instanceof IncompleteStreamError ||
        error instanceof MalformedStreamError) {
        return false;
    }
    if (error instanceof SyntaxError)
        return false;
    return error instanceof core_error/* APIConnectionError */.xX || !(error instanceof core_error/* APIError */.LG);
}
const RETRYABLE_STREAM_ERRORS = new Set(['overloaded_error', 'api_error', 'timeout_error']);
function classify(error, model) {
    if (error instanceof StreamStalledError) {
        return {
            retryable: true,
            reason: error.message,
            message: `model API stream stalled (nothing received for ${error.idleMs} ms)`,
            type: 'stream_stalled',
            cause: error
        };
    }
    if (error instanceof IncompleteStreamError) {
        return {
            retryable: true,
            reason: error.message,
            message: 'model API stream ended before message_stop',
            type: 'incomplete_stream',
            cause: error
        };
    }
    if (error instanceof MalformedStreamError) {
        return {
            retryable: true,
            reason: `malformed stream: ${error.message}`,
            message: `model API sent a malformed stream (${error.message})`,
            type: 'malformed_stream',
            cause: error
        };
    }
    if (error instanceof StreamDroppedError) {
        const why = describeCause(error.cause);
        return {
            retryable: true,
            reason: `connection dropped: ${why}`,
            message: `model API connection dropped mid-stream (${why})`,
            type: 'connection_error',
            cause: error.cause
        };
    }
    if (error instanceof core_error/* APIUserAbortError */.cH || isAbortLike(error)) {
        // Not the caller's signal (checked before): an abort from inside, treated as a dropped connection.
        return {
            retryable: true,
            reason: 'request aborted',
            message: 'model API request aborted',
            type: 'connection_error',
            cause: error
        };
    }
    if (error instanceof core_error/* APIConnectionTimeoutError */.qA) {
        return {
            retryable: true,
            reason: 'connection timeout',
            message: 'model API did not answer in time',
            type: 'connection_error',
            cause: error
        };
    }
    if (error instanceof core_error/* APIConnectionError */.xX) {
        const why = describeCause(error);
        return {
            retryable: true,
            reason: `connection error: ${why}`,
            message: `could not reach the model API (${why})`,
            type: 'connection_error',
            cause: error
        };
    }
    if (error instanceof core_error/* APIError */.LG)
        return classifyApiError(error, model);
    // Anything else (a frame that is not JSON, an error inside the SDK): sending the request again
    // is the best chance, and attempts are bounded.
    const why = describeCause(error);
    return {
        retryable: true,
        reason: `request failed: ${why}`,
        message: `model API request failed (${why})`,
        type: 'unknown_error',
        cause: error
    };
}
function classifyApiError(error, model) {
    const status = error.status;
    const type = error.type ?? undefined;
    const apiMessage = oneLine(error.apiMessage ?? '');
    const detail = apiMessage ? `: ${apiMessage}` : '';
    const base = { status, type, cause: error };
    // An `event: error` frame after a 200: no status, only the error type.
    if (status === undefined) {
        const kind = type ?? 'unknown error';
        if (RETRYABLE_STREAM_ERRORS.has(kind)) {
            const what = kind === 'overloaded_error' ? 'overloaded' : 'server error';
            return {
                ...base,
                retryable: true,
                reason: `${kind} in the response stream`,
                message: `model API ${what} (${kind} in the response stream)`
            };
        }
        return {
            ...base,
            retryable: false,
            reason: kind,
            message: `model API error in the response stream (${kind})${detail}`
        };
    }
    const label = type ? `HTTP ${status} ${type}` : `HTTP ${status}`;
    const shouldRetry = error.headers?.get('x-should-retry');
    const retryable = shouldRetry === 'true' ||
        (shouldRetry !== 'false' &&
            (status === 408 || status === 409 || status === 429 || status >= 500));
    if (retryable) {
        const what = status === 529 || type === 'overloaded_error'
            ? 'overloaded'
            : status === 429
                ? 'rate limit exceeded'
                : status >= 500
                    ? 'server error'
                    : 'error';
        const shown = status === 529 || status === 429 ? `HTTP ${status}` : label;
        const after = retryAfterMs(error.headers);
        return {
            ...base,
            retryable: true,
            reason: label,
            message: `model API ${what} (${shown})`,
            ...(after === undefined ? {} : { retryAfterMs: after })
        };
    }
    let message;
    if (status === 401) {
        message = 'the API key was rejected (HTTP 401): check ANTHROPIC_API_KEY';
    }
    else if (status === 403) {
        message = `the API key is not allowed to make this request (${label})${detail}`;
    }
    else if (status === 404 && (!apiMessage || /model/i.test(apiMessage))) {
        message = `the model "${model}" was not found (HTTP 404): check the model name (the "model" input of the action, or --model)`;
    }
    else if (status === 404) {
        message = `the model API endpoint was not found (${label})${detail}: check ANTHROPIC_BASE_URL`;
    }
    else if (status === 413) {
        message = `the request is too large for the model API (${label})${detail}`;
    }
    else if (status === 400) {
        message = `the model API rejected the request (${label})${detail}`;
    }
    else {
        message = `model API error (${label})${detail}`;
    }
    return { ...base, retryable: false, reason: label, message };
}
function isAbortLike(error) {
    return error instanceof Error && error.name === 'AbortError';
}
/**
 * The innermost cause's code or message: `ECONNREFUSED`, `UND_ERR_SOCKET`, `terminated`. Duck-typed:
 * errors from undici can come from another realm (under Jest), where `instanceof Error` fails.
 */
function describeCause(error) {
    let inner = error;
    const seen = new Set();
    while (isRecord(inner) && inner.cause !== undefined && inner.cause !== null && !seen.has(inner)) {
        seen.add(inner);
        inner = inner.cause;
    }
    if (isRecord(inner)) {
        const code = typeof inner.code === 'string' ? inner.code : undefined;
        const message = typeof inner.message === 'string' ? oneLine(inner.message) : '';
        if (message && code && !message.includes(code))
            return `${message} (${code})`;
        if (message || code)
            return message || (code ?? '');
        if (typeof inner.name === 'string')
            return inner.name;
    }
    return oneLine(String(inner));
}
function isRecord(value) {
    return typeof value === 'object' && value !== null;
}
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}


/***/ })

};
