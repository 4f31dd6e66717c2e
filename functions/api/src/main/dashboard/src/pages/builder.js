// The builder: a distribution step by step (trigger, audience, action, channels), offering only what the
// catalogue (GET /v1/distributions/catalogue) says fits, then created as a draft and previewed for a customer.
// The API's refusals ({code, message, field}) are shown next to the field they name, on its step.
import { api, ApiError } from '../api.js';
import { field, fill, h, showFieldError, uid } from '../ui.js';
import { channelRow } from './channels.js';

const STEPS = ['Trigger', 'Audience', 'Action', 'Channels', 'Preview'];

export function render(main, params, { failed }) {
  let stopped = false;
  (async () => {
    try {
      const [catalogue, segments] = await Promise.all([api.catalogue(), api.segments()]);
      if (!stopped) build(main, catalogue, segments.data ?? [], failed);
    } catch (error) {
      if (!stopped) failed(error);
    }
  })();
  return () => { stopped = true; };
}

function build(main, catalogue, segments, failed) {
  const triggers = new Map(catalogue.data.map((entry) => [entry.trigger, entry]));
  const kinds = catalogue.channels;
  let step = 0;
  let created = null;

  // Step 1: name and trigger, with the trigger's filters.
  const name = h('input', { type: 'text', required: true, maxlength: 200, dataset: { field: 'name' } });
  const description = h('input', { type: 'text', dataset: { field: 'description' } });
  const trigger = h('select', { required: true, dataset: { field: 'trigger.type' }, onchange: () => triggerChanged() },
    h('option', { value: '' }, 'Choose a trigger'),
    catalogue.data.map((entry) => h('option', { value: entry.trigger }, entry.trigger)));
  const filters = h('div');
  // Step 2: the audiences the trigger allows.
  const audiences = h('div');
  const audienceDetails = h('div');
  // Step 3: the actions that fit the trigger and the audience.
  const actions = h('div');
  const actionDetails = h('div');
  // Step 4: every channel kind, each with its fields when chosen.
  const channelRows = kinds.map((kind) => channelRow(kind));
  // Step 5: the preview.
  const previewArea = h('div');

  const steps = [
    h('fieldset', { class: 'step' }, h('legend', {}, '1. Trigger: when it starts'),
      field('Name', name), field('Description (optional)', description),
      field('Trigger', trigger, 'An event from the catalogue, or manual (sent once, by hand).'), filters),
    h('fieldset', { class: 'step' }, h('legend', {}, '2. Audience: who receives it'), audiences, audienceDetails),
    h('fieldset', { class: 'step' }, h('legend', {}, '3. Action: what they receive'), actions, actionDetails),
    h('fieldset', { class: 'step' }, h('legend', {}, '4. Channels: how it arrives'),
      h('p', { class: 'field-error', id: uid('err'), hidden: true, dataset: { field: 'channels' } }),
      channelRows.map((row) => row.element)),
    h('div', { class: 'step' }, h('h2', {}, '5. Preview'), previewArea),
  ];
  const formError = h('div', { class: 'form-error', role: 'alert' });
  const stepper = h('ol', { class: 'stepper' }, STEPS.map((label) => h('li', {}, label)));
  const back = h('button', { type: 'button', onclick: () => go(step - 1) }, 'Back');
  const next = h('button', { type: 'submit' }, 'Next');
  const form = h('form', { novalidate: true, onsubmit: (e) => { e.preventDefault(); forward(); } },
    steps, h('div', { class: 'form-buttons' }, back, next));

  fill(main, h('h1', {}, 'New distribution'), stepper, formError, form);
  triggerChanged();
  go(0);
  name.focus();

  function go(index) {
    step = Math.max(0, Math.min(index, STEPS.length - 1));
    steps.forEach((element, i) => { element.hidden = i !== step; });
    [...stepper.children].forEach((item, i) => {
      if (i === step) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    });
    back.hidden = step === 0 || created !== null;
    next.hidden = step === STEPS.length - 1;
    next.textContent = step === 3 ? 'Create draft' : 'Next';
  }

  async function forward() {
    fill(formError);
    if (!checkStep(steps[step])) return;
    if (step < 3) {
      go(step + 1);
      steps[step].querySelector('input, select, textarea')?.focus();
      return;
    }
    const draft = collect();
    if (!draft) return;
    try {
      created = await api.create(draft);
    } catch (error) {
      if (error instanceof ApiError && error.status < 500 && error.status !== 401 && error.status !== 403) {
        return showApiError(error);
      }
      return failed(error);
    }
    steps.slice(0, 4).forEach((fieldset) => { fieldset.disabled = true; });
    go(4);
    showPreviewStep();
  }

  /** The browser's own checks of the step's controls, shown like the API's; false when one fails. */
  function checkStep(container) {
    let first = null;
    for (const control of container.querySelectorAll('input, select, textarea')) {
      if (!control.dataset.errorId || control.closest('[hidden]')) continue;
      showFieldError(control, control.checkValidity() ? null : control.validationMessage);
      if (!first && !control.checkValidity()) first = control;
    }
    const none = container.querySelector('[data-field="channels"].field-error');
    if (none) {
      const chosen = channelRows.some((row) => row.box.checked);
      none.textContent = chosen ? '' : 'Choose at least one channel.';
      none.hidden = chosen;
      if (!chosen) first ??= channelRows[0].box;
    }
    first?.focus();
    return first === null;
  }

  function triggerChanged() {
    const entry = triggers.get(trigger.value);
    fill(filters, (entry?.filters ?? []).map((f) => {
      const path = `trigger.filters.${f.name}`;
      if (f.type === 'boolean') {
        const box = h('input', { type: 'checkbox', dataset: { field: path, filter: f.name } });
        box.id = uid('f');
        return h('div', { class: 'field check' }, box, h('label', { for: box.id }, f.name.replaceAll('_', ' ')));
      }
      return field(f.name.replaceAll('_', ' '), h('input', { type: 'text', required: f.required,
        dataset: { field: path, filter: f.name } }), f.required ? null : 'Optional.');
    }));
    fill(audiences, radios('Audience', 'audience.type', entry?.audiences ?? [], () => audienceChanged()));
    audienceChanged();
  }

  function audienceChanged() {
    const audience = chosen('audience.type');
    fill(audienceDetails,
      audience === 'segment' ? field('Segment', h('select', { required: true, dataset: { field: 'audience.segment_id' } },
        h('option', { value: '' }, segments.length ? 'Choose a segment' : 'No segments yet: create one with the API'),
        segments.map((s) => h('option', { value: s.id }, `${s.name} (${s.id})`)))) : null,
      audience === 'customer' ? field('Customer id', h('input', { type: 'text', required: true,
        dataset: { field: 'audience.customer_id' } }), "Herald's id of the customer (cust_...).") : null);
    const entry = triggers.get(trigger.value);
    const fitting = (entry?.actions ?? []).filter((a) => !audience || a.audiences.includes(audience));
    fill(actions, radios('Action', 'action.type', fitting.map((a) => a.type), () => actionChanged()));
    actionChanged();
  }

  function actionChanged() {
    const entry = triggers.get(trigger.value);
    const action = entry?.actions.find((a) => a.type === chosen('action.type'));
    fill(actionDetails,
      (action?.parameters ?? []).map((p) => field(p.replaceAll('_', ' '), h('input', { type: 'text', required: true,
        dataset: { field: `action.${p}`, parameter: p } }))),
      action ? h('p', { class: 'hint' }, `Templates may use: ${action.variables.join(', ')}.`) : null);
  }

  /** The draft from the form, with each control marked with the API's name for it; null when a JSON field is bad. */
  function collect() {
    const entry = triggers.get(trigger.value);
    const filterValues = {};
    for (const control of filters.querySelectorAll('[data-filter]')) {
      if (control.type === 'checkbox') {
        if (control.checked) filterValues[control.dataset.filter] = true;
      } else if (control.value.trim()) {
        filterValues[control.dataset.filter] = control.value.trim();
      }
    }
    const audience = { type: chosen('audience.type') };
    const target = audienceDetails.querySelector('[data-field]');
    if (target) audience[target.dataset.field.split('.')[1]] = target.value.trim();
    const action = { type: chosen('action.type') };
    for (const control of actionDetails.querySelectorAll('[data-parameter]')) {
      action[control.dataset.parameter] = control.value.trim();
    }
    const channels = [];
    let bad = null;
    for (const row of channelRows) {
      const read = row.read(channels.length);
      if (!read) continue;
      if (read.bad) bad ??= read.bad;
      channels.push(read.channel);
    }
    if (bad) {
      bad.focus();
      return null;
    }
    const draft = { name: name.value.trim(), trigger: { type: entry.trigger, filters: filterValues }, audience, action,
      channels };
    if (description.value.trim()) draft.description = description.value.trim();
    return draft;
  }

  /** Shows the API's refusal next to the field it names (on that field's step), or above the form. */
  function showApiError(error) {
    const controls = [...form.querySelectorAll('[data-field]')].filter((c) => c.dataset.errorId);
    const named = error.field ?? '';
    const control = controls.find((c) => c.dataset.field === named)
      ?? controls.find((c) => named && c.dataset.field.startsWith(`${named}.`))
      ?? controls.find((c) => named && named.startsWith(`${c.dataset.field}.`));
    if (!control) {
      fill(formError, h('p', {}, `${error.message} (${error.code}${named ? `, ${named}` : ''})`));
      return;
    }
    go(steps.findIndex((s) => s.contains(control)));
    showFieldError(control, `${error.message} (${error.code})`);
    control.focus();
  }

  function chosen(group) {
    return main.querySelector(`input[name="${group}"]:checked`)?.value ?? '';
  }

  function showPreviewStep() {
    const secrets = created.channels.filter((c) => c.secret);
    const customer = h('input', { type: 'text', required: true, dataset: { field: 'customer_id' } });
    const result = h('div', { id: 'preview-result', 'aria-live': 'polite' });
    const activate = created.trigger.type === 'manual' ? null
      : h('button', { type: 'button', onclick: () => activateIt() }, 'Activate');
    const status = h('p', { id: 'created-status' }, `Created ${created.name} (${created.id}) as a draft.`);
    fill(previewArea,
      status,
      secrets.length ? h('div', { class: 'secret' },
        h('p', {}, 'Webhook signing secret, shown only now: keep it where your receiver can read it.'),
        secrets.map((c) => h('code', {}, c.secret))) : null,
      h('form', { class: 'inline', novalidate: true, onsubmit: (e) => { e.preventDefault(); preview(); } },
        field('Customer (your source id, or Herald\'s cust_... id)', customer),
        h('button', { type: 'submit' }, 'Preview')),
      result,
      h('div', { class: 'form-buttons' }, activate,
        h('a', { class: 'button', href: `#/distributions/${encodeURIComponent(created.id)}` }, 'Open its page')));
    status.setAttribute('tabindex', '-1');
    status.focus();

    async function preview() {
      const given = customer.value.trim();
      showFieldError(customer, given ? null : 'Enter a customer.');
      if (!given) return customer.focus();
      try {
        const found = given.startsWith('cust_') ? await api.customer(given) : await api.customerBySourceId(given);
        const rendered = await api.preview(created.id, found.id);
        fill(result, Object.entries(rendered.channels).map(([channel, content]) => h('section', { class: 'rendered' },
          h('h3', {}, channel), h('pre', {}, typeof content === 'string' ? content : JSON.stringify(content, null, 2)))));
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400 || error.status === 422)) {
          showFieldError(customer, `${error.message} (${error.code})`);
          return customer.focus();
        }
        failed(error);
      }
    }

    async function activateIt() {
      try {
        created = await api.activate(created.id);
        const warnings = (created.warnings ?? []).map((w) => `${w.message} (${w.code})`);
        status.textContent = `${created.name} is ${created.status.toLowerCase()}.${warnings.length ? ' ' + warnings.join(' ') : ''}`;
        activate.remove();
        status.focus();
      } catch (error) {
        if (error instanceof ApiError && error.status < 500 && error.status !== 401 && error.status !== 403) {
          status.textContent = `Not activated: ${error.message} (${error.code})`;
          return status.focus();
        }
        failed(error);
      }
    }
  }
}

/** A group of radio buttons with a legend, named after the API's field; the first one is chosen. */
function radios(legend, name, values, onchange) {
  if (values.length === 0) return h('p', {}, `Choose a trigger first.`);
  return h('fieldset', { class: 'radios' }, h('legend', {}, legend),
    values.map((value, i) => {
      const input = h('input', { type: 'radio', name, value, checked: i === 0, onchange, dataset: { field: name } });
      input.id = uid('r');
      return h('div', { class: 'check' }, input, h('label', { for: input.id }, value.replaceAll('_', ' ')));
    }));
}
