// The list of distributions: name, status, trigger, channels, and their messages' counts from each one's summary.
import { api } from '../api.js';
import { badge, fill, h, table } from '../ui.js';
import { describeTrigger } from './describe.js';

const STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'SCHEDULED', 'SENDING', 'DONE', 'STOPPED', 'ARCHIVED'];
// The summary's totals shown per distribution (the summary counts every message the distribution ever sent).
const COUNTS = ['SENT', 'DELIVERED', 'FAILED', 'SKIPPED'];

export function render(main, params, { failed }) {
  let stopped = false;
  const status = h('select', { id: 'status-filter', onchange: () => load() },
    h('option', { value: '' }, 'All'), STATUSES.map((s) => h('option', { value: s }, s.toLowerCase())));
  const list = h('div', { 'aria-live': 'polite' });
  const more = h('button', { type: 'button', hidden: true }, 'More distributions');
  let cursor = null;
  let rows = [];

  fill(main,
    h('div', { class: 'page-head' },
      h('h1', {}, 'Distributions'),
      h('a', { class: 'button', href: '#/new' }, 'New distribution')),
    h('div', { class: 'toolbar' }, h('label', { for: status.id }, 'Status'), status),
    list, more);

  more.addEventListener('click', () => load(cursor));

  async function load(from = null) {
    try {
      const page = await api.distributions({ status: status.value, cursor: from });
      if (stopped) return;
      const summaries = await Promise.all(page.data.map((d) => api.summary(d.id).catch(() => null)));
      if (stopped) return;
      const added = page.data.map((d, i) => row(d, summaries[i]));
      rows = from ? rows.concat(added) : added;
      cursor = page.next_cursor;
      more.hidden = !cursor;
      fill(list, rows.length === 0
        ? h('p', {}, 'No distributions yet. ', h('a', { href: '#/new' }, 'Create one.'))
        : table('Distributions, with their messages counted over all time',
          ['Name', 'Status', 'Trigger', 'Channels', ...COUNTS.map(label)], rows, { id: 'distributions' }));
    } catch (error) {
      if (!stopped) failed(error);
    }
  }

  load();
  return () => { stopped = true; };
}

const label = (status) => status.charAt(0) + status.slice(1).toLowerCase();

function row(d, summary) {
  const totals = summary?.totals ?? {};
  return [
    h('a', { href: `#/distributions/${encodeURIComponent(d.id)}` }, d.name),
    badge(d.status),
    describeTrigger(d.trigger),
    d.channels.map((c) => c.type).join(', '),
    ...COUNTS.map((s) => h('span', { class: 'count', dataset: { status: s } },
      summary ? String(totals[s] ?? 0) : '?')),
  ];
}
