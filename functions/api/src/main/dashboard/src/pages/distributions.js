// The list of distributions: name, status, trigger, channels, and the messages each one created in the last 24 hours
// by status, from its summary's hourly series (which is as of its last recount, shown beside the counts).
import { api } from '../api.js';
import { badge, fill, h, table, when } from '../ui.js';
import { describeTrigger } from './describe.js';

const STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'SCHEDULED', 'SENDING', 'DONE', 'STOPPED', 'ARCHIVED'];
// The statuses counted per distribution, from the summary's series: messages created in each hour, by status now.
const COUNTS = ['SENT', 'DELIVERED', 'FAILED', 'SKIPPED'];
const HOUR_MS = 3_600_000;

export function render(main, params, { failed }) {
  let stopped = false;
  const status = h('select', { id: 'status-filter', onchange: () => load() },
    h('option', { value: '' }, 'All'), STATUSES.map((s) => h('option', { value: s }, s.toLowerCase())));
  const list = h('div', { 'aria-live': 'polite' });
  const more = h('button', { type: 'button', hidden: true }, 'More distributions');
  let cursor = null;
  let rows = [];
  let since = null;   // the first hour counted: 24 hours before the first page was read, rounded down to the hour

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
      if (!from) since = new Date(Math.floor((Date.now() - 24 * HOUR_MS) / HOUR_MS) * HOUR_MS);
      const range = { from: since.toISOString(), granularity: 'hour' };
      const summaries = await Promise.all(page.data.map((d) => api.summary(d.id, range).catch(() => null)));
      if (stopped) return;
      const added = page.data.map((d, i) => row(d, summaries[i]));
      rows = from ? rows.concat(added) : added;
      cursor = page.next_cursor;
      more.hidden = !cursor;
      fill(list, rows.length === 0
        ? h('p', {}, 'No distributions yet. ', h('a', { href: '#/new' }, 'Create one.'))
        : table(`Distributions, with the messages each one created since ${when(since.toISOString())} (the last ` +
          '24 hours, from the start of the hour) by their status, as of the time each was last counted',
          ['Name', 'Status', 'Trigger', 'Channels', ...COUNTS.map(label), 'Counted'], rows, { id: 'distributions' }));
    } catch (error) {
      if (!stopped) failed(error);
    }
  }

  load();
  return () => { stopped = true; };
}

const label = (status) => status.charAt(0) + status.slice(1).toLowerCase();

function row(d, summary) {
  const totals = {};
  for (const point of summary?.series?.points ?? []) {
    for (const [status, n] of Object.entries(point.counts)) totals[status] = (totals[status] ?? 0) + n;
  }
  return [
    h('a', { href: `#/distributions/${encodeURIComponent(d.id)}` }, d.name),
    badge(d.status),
    describeTrigger(d.trigger),
    d.channels.map((c) => c.type).join(', '),
    ...COUNTS.map((s) => h('span', { class: 'count', dataset: { status: s } },
      summary ? String(totals[s] ?? 0) : '?')),
    summary?.reconciled_at ? when(summary.reconciled_at) : (summary ? 'not yet' : '?'),
  ];
}
