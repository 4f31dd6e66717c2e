// The builder's channels step: one row per channel kind of the catalogue, a checkbox that shows the kind's fields
// (templates and JSON objects in text areas, secrets in password fields), each labelled and hinted from the catalogue.
import { field, h, showFieldError, uid } from '../ui.js';

/** A kind's row: {kind, box, element, read(index)}; read gives {channel, bad} when chosen (bad: a field's bad JSON). */
export function channelRow(kind) {
  const box = h('input', { type: 'checkbox', value: kind.type, onchange: () => { details.hidden = !box.checked; } });
  box.id = uid('ch');
  const details = h('div', { class: 'channel-fields', hidden: true }, kind.fields.map((f) => control(kind, f)));
  const element = h('div', { class: 'channel' },
    h('div', { class: 'field check' }, box, h('label', { for: box.id }, kind.type)),
    h('p', { class: 'hint' }, kind.description), details);

  /** The channel as the API takes it, its controls named as the API names them at this index; null when not chosen. */
  const read = (index) => {
    const controls = [...details.querySelectorAll('[data-name]')];
    for (const c of controls) delete c.dataset.field;
    if (!box.checked) return null;
    const channel = { type: kind.type };
    let bad = null;
    for (const c of controls) {
      c.dataset.field = `channels[${index}].${c.dataset.name}`;
      const value = c.value.trim();
      if (!value) continue;
      if (c.dataset.type !== 'object' && c.dataset.type !== 'array') {
        channel[c.dataset.name] = value;
        continue;
      }
      try {
        channel[c.dataset.name] = JSON.parse(value);
      } catch {
        showFieldError(c, `This is not valid JSON (${c.dataset.type} expected).`);
        bad ??= c;
      }
    }
    return { channel, bad };
  };
  return { kind, box, element, read };
}

function control(kind, f) {
  const template = kind.templates.includes(f.name);
  const structured = f.type === 'object' || f.type === 'array';
  const attributes = { required: f.required, dataset: { name: f.name, type: f.type } };
  const input = structured || (template && f.name !== 'subject')
    ? h('textarea', { rows: structured ? 4 : 3, ...attributes })
    : h('input', { type: f.secret ? 'password' : 'text', autocomplete: 'off', ...attributes });
  const example = kind.example?.[f.name];
  const hint = [structured ? `JSON ${f.type}` : null, f.secret ? 'write-only; generated when left empty' : null,
    template ? 'a template' : null, f.required ? null : 'optional',
    example !== undefined ? `e.g. ${typeof example === 'string' ? example : JSON.stringify(example)}` : null]
    .filter(Boolean).join('; ');
  return field(`${kind.type}: ${f.name.replaceAll('_', ' ')}`, input, hint);
}
