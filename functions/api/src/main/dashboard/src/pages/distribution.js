// One distribution: what it is, its lifecycle buttons, its messages counted by status (a chart of sent, delivered
// and failed per channel, and the breakdown by channel), its latest messages with their reasons, and its activity.
// Counts, messages and activity refresh by themselves every 10 seconds while the page is shown (a list that holds
// the keyboard focus is left as it is, so nobody loses their place); the Refresh button reloads everything.
import { api } from '../api.js';
import { barChart } from '../chart.js';
import { badge, fill, h, table, when } from '../ui.js';
import { describePart, describeTrigger } from './describe.js';

const REFRESH_MS = 10_000;
const STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'BOUNCED', 'COMPLAINED', 'FAILED', 'SKIPPED'];
const CHARTED = { sent: 'SENT', delivered: 'DELIVERED', failed: 'FAILED' };

export function render(main, [id], { failed }) {
  let stopped = false;
  const head = h('div');
  const totals = h('div', { class: 'tiles', id: 'totals', 'aria-live': 'polite' });
  const chart = barChart('Messages by channel: sent, delivered and failed', [], {});
  const channels = h('div', { id: 'channels' });
  const messages = h('div', { id: 'messages' });
  const activity = h('div', { id: 'activity' });
  const refresh = h('button', { type: 'button', onclick: () => load() }, 'Refresh');

  fill(main, head,
    h('section', { 'aria-labelledby': 'summary-title' },
      h('div', { class: 'page-head' }, h('h2', { id: 'summary-title' }, 'Messages'), refresh),
      totals, chart.element, channels),
    h('section', { 'aria-labelledby': 'messages-title' }, h('h2', { id: 'messages-title' }, 'Latest messages'),
      messages),
    h('section', { 'aria-labelledby': 'activity-title' }, h('h2', { id: 'activity-title' }, 'Activity'), activity));

  async function load() {
    try {
      const [d, summary, firstMessages, firstActivity] = await Promise.all([
        api.distribution(id), api.summary(id), api.messages(id), api.activity(id)]);
      if (stopped) return;
      showHead(d);
      showSummary(summary);
      showPaged(messages, firstMessages, (cursor) => api.messages(id, cursor), messageTable);
      showPaged(activity, firstActivity, (cursor) => api.activity(id, cursor), activityTable);
    } catch (error) {
      if (!stopped) failed(error);
    }
  }

  function showHead(d) {
    const manual = d.trigger.type === 'manual';
    const move = async (call) => {
      try {
        await call(d.id);
        load();
      } catch (error) {
        failed(error);
      }
    };
    fill(head,
      h('div', { class: 'page-head' },
        h('h1', {}, d.name, ' ', badge(d.status)),
        h('div', { class: 'actions' },
          !manual && ['DRAFT', 'PAUSED'].includes(d.status)
            ? h('button', { type: 'button', onclick: () => move(api.activate) }, 'Activate') : null,
          !manual && d.status === 'ACTIVE'
            ? h('button', { type: 'button', onclick: () => move(api.pause) }, 'Pause') : null)),
      d.description ? h('p', {}, d.description) : null,
      h('dl', { class: 'facts' },
        h('dt', {}, 'Trigger'), h('dd', {}, describeTrigger(d.trigger)),
        h('dt', {}, 'Audience'), h('dd', {}, describePart(d.audience)),
        h('dt', {}, 'Action'), h('dd', {}, describePart(d.action)),
        h('dt', {}, 'Channels'), h('dd', {}, d.channels.map((c) => c.type).join(', ')),
        h('dt', {}, 'Version'), h('dd', {}, `${d.version}, changed ${when(d.updated_at)}`)));
  }

  function showSummary(summary) {
    const all = summary.totals ?? {};
    fill(totals, STATUSES.filter((s) => s in all || Object.values(CHARTED).includes(s)).map((s) =>
      h('div', { class: 'tile', dataset: { status: s } },
        h('span', { class: 'tile-label' }, s.toLowerCase()), h('span', { class: 'tile-value' }, String(all[s] ?? 0)))));
    const byChannel = Object.entries(summary.channels ?? {});
    const labels = byChannel.map(([channel]) => channel);
    chart.update(labels, Object.fromEntries(Object.entries(CHARTED).map(([name, status]) =>
      [name, byChannel.map(([, counts]) => counts[status] ?? 0)])));
    fill(channels, byChannel.length === 0 ? h('p', {}, 'No messages yet.')
      : table('Messages by channel and status', ['Channel', ...STATUSES.map((s) => s.toLowerCase())],
        byChannel.map(([channel, counts]) => [channel, ...STATUSES.map((s) => String(counts[s] ?? 0))])));
  }

  function showPaged(container, page, next, render) {
    let rows = page.data;
    const more = h('button', { type: 'button', hidden: !page.next_cursor }, 'More');
    let cursor = page.next_cursor;
    more.addEventListener('click', async () => {
      try {
        const further = await next(cursor);
        rows = rows.concat(further.data);
        cursor = further.next_cursor;
        more.hidden = !cursor;
        container.firstChild.replaceWith(render(rows));
      } catch (error) {
        failed(error);
      }
    });
    fill(container, render(rows), more);
  }

  async function update() {
    try {
      const [summary, firstMessages, firstActivity] = await Promise.all([
        api.summary(id), api.messages(id), api.activity(id)]);
      if (stopped) return;
      showSummary(summary);
      const focused = (container) => container.contains(document.activeElement);
      if (!focused(messages)) showPaged(messages, firstMessages, (cursor) => api.messages(id, cursor), messageTable);
      if (!focused(activity)) showPaged(activity, firstActivity, (cursor) => api.activity(id, cursor), activityTable);
    } catch (error) {
      if (!stopped) failed(error);
    }
  }

  load();
  const timer = setInterval(() => document.visibilityState === 'visible' && update(), REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function messageTable(rows) {
  if (rows.length === 0) return h('p', {}, 'No messages yet.');
  return table('Messages, with the reason of each one that failed or was skipped',
    ['Status', 'Channel', 'Customer', 'Reason', 'Created', 'Updated'],
    rows.map((m) => [badge(m.status), m.channel, m.customer_id, m.reason ?? '', when(m.created_at),
      when(m.updated_at)]));
}

function activityTable(rows) {
  if (rows.length === 0) return h('p', {}, 'No activity yet.');
  return table('Activity, newest first', ['When', 'Who', 'What', 'Version'],
    rows.map((e) => [when(e.at), e.actor, e.action, String(e.version ?? '')]));
}
