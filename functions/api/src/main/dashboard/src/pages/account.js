// The account: its plan, the channels' send rates, the messages sent today, this month and in all against the
// plan's limits, and a chart of the whole account's messages per day over the last 30 days (GET /v1/stats).
import { api } from '../api.js';
import { chart } from '../chart.js';
import { fill, h, table } from '../ui.js';

const PERIODS = [['today', 'Today'], ['this_month', 'This month'], ['total', 'In all']];
const CHARTED = { sent: 'SENT', delivered: 'DELIVERED', bounced: 'BOUNCED', failed: 'FAILED', skipped: 'SKIPPED' };

export function render(main, params, { failed }) {
  let stopped = false;
  (async () => {
    try {
      const [account, stats] = await Promise.all([api.account(), api.stats()]);
      if (!stopped) show(main, account, stats);
    } catch (error) {
      if (!stopped) failed(error);
    }
  })();
  return () => { stopped = true; };
}

function show(main, account, stats) {
  const usage = account.usage ?? {};
  const rates = Object.entries(account.send_rates ?? {});
  fill(main,
    h('h1', {}, 'Account'),
    h('dl', { class: 'facts' }, h('dt', {}, 'Plan'), h('dd', { id: 'plan' }, account.plan)),
    h('section', { 'aria-labelledby': 'usage-title' },
      h('h2', { id: 'usage-title' }, 'Usage'),
      h('div', { class: 'tiles', id: 'usage' }, PERIODS.filter(([key]) => usage[key]).map(([key, label]) =>
        tile(key, label, usage[key])))),
    h('section', { 'aria-labelledby': 'daily-title' },
      h('h2', { id: 'daily-title' }, 'Messages per day'),
      h('p', { class: 'hint' }, `All distributions, each day (UTC) from ${stats.from} to ${stats.to}: how many ` +
        'messages became sent, delivered, bounced, failed or skipped that day (a message sent, then delivered, ' +
        'counts on both).'),
      h('div', { id: 'daily' }, daily(stats).element)),
    h('section', { 'aria-labelledby': 'rates-title' },
      h('h2', { id: 'rates-title' }, 'Send rates'),
      rates.length === 0 ? h('p', {}, 'Each channel sends at its default rate.')
        : table('Messages per second, by channel', ['Channel', 'Per second'],
          rates.map(([channel, rate]) => [channel, String(rate)]))));
}

function tile(key, label, tally) {
  const limited = tally.limit !== null && tally.limit !== undefined;
  return h('div', { class: 'tile', dataset: { period: key } },
    h('span', { class: 'tile-label' }, label),
    h('span', { class: 'tile-value' }, String(tally.sent)),
    h('span', { class: 'tile-note' }, limited ? `of ${tally.limit} (${tally.left} left)` : 'no limit'),
    limited ? h('meter', { min: 0, max: tally.limit, value: tally.sent, 'aria-label': `${label}: ${tally.sent} of ${tally.limit} sent` }) : null);
}

function daily(stats) {
  const labels = stats.days.map((d) => new Date(`${d.date}T00:00:00Z`).toLocaleDateString([], { timeZone: 'UTC',
    month: 'short', day: 'numeric' }));
  return chart('bar', 'Messages per day, all distributions', labels, Object.fromEntries(Object.entries(CHARTED)
    .map(([name, status]) => [name, stats.days.map((d) => d.totals[status] ?? 0)])));
}
