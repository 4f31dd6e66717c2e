// The dashboard end to end in a real browser (Debian's chromium driven by playwright-core):
//   node test/dashboard.e2e.mjs <api url> <api key> <webhook receiver url> [screenshot folder]
// A wrong key is refused, then the builder creates a webhook distribution (an API field error shown next to its
// field first), previews it for a customer and activates it; an event fired through the API changes the counts and
// the chart over time (the caller recounts the stats every few seconds, as the stack's schedule does every 15
// minutes); a webhook that answers 410 makes a message FAIL, shown in Failed deliveries with its reason, and once
// the receiver takes it, Retry sends it again and it ends SENT; the list and the account page (with its chart per
// day) show them. Any console error, page error, failed request or error answer that the script did not ask for
// fails the run (exit code 1).
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const [url, key, hookUrl, shots] = process.argv.slice(2);
if (!url || !key || !hookUrl) {
  console.error('usage: node test/dashboard.e2e.mjs <api url> <api key> <webhook receiver url> [screenshot folder]');
  process.exit(2);
}
const base = url.replace(/\/$/, '');
const run = Math.random().toString(36).slice(2, 8);
const problems = [];
const expected = [];   // error answers the script causes on purpose: {status, path, seen, logged}

async function callApi(method, apiPath, body) {
  const response = await fetch(base + apiPath, {
    method, body: body && JSON.stringify(body),
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${apiPath}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Runs step() while exactly one answer of this status to this path is expected; it must come. */
async function expectingError(status, apiPath, step) {
  const entry = { status, path: apiPath, seen: false, logged: false };
  expected.push(entry);
  await step();
  if (!entry.seen) problems.push(`expected a ${status} from ${apiPath}, none came`);
  expected.splice(expected.indexOf(entry), 1);
}

async function waitFor(what, check, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

/** Clicks Refresh until check() holds (the page also refreshes by itself, every 10 s). */
async function refreshUntil(page, what, check) {
  await waitFor(what, async () => {
    if (await check()) return true;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForTimeout(300);
    return false;
  });
}

// A webhook receiver that refuses for good (410: FAILED at once, without the retries a 5xx gets) until told to take
// the messages (204).
let refusing = true;
const receiver = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(refusing ? 410 : 204);
    response.end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const refusingUrl = `http://127.0.0.1:${receiver.address().port}/hook`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let page;
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const known = expected.find((e) => !e.logged && text.includes(`status of ${e.status}`)
      && (message.location().url ?? '').includes(e.path));
    if (known) known.logged = true;
    else problems.push(`console ${message.type()}: ${text} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} ` +
    `${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const known = expected.find((e) => !e.seen && response.status() === e.status && response.url().includes(e.path));
    if (known) known.seen = true;
    else problems.push(`error answer: ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  const shot = async (name) => {
    if (!shots) return;
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `dashboard-${name}.png`), fullPage: true });
  };

  const customer = await callApi('POST', '/v1/customers', { source_id: `dash-${run}`, name: 'Ada Lovelace',
    email: `ada-${run}@example.com` });

  // The key: a wrong one is refused with a clear message; the right one opens the list.
  await page.goto(base + '/');
  const keyInput = page.getByLabel('API key');
  await keyInput.fill('not-the-key');
  await expectingError(401, '/v1/settings/account', async () => {
    await keyInput.press('Enter');
    await page.getByText('The API refused this key (401)').waitFor();
  });
  assert(await keyInput.getAttribute('aria-invalid') === 'true', 'the key field is marked invalid');
  await shot('key');
  await keyInput.fill(key);
  await keyInput.press('Enter');
  await page.getByRole('heading', { name: 'Distributions' }).waitFor();

  // The builder, step by step, only with what the catalogue offers.
  await page.getByRole('link', { name: 'New distribution' }).first().click();
  await page.getByRole('heading', { name: 'New distribution' }).waitFor();
  const name = `Dashboard welcome ${run}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Trigger', { exact: true }).selectOption('customer.custom_event');
  await page.getByLabel('event', { exact: true }).fill(`joined_${run}`);
  await shot('builder');
  await page.getByLabel('event', { exact: true }).press('Enter');
  await page.getByRole('radio', { name: 'event customer' }).check();
  const audiences = await page.getByRole('radio').allTextContents();
  assert(!(await page.getByRole('radio', { name: 'customer', exact: true }).count()),
    `a custom event offers no fixed customer audience (${audiences})`);
  await page.getByRole('button', { name: 'Next' }).click();
  const offered = await page.locator('input[name="action.type"]').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert(offered.includes('plain_message') && !offered.includes('gift_credits'),
    `the actions for a custom event come from the catalogue: ${offered}`);
  await page.getByRole('radio', { name: 'plain message' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('webhook', { exact: true }).check();
  const hookField = page.getByLabel('webhook: url');
  await hookField.fill('ftp://not-https.example');
  await expectingError(400, '/v1/distributions', async () => {
    await page.getByRole('button', { name: 'Create draft' }).click();
    await waitFor('the url error', async () => await hookField.getAttribute('aria-invalid') === 'true');
  });
  const error = await page.locator(`#${await hookField.getAttribute('data-error-id')}`).textContent();
  assert(error.includes('invalid_url') && error.includes('https'), `the API's error is next to the url: ${error}`);
  assert(await page.evaluate(() => document.activeElement?.dataset.field) === 'channels[0].url',
    'the field at fault has the focus');
  await hookField.fill(hookUrl);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.getByText(`Created ${name}`).waitFor();
  assert(await page.locator('.secret code').count() === 1, 'the generated webhook secret is shown once');
  await page.getByLabel(/^Customer/).fill(customer.source_id);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('#preview-result h3', { hasText: 'webhook' }).waitFor();
  await shot('preview');
  await page.getByRole('button', { name: 'Activate' }).click();
  await page.getByText(`${name} is active.`).waitFor();
  await page.getByRole('link', { name: 'Open its page' }).click();

  // The distribution's page: nothing yet, then an event through the API changes the counts and the chart.
  await page.getByRole('heading', { name }).waitFor();
  const sent = page.locator('#totals [data-status="SENT"] .tile-value');
  assert(await sent.textContent() === '0', 'no message sent yet');
  const canvas = page.locator('canvas');
  assert((await canvas.getAttribute('aria-label')).includes('No messages yet'), 'an empty chart says so');
  const emptyChart = await canvas.evaluate((c) => c.toDataURL());
  await callApi('POST', '/v1/events', { event: `joined_${run}`, customer: { source_id: customer.source_id },
    id: `dash-event-${run}` });
  await refreshUntil(page, 'the sent count to reach 1', async () => await sent.textContent() === '1');
  const webhookRow = page.locator('#channels tr', { hasText: 'webhook' });
  assert((await webhookRow.locator('td').nth(3).textContent()) === '1',
    `the breakdown by channel counts it as sent: ${await webhookRow.textContent()}`);
  assert(await page.locator('#rates [data-rate="delivery"] .tile-value').textContent() === '100%',
    'the delivery rate of one message that went out');
  // the chart over time is the last recount's: it changes once a recount has counted the message
  await refreshUntil(page, 'the chart to show the sent message', async () =>
    / 1 sent, 0 delivered, 0 failed$/.test(await canvas.getAttribute('aria-label')));
  assert(await canvas.evaluate((c) => c.toDataURL()) !== emptyChart, 'the chart was redrawn');
  assert((await page.locator('#reconciled').textContent()).startsWith('Counts and rates move with every message. ' +
    'Recounted'), 'the page says when it was recounted');
  // the message's own status is written apart from the counters: it may follow them a moment later
  await refreshUntil(page, 'the message listed as sent',
    async () => await page.locator('#messages td', { hasText: 'SENT' }).count());
  await page.locator('#activity td', { hasText: 'activated' }).waitFor();
  await page.locator('#activity tr', { hasText: 'triggered' }).filter({ hasText: 'event customer.custom_event' }).waitFor();
  assert(await page.locator('#failed > p').textContent() === 'No failed deliveries.', 'nothing failed');
  await shot('distribution');

  // A webhook that refuses: the message FAILs with its reason, then Retry sends it again once the receiver takes it.
  const failing = await callApi('POST', '/v1/distributions', { name: `Renewal hook ${run}`,
    trigger: { type: 'customer.custom_event', filters: { event: `renewed_${run}` } },
    audience: { type: 'event_customer' }, action: { type: 'plain_message' },
    channels: [{ type: 'webhook', url: refusingUrl }] });
  await callApi('POST', `/v1/distributions/${failing.id}/activate`);
  await callApi('POST', '/v1/events', { event: `renewed_${run}`, customer: { source_id: customer.source_id },
    id: `dash-renewal-${run}` });
  await page.goto(`${base}/#/distributions/${failing.id}`);
  await page.getByRole('heading', { name: failing.name }).waitFor();
  const failedRow = page.locator('#failed tr', { hasText: 'http_410' });
  await refreshUntil(page, 'the message in Failed deliveries', async () => await failedRow.count() === 1);
  const messageId = await failedRow.getAttribute('data-message');
  const failedCells = await failedRow.locator('td').allTextContents();
  assert(failedCells[0] === 'webhook' && failedCells[2] === 'http_410' && failedCells[3] === '1',
    `the failed message with its channel, reason and attempts: ${failedCells}`);
  await shot('failed');
  refusing = false;
  await failedRow.getByRole('button', { name: /^Retry the webhook message to / }).click();
  await page.locator('#failed [role="status"]', { hasText: 'Queued again' }).waitFor();
  const retried = page.locator(`#messages tr[data-message="${messageId}"]`);
  await refreshUntil(page, 'the retried message to end SENT', async () =>
    (await retried.count()) === 1 && (await retried.locator('td').first().textContent()) === 'SENT');
  const retriedCells = await retried.locator('td').allTextContents();
  assert(retriedCells[4] === '2', `the retry was a second attempt: ${retriedCells}`);
  await refreshUntil(page, 'Failed deliveries to empty', async () =>
    await page.locator('#failed > p').count() === 1);
  assert(await page.locator('#totals [data-status="SENT"] .tile-value').textContent() === '1', 'counted as sent');
  // Retry all failed walks every page of the messages; with none FAILED, it says so and queues nothing.
  await page.getByRole('button', { name: 'Retry all failed' }).click();
  await page.locator('#retry-result', { hasText: '0 failed messages queued again.' }).waitFor();
  assert(await page.evaluate(() => document.activeElement?.id) === 'retry-result', 'the answer gets the focus');

  // The list counts it; the account page shows the plan and today's usage.
  await page.getByRole('link', { name: 'Distributions' }).click();
  const row = page.locator('#distributions tr', { hasText: name });
  await row.waitFor();
  assert(await row.locator('[data-status="SENT"]').textContent() === '1', 'the list counts the sent message');
  assert((await row.textContent()).includes('ACTIVE'), 'the list shows the status');
  await shot('list');
  await page.getByRole('link', { name: 'Account' }).click();
  await page.locator('#plan').waitFor();
  await page.locator('#usage [data-period="today"]').waitFor();
  const daily = await page.locator('#daily canvas').getAttribute('aria-label');
  const sentToday = Number(daily.match(/: (\d+) sent/)?.[1] ?? 0);
  assert(sentToday >= 2, `the account's chart per day counts today's two sent messages: ${daily}`);
  await shot('account');
} catch (error) {
  problems.push(error.stack ?? String(error));
  if (page && shots) await page.screenshot({ path: path.join(shots, 'dashboard-failure.png'), fullPage: true });
} finally {
  await browser.close();
  receiver.close();
}

if (problems.length) {
  console.error(`dashboard end to end: ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
console.log('dashboard end to end: every step passed, no console error, no failed request');
