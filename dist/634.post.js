export const id = 634;
export const ids = [634];
export const modules = {

/***/ 79634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokit: () => (/* binding */ createOctokit),
  describeGitHubError: () => (/* binding */ describeGitHubError)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/github/octokit.ts
/**
 * The one place that builds an Octokit: `@actions/github`'s client (REST methods, pagination,
 * the runner's proxy settings) with the retry and throttling plugins. Nothing else in claw calls
 * `new Octokit` or `getOctokit`, so every GitHub request gets the same retries, rate-limit
 * handling and logging.
 *
 * Import this module lazily (`await import('./github/octokit.js')`) where GitHub is first needed:
 * it pulls in Octokit and its plugins, which the start of a run does not need.
 */




/** Rate-limited requests are retried this many times (the retry-after is always honoured). */
const RATE_LIMIT_RETRIES = 3;
function createOctokit(options) {
    const baseUrl = (options.baseUrl || process.env['GITHUB_API_URL'] || 'https://api.github.com')
        // Octokit joins paths to the base with a slash of its own.
        .replace(/\/+$/, '');
    const log = options.log;
    const maxWait = options.maxRateLimitWaitSeconds ?? 300;
    const onLimit = (kind) => (retryAfter, request, _, retryCount) => {
        const what = `${request.method} ${request.url}`;
        if (retryCount >= RATE_LIMIT_RETRIES || retryAfter > maxWait) {
            log(`GitHub ${kind} on ${what}; not retrying (retry ${retryCount + 1}, wait ${retryAfter} s)`);
            return false;
        }
        log(`GitHub ${kind} on ${what}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
        return true;
    };
    const throttle = {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        ...(options.paceWrites === false ? { write: unpaced(), notifications: unpaced() } : {})
    };
    return (0,github/* getOctokit */.Q)(options.token, {
        baseUrl,
        retry: {
            retries: options.retries ?? 3,
            retryAfterBaseValue: options.retryBaseDelayMs ?? 1000
        },
        throttle,
        log: {
            debug: () => { },
            info: () => { },
            warn: (message) => log(`GitHub API: ${message}`),
            error: (message) => log(`GitHub API: ${message}`)
        }
    }, dist_bundle/* retry */.L, throttling);
}
/**
 * A stand-in for a Bottleneck group that runs every job at once. The throttling plugin only calls
 * `group.key(id).schedule(options, job)`; its own groups space writes 1–3 s apart, which would
 * make every test that writes wait for seconds.
 */
function unpaced() {
    const limiter = {
        schedule: (_options, job, ...args) => Promise.resolve().then(() => job(...args))
    };
    return { key: () => limiter };
}
/**
 * Which permission of the workflow's `permissions:` block an operation needs (`issues.createComment`
 * → `issues: write`). GitHub answers 403 `Resource not accessible by integration` without naming it.
 */
const NEEDED_PERMISSION = {
    'issues.get': 'issues: read',
    'issues.listComments': 'issues: read (pull-requests: read for a pull request)',
    'issues.getComment': 'issues: read (pull-requests: read for a pull request)',
    'issues.createComment': 'issues: write (pull-requests: write to comment on a pull request)',
    'issues.updateComment': 'issues: write (pull-requests: write for a comment on a pull request)',
    'reactions.createForIssueComment': 'issues: write (pull-requests: write for a comment on a pull request)',
    'pulls.get': 'pull-requests: read',
    'pulls.list': 'pull-requests: read',
    'pulls.listFiles': 'pull-requests: read',
    'pulls.listReviews': 'pull-requests: read',
    'pulls.listReviewComments': 'pull-requests: read',
    'pulls.create': 'pull-requests: write',
    'pulls.update': 'pull-requests: write',
    'pulls.createReview': 'pull-requests: write',
    'pulls.createReplyForReviewComment': 'pull-requests: write',
    'checks.listForRef': 'checks: read',
    'repos.get': 'contents: read',
    'repos.getCollaboratorPermissionLevel': 'contents: read',
    'actions.listJobsForWorkflowRun': 'actions: read',
    'actions.downloadJobLogsForWorkflowRun': 'actions: read',
    'actions.listWorkflowRunArtifacts': 'actions: read',
    'actions.listArtifactsForRepo': 'actions: read'
};
function isRequestError(error) {
    return (typeof error === 'object' &&
        error !== null &&
        typeof error.status === 'number' &&
        typeof error.message === 'string');
}
/**
 * One line saying what went wrong with a GitHub request and what to do about it.
 *
 * @param operation the Octokit method, e.g. `pulls.create`
 */
function describeGitHubError(error, operation) {
    if (!isRequestError(error)) {
        return `GitHub ${operation} failed: ${oneLine((0,errors/* errorMessage */.g)(error))}`;
    }
    const { status } = error;
    const message = apiMessage(error);
    const where = error.request?.method && error.request.url
        ? ` (${error.request.method} ${pathOf(error.request.url)})`
        : '';
    const headers = error.response?.headers ?? {};
    if (status === 401) {
        return `GitHub rejected the token on ${operation} (401 ${message}): it is invalid or expired; check the github-token input`;
    }
    if ((status === 403 || status === 429) && /secondary rate limit/i.test(message)) {
        return `GitHub's secondary rate limit stopped ${operation} after retries; space out the runs or try again in a few minutes`;
    }
    if ((status === 403 || status === 429) &&
        (String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(message))) {
        const reset = Number(headers['x-ratelimit-reset']);
        const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
        return `GitHub's API rate limit for this token is used up${when}; ${operation} was not done`;
    }
    if (status === 403 && /not permitted to create or approve pull requests/i.test(message)) {
        return `the repository does not let GitHub Actions create or approve pull requests (${operation}); enable it in Settings → Actions → General → Workflow permissions`;
    }
    if (status === 403) {
        const needed = NEEDED_PERMISSION[operation];
        if (needed && /not accessible by integration|permission/i.test(message)) {
            return `the token lacks ${needed} for ${operation}; add it to the workflow's permissions`;
        }
        return `GitHub refused ${operation}${where}: 403 ${message}`;
    }
    if (status === 404) {
        if (operation === 'repos.get' ||
            /\/repos\/[^/]+\/[^/]+$/.test(pathOf(error.request?.url ?? ''))) {
            return `the repository was not found, or the token cannot see it (${operation}${where}); a token of another repository or an app not installed on it gets 404`;
        }
        return `GitHub found nothing for ${operation}${where}: it does not exist, or the token cannot see the repository`;
    }
    if (status === 422) {
        return `GitHub rejected ${operation} as invalid${where}: ${message}`;
    }
    return `GitHub ${operation} failed${where}: ${status} ${message}`;
}
/** The API's own message with its `errors` details, without Octokit's documentation suffix. */
function apiMessage(error) {
    const data = error.response?.data;
    if (typeof data === 'object' &&
        data !== null &&
        'message' in data &&
        typeof data.message === 'string') {
        const details = 'errors' in data && Array.isArray(data.errors)
            ? data.errors
                .map((entry) => typeof entry === 'object' &&
                entry !== null &&
                'message' in entry &&
                typeof entry.message === 'string'
                ? entry.message
                : JSON.stringify(entry))
                .join('; ')
            : '';
        return oneLine(details ? `${data.message}: ${details}` : data.message);
    }
    return oneLine(error.message);
}
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url;
    }
}
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ').trim();
}


/***/ })

};
