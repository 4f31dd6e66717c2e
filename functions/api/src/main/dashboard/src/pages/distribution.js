// One distribution: what it is and its lifecycle buttons; its messages by status, its rates and when they were last
// recounted; a chart of sent, delivered and failed over time (the summary's series, over a chosen range); the
// breakdown by channel; its failed deliveries with their reasons and a Retry button each, and Retry all failed; its
// dead-lettered fan-out shards with Redrive; all its messages; and its activity log with each entry's details.
// Everything refreshes by itself every 10 seconds while the page is shown (a list that holds the keyboard focus is
// left as it is, so nobody loses their place); the Refresh button reloads everything.
import { api, ApiError } from '../api.js';
import { chart } from '../chart.js';
import { badge, field, fill, h, percent, table, when } from '../ui.js';
import { describePart, describeTrigger } from './describe.js';

const REFRESH_MS = 10_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'BOUNCED', 'COMPLAINED', 'FAILED', 'SKIPPED'];
const CHARTED = { sent: 'SENT', delivered: 'DELIVERED', failed: 'FAILED' };
const RATES = [['delivery', 'Delivery rate'], ['open', 'Open rate'], ['click', 'Click rate'],
  ['bounce', 'Bounce rate'], ['complaint', 'Complaint rate']];
// The chart's ranges: hours for the last day, days for longer ones.
const RANGES = {
  '24h': { label: 'Last 24 hours, per hour', granularity: 'hour', span: DAY_MS, unit: HOUR_MS },
  '7d': { label: 'Last 7 days, per day', granularity: 'day', span: 7 * DAY_MS, unit: DAY_MS },
  '30d': { label: 'Last 30 days, per day', granularity: 'day', span: 30 * DAY_MS, unit: DAY_MS },
};
// What the API's refusals of a retry or a redrive mean, in words.
const REFUSALS = {
  not_retryable: 'Not retried: this message is no longer FAILED (it was sent, is being sent, or was retried ' +
    'already). A sent message is never retried.',
  outcome_unknown: 'Not retried: its provider may have taken it (outcome unknown), so it is not sent again.',
  retry_unavailable: 'Not retried: it was stored before messages kept their send job, so it cannot be sent again.',
  already_redriven: 'Not redriven: it was redriven already.',
  not_redrivable: 'Not redriven: this dead letter cannot be put back on its queue from the API.',
  not_found: 'Not found: it is gone (kept 30 days for dead letters).',
};

export function render(main, [id], { failed }) {
  let stopped = false;
  const head = h('div');
  const totals = h('div', { class: 'tiles', id: 'totals', 'aria-live': 'polite' });
  const rates = h('div', { class: 'tiles', id: 'rates' });
  const reconciled = h('p', { id: 'reconciled', class: 'hint' });
  const range = h('select', { id: 'range', onchange: () => updateSummary() },
    Object.entries(RANGES).map(([key, r]) => h('option', { value: key }, r.label)));
  const overTime = chart('line', 'Messages created over time, by status now: sent, delivered and failed', [], {});
  const channels = h('div', { id: 'channels' });
  const failedList = h('div', { id: 'failed' });
  const retryAll = h('button', { type: 'button', onclick: () => retryAllFailed() }, 'Retry all failed');
  const retryResult = h('p', { id: 'retry-result', role: 'status', tabindex: '-1' });
  const reasons = h('div', { id: 'reasons' });
  const deadLetters = h('div', { id: 'dead-letters' });
  const redriveAll = h('button', { type: 'button', onclick: () => redriveEvery() }, 'Redrive all shards');
  const redriveResult = h('p', { id: 'redrive-result', role: 'status', tabindex: '-1' });
  const messages = h('div', { id: 'messages' });
  const activity = h('div', { id: 'activity' });
  const refresh = h('button', { type: 'button', onclick: () => load() }, 'Refresh');

  const section = (key, title, ...content) => h('section', { 'aria-labelledby': `${key}-title` },
    h('h2', { id: `${key}-title` }, title), content);
  fill(main, head,
    h('section', { 'aria-labelledby': 'summary-title' },
      h('div', { class: 'page-head' }, h('h2', { id: 'summary-title' }, 'Messages'), refresh),
      totals, rates, reconciled),
    section('over-time', 'Over time',
      h('div', { class: 'toolbar' }, field('Range', range)),
      overTime.element),
    section('channels', 'By channel', channels),
    section('failed', 'Failed deliveries',
      h('p', { class: 'hint' }, 'A retry sends the message again as a new attempt; a message that was sent is ' +
        'never retried.'),
      h('div', { class: 'toolbar' }, retryAll), retryResult, reasons, failedList),
    section('dead-letters', 'Dead-lettered fan-out shards',
      h('p', { class: 'hint' }, 'Parts of the audience the fan-out could not read after its retries. A redrive ' +
        'reads them again; nobody gets a message twice.'),
      h('div', { class: 'toolbar' }, redriveAll), redriveResult, deadLetters),
    section('messages', 'All messages', messages),
    section('activity', 'Activity', activity));

  // Each list: its container, how to read a page of it from a cursor (null: the first), and its table.
  const lists = [
    [failedList, (cursor) => api.messages(id, cursor, { status: 'FAILED' }), failedTable],
    [deadLetters, (cursor) => api.deadLetters(id, cursor), deadLetterTable],
    [messages, (cursor) => api.messages(id, cursor), messageTable],
    [activity, (cursor) => api.activity(id, cursor), activityTable],
  ];
  const firstPages = () => lists.map(async ([, next]) => readPast(await next(null), next));

  async function load() {
    try {
      const [d, summary, ...pages] = await Promise.all([api.distribution(id), summaryNow(), ...firstPages()]);
      if (stopped) return;
      showHead(d);
      showSummary(summary);
      lists.forEach(([container, next, render], i) => showPaged(container, pages[i], next, render));
    } catch (error) {
      if (!stopped) failed(error);
    }
  }

  /** Refreshes what may have changed; a list that holds the focus stays as it is. */
  async function update() {
    try {
      const [summary, ...pages] = await Promise.all([summaryNow(), ...firstPages()]);
      if (stopped) return;
      showSummary(summary);
      lists.forEach(([container, next, render], i) => {
        if (!container.contains(document.activeElement)) showPaged(container, pages[i], next, render);
      });
    } catch (error) {
      if (!stopped) failed(error);
    }
  }

  async function updateSummary() {
    try {
      const summary = await summaryNow();
      if (!stopped) showSummary(summary);
    } catch (error) {
      if (!stopped) failed(error);
    }
  }

  /** The summary with the chosen range's series: from its start (rounded down to an hour or a day) to now. */
  function summaryNow() {
    const r = RANGES[range.value];
    const from = new Date(Math.floor((Date.now() - r.span + r.unit) / r.unit) * r.unit);
    return api.summary(id, { from: from.toISOString(), granularity: r.granularity });
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
    fill(rates, RATES.map(([key, label]) => h('div', { class: 'tile', dataset: { rate: key } },
      h('span', { class: 'tile-label' }, label), h('span', { class: 'tile-value' }, percent(summary.rates?.[key])))),
    summary.codes_published === null || summary.codes_published === undefined ? null
      : h('div', { class: 'tile', dataset: { count: 'codes_published' } },
        h('span', { class: 'tile-label' }, 'Codes published'),
        h('span', { class: 'tile-value' }, String(summary.codes_published))));
    fill(reconciled, summary.reconciled_at
      ? `Counts and rates move with every message. Recounted from the messages table ${when(summary.reconciled_at)}` +
        ': the chart, the commonest reasons and the codes published are as of then.'
      : 'Counts and rates move with every message. Not recounted yet: the chart and the commonest reasons come ' +
        'with the first recount (when a manual send is done, and every 15 minutes while the counts move).');

    const series = summary.series ?? { points: [] };
    const hourly = series.granularity === 'hour';
    const labels = series.points.map((p) => (hourly
      ? new Date(p.at).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
      : new Date(p.at).toLocaleDateString([], { timeZone: 'UTC', month: 'short', day: 'numeric' })));
    overTime.update(labels, Object.fromEntries(Object.entries(CHARTED).map(([name, status]) =>
      [name, series.points.map((p) => p.counts[status] ?? 0)])));

    const byChannel = Object.entries(summary.channels ?? {});
    fill(channels, byChannel.length === 0 ? h('p', {}, 'No messages yet.')
      : table('Messages by channel and status', ['Channel', ...STATUSES.map((s) => s.toLowerCase())],
        byChannel.map(([channel, counts]) => [channel, ...STATUSES.map((s) => String(counts[s] ?? 0))])));
    const top = summary.top_reasons?.FAILED ?? [];
    fill(reasons, top.length === 0 ? null : table('The commonest reasons of failed messages, as of the last recount',
      ['Reason', 'Messages'], top.map((r) => [r.reason, String(r.count)])));
  }

  function showPaged(container, page, next, render) {
    let rows = page.data;
    const more = h('button', { type: 'button', hidden: !page.next_cursor }, 'More');
    let cursor = page.next_cursor;
    more.addEventListener('click', async () => {
      try {
        const further = await readPast(await next(cursor), next);
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

  /** Says what the API answered to a retry or a redrive; a refused key or an API that does not answer goes up. */
  function refusal(error) {
    if (!(error instanceof ApiError) || error.status === 401 || error.status === 403) {
      failed(error);
      return null;
    }
    return REFUSALS[error.code] ?? `${error.message} (${error.code})`;
  }

  async function retryOne(message, cell) {
    fill(cell, 'Retrying…');
    try {
      const queued = await api.retryMessage(message.id);
      fill(cell, h('span', { role: 'status', tabindex: '-1' },
        `Queued again (${queued.status.toLowerCase()}): it is sent as attempt ${(queued.attempts ?? 0) + 1}.`));
    } catch (error) {
      const text = refusal(error);
      fill(cell, text === null ? '' : h('span', { role: 'status', tabindex: '-1', class: 'field-error' }, text));
    }
    cell.firstChild?.focus?.();
  }

  async function retryAllFailed() {
    retryAll.disabled = true;
    let retried = 0;
    let skipped = 0;
    let cursor = null;
    try {
      do {
        const page = await api.retryFailed(id, cursor);
        retried += page.retried;
        skipped += page.skipped;
        cursor = page.next_cursor;
        fill(retryResult, `Retrying… ${retried} queued again so far.`);
      } while (cursor && !stopped);
      fill(retryResult, `${retried} failed message${retried === 1 ? '' : 's'} queued again` + (skipped
        ? `; ${skipped} not retried (outcome unknown, stored before retries, or taken by another retry).` : '.'));
    } catch (error) {
      const text = refusal(error);
      fill(retryResult, text === null ? '' : `Stopped after ${retried} queued again: ${text}`);
    } finally {
      retryAll.disabled = false;
    }
    retryResult.focus();
    if (!stopped) update();
  }

  async function redriveOne(deadLetter, cell) {
    fill(cell, 'Redriving…');
    try {
      const done = await api.redrive(deadLetter.id);
      fill(cell, h('span', { role: 'status', tabindex: '-1' }, `Redriven ${when(done.redriven_at)}.`));
    } catch (error) {
      const text = refusal(error);
      fill(cell, text === null ? '' : h('span', { role: 'status', tabindex: '-1', class: 'field-error' }, text));
    }
    cell.firstChild?.focus?.();
  }

  async function redriveEvery() {
    redriveAll.disabled = true;
    try {
      const done = await api.redriveAll(id);
      const n = done.data.length;
      fill(redriveResult, n === 0 ? 'Nothing to redrive: every shard was redriven already.'
        : `${n} shard${n === 1 ? '' : 's'} put back on the fan-out queue.`);
    } catch (error) {
      const text = refusal(error);
      fill(redriveResult, text ?? '');
    } finally {
      redriveAll.disabled = false;
    }
    redriveResult.focus();
    if (!stopped) update();
  }

  function failedTable(rows) {
    if (rows.length === 0) return h('p', {}, 'No failed deliveries.');
    return table('Failed messages, oldest first, with the reason of each and its attempts so far',
      ['Channel', 'Customer', 'Reason', 'Attempts', 'Failed', 'Retry'],
      rows.map((m) => {
        const cell = h('div', { class: 'row-action' });
        fill(cell, h('button', { type: 'button', 'aria-label': `Retry the ${m.channel} message to ${m.customer_id}`,
          onclick: () => retryOne(m, cell) }, 'Retry'));
        return { attributes: { 'data-message': m.id },
          cells: [m.channel, m.customer_id, m.reason ?? '', String(m.attempts ?? 0), when(m.updated_at), cell] };
      }));
  }

  function deadLetterTable(rows) {
    if (rows.length === 0) return h('p', {}, 'No dead-lettered shards.');
    return table('Dead letters, newest first', ['Dead-lettered', 'Queue', 'Segment', 'Shard', 'Event', 'Reason',
      'Redrive'], rows.map((dl) => {
      const cell = h('div', { class: 'row-action' });
      if (dl.redriven_at) fill(cell, `Redriven ${when(dl.redriven_at)}`);
      else if (!dl.redrivable) fill(cell, 'Not redrivable');
      else {
        fill(cell, h('button', { type: 'button', onclick: () => redriveOne(dl, cell),
          'aria-label': `Redrive shard ${dl.shard ?? ''} of segment ${dl.segment_id ?? ''}` }, 'Redrive'));
      }
      return { attributes: { 'data-dead-letter': dl.id }, cells: [when(dl.dead_lettered_at), dl.queue,
        dl.segment_id ?? '', dl.shard === null ? '' : String(dl.shard), dl.event_id ?? '', dl.reason ?? '', cell] };
    }));
  }

  load();
  const timer = setInterval(() => document.visibilityState === 'visible' && update(), REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/** Reads past empty pages of a filtered list (a page may hold no row while more follow), up to 20 pages. */
async function readPast(page, next) {
  let reads = 1;
  while (next && page.data.length === 0 && page.next_cursor && reads < 20) {
    page = await next(page.next_cursor);
    reads += 1;
  }
  return page;
}

function messageTable(rows) {
  if (rows.length === 0) return h('p', {}, 'No messages yet.');
  return table('Messages, oldest first, with the reason of each one that failed or was skipped',
    ['Status', 'Channel', 'Customer', 'Reason', 'Attempts', 'Created', 'Updated'],
    rows.map((m) => ({ attributes: { 'data-message': m.id }, cells: [badge(m.status), m.channel, m.customer_id,
      m.reason ?? '', String(m.attempts ?? 0), when(m.created_at), when(m.updated_at)] })));
}

function activityTable(rows) {
  if (rows.length === 0) return h('p', {}, 'No activity yet.');
  return table('Activity, newest first', ['When', 'Who', 'What', 'Details', 'Version'],
    rows.map((e) => [when(e.at), e.actor, e.action, describeDetails(e), String(e.version ?? '')]));
}

/** An activity entry's details in words: the fields an edit changed, the event, the segment, how many. */
export function describeDetails(entry) {
  const { changes, event_type: eventType, event_id: eventId, segment_id: segmentId, shards, count, ...rest } =
    entry.details ?? {};
  const parts = [];
  if (changes?.length) parts.push(`changed ${changes.join(', ')}`);
  if (eventType) parts.push(`event ${eventType}${eventId ? ` (first: ${eventId})` : ''}`);
  if (segmentId) parts.push(`segment ${segmentId}`);
  if (shards !== undefined) parts.push(`${shards} shard${Number(shards) === 1 ? '' : 's'}`);
  if (count !== undefined) {
    parts.push(entry.action === 'messages_failed' ? `${count} more failed messages`
      : `${count} time${Number(count) === 1 ? '' : 's'} this minute`);
  }
  for (const [key, value] of Object.entries(rest)) parts.push(`${key.replaceAll('_', ' ')}: ${value}`);
  return parts.join('; ');
}
