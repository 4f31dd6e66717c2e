// The dashboard's shell: asks for the API key once per browser session, routes #/... to one page module each, and
// turns the API's failures into one clear message (a refused key, an API that does not answer).
import './style.css';
import { api, apiKey, ApiDown, ApiError } from './api.js';
import { field, fill, h, showFieldError } from './ui.js';
import * as distributions from './pages/distributions.js';
import * as distribution from './pages/distribution.js';
import * as builder from './pages/builder.js';
import * as account from './pages/account.js';

const main = document.getElementById('main');
const notice = document.getElementById('notice');
const forget = document.getElementById('forget-key');

// Each route: a pattern over the hash, the page module, and its title.
const routes = [
  [/^#?\/?$/, distributions, 'Distributions'],
  [/^#\/distributions\/([^/]+)$/, distribution, 'Distribution'],
  [/^#\/new$/, builder, 'New distribution'],
  [/^#\/account$/, account, 'Account'],
];

let leave = null;   // the shown page's clean-up (timers), run before the next one

/** What a page calls when a request fails: a refused key asks for another, an API that does not answer says so. */
export function failed(error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    apiKey.clear();
    askForKey(error.status === 403
      ? 'This API key was revoked (403). Enter another key.'
      : 'The API refused this key (401): it is not a valid Herald API key. Enter the key again.');
    return;
  }
  const message = error instanceof ApiDown
    ? `${error.message} Check that Herald is running and reachable at ${location.origin}, then try again.`
    : error instanceof ApiError ? `${error.message} (${error.code})` : `Something went wrong: ${error.message}`;
  fill(notice, h('p', {}, message), h('button', { type: 'button', onclick: () => show() }, 'Try again'));
}

function askForKey(problem) {
  leave?.();
  leave = null;
  forget.hidden = true;
  fill(notice);
  document.title = 'Herald: API key';
  const input = h('input', { type: 'password', name: 'api-key', autocomplete: 'off', required: true,
    spellcheck: 'false' });
  const form = h('form', { class: 'key-form', onsubmit: (e) => submitKey(e, input) },
    h('h1', {}, 'Open the dashboard'),
    h('p', {}, 'Enter a Herald API key. It is kept in this browser tab only (sessionStorage) and sent to this ' +
      'API alone; closing the tab forgets it.'),
    field('API key', input, 'Locally: herald-local-key, or your HERALD_API_KEY.'),
    h('button', { type: 'submit' }, 'Open'));
  fill(main, form);
  if (problem) showFieldError(input, problem);
  input.focus();
}

async function submitKey(event, input) {
  event.preventDefault();
  const key = input.value.trim();
  if (!key) return showFieldError(input, 'Enter the API key.');
  try {
    await api.check(key);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      return showFieldError(input, error.status === 403 ? 'This key was revoked (403).'
        : 'The API refused this key (401): check it and try again.');
    }
    return showFieldError(input, error instanceof ApiDown ? `${error.message} Is Herald running?` : error.message);
  }
  apiKey.set(key);
  show();
}

function show() {
  leave?.();
  leave = null;
  fill(notice);
  if (!apiKey.get()) return askForKey();
  forget.hidden = false;
  for (const [pattern, page, title] of routes) {
    const match = location.hash.match(pattern);
    if (!match) continue;
    document.title = `Herald: ${title}`;
    for (const link of document.querySelectorAll('nav a')) {
      if (link.getAttribute('href') === (location.hash || '#/')) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    fill(main, h('p', {}, 'Loading…'));
    leave = page.render(main, match.slice(1).map(decodeURIComponent), { failed }) ?? null;
    return;
  }
  fill(main, h('h1', {}, 'Not found'), h('p', {}, 'No page here. ', h('a', { href: '#/' }, 'See the distributions.')));
}

forget.addEventListener('click', () => {
  apiKey.clear();
  askForKey();
});
window.addEventListener('hashchange', () => {
  show();
  main.focus();
});
show();
