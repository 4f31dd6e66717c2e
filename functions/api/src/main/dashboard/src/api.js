// The one way the pages reach Herald's HTTP API: same origin, the key from this browser session, and every failure
// as an ApiError (the API's {code, message, field}) or an ApiDown (no answer, or one that is not the API's).

const KEY = 'herald.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY),
  set: (key) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export class ApiDown extends Error {}

const enc = encodeURIComponent;

function query(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return pairs.length ? '?' + pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&') : '';
}

// Paths are relative ("v1/..."), so the pages work wherever the API is mounted (a stage path included).
async function call(method, path, body, key = apiKey.get()) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${key ?? ''}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiDown('The Herald API does not answer.');
  }
  if (response.status === 204) return null;
  let json = null;
  try {
    json = await response.json();
  } catch {
    // not the API's JSON: a gateway's or a proxy's page
  }
  if (response.ok && json !== null) return json;
  if (json && typeof json.code === 'string') throw new ApiError(response.status, json.code, json.message, json.field);
  throw new ApiDown(`The Herald API answered ${response.status} without its usual body.`);
}

const get = (path) => call('GET', path);
const post = (path, body) => call('POST', path, body);

export const api = {
  /** Checks a key before it is kept: the account's settings need any valid key. */
  check: (key) => call('GET', 'v1/settings/account', undefined, key),
  account: () => get('v1/settings/account'),
  catalogue: () => get('v1/distributions/catalogue'),
  distributions: (params = {}) => get('v1/distributions' + query({ limit: 100, ...params })),
  distribution: (id) => get(`v1/distributions/${enc(id)}`),
  create: (draft) => post('v1/distributions', draft),
  activate: (id) => post(`v1/distributions/${enc(id)}/activate`),
  pause: (id) => post(`v1/distributions/${enc(id)}/pause`),
  preview: (id, customerId) => post(`v1/distributions/${enc(id)}/preview`, { customer_id: customerId }),
  /** range: {from, to, granularity} of the summary's series (hour or day); omitted: the API's default. */
  summary: (id, range = {}) => get(`v1/distributions/${enc(id)}/summary` + query(range)),
  /** filters: {status, channel, customer_id}. */
  messages: (id, cursor, filters = {}) => get(`v1/distributions/${enc(id)}/messages` + query({ ...filters, cursor })),
  retryMessage: (messageId) => post(`v1/messages/${enc(messageId)}/retry`),
  /** Retries the FAILED messages of one page of the distribution's messages; call again with next_cursor. */
  retryFailed: (id, cursor) => post(`v1/distributions/${enc(id)}/retry` + query({ cursor })),
  activity: (id, cursor) => get(`v1/distributions/${enc(id)}/activity` + query({ cursor })),
  deadLetters: (id, cursor) => get(`v1/distributions/${enc(id)}/dead-letters` + query({ cursor })),
  redrive: (deadLetterId) => post(`v1/dead-letters/${enc(deadLetterId)}/redrive`),
  redriveAll: (id) => post(`v1/distributions/${enc(id)}/dead-letters/redrive`),
  /** The account's messages per day, by channel and status (default the last 30 days). */
  stats: (range = {}) => get('v1/stats' + query(range)),
  segments: () => get('v1/segments?limit=100'),
  customer: (id) => get(`v1/customers/${enc(id)}`),
  customerBySourceId: (sourceId) => get('v1/customers' + query({ source_id: sourceId })),
};
