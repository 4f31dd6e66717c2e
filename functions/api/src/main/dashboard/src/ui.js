// Small DOM helpers. Text always goes in as text nodes, never as HTML, so nothing the API holds can run as markup.

/** An element: h('a', {href: '#/'}, 'Home'). Attributes named on* take functions; null/false attributes are left out. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let ids = 0;
/** A unique id for label/aria links. */
export const uid = (prefix) => `${prefix}-${++ids}`;

/** A labelled control: a label and the input, select or textarea given, with a hint and a slot for its error. */
export function field(labelText, control, hint) {
  control.id ||= uid('f');
  const hintId = hint ? uid('hint') : null;
  const errorId = uid('err');
  control.dataset.errorId = errorId;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' },
    h('label', { for: control.id }, labelText),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }));
}

/** Shows an error next to its control (and tells assistive technology), or clears it with a null message. */
export function showFieldError(control, message) {
  const slot = document.getElementById(control.dataset.errorId);
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== slot.id);
  if (message) {
    slot.textContent = message;
    slot.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    described.push(slot.id);
  } else {
    slot.textContent = '';
    slot.hidden = true;
    control.removeAttribute('aria-invalid');
  }
  if (described.length) control.setAttribute('aria-describedby', described.join(' '));
  else control.removeAttribute('aria-describedby');
}

/**
 * A table with a caption, header cells and rows: each an array of cells (strings or nodes), or {cells, attributes}
 * for a row with attributes of its own.
 */
export function table(caption, headers, rows, attributes = {}) {
  return h('table', attributes,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, rows.map((row) => Array.isArray(row)
      ? h('tr', {}, row.map((cell) => h('td', {}, cell)))
      : h('tr', row.attributes, row.cells.map((cell) => h('td', {}, cell))))));
}

/** A fraction from 0 to 1 as a percentage with up to two decimals; a dash when there is none (null). */
export const percent = (fraction) => (fraction === null || fraction === undefined ? '–'
  : `${(Math.round(fraction * 10_000) / 100).toLocaleString()}%`);

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

/** Replaces a container's content. */
export function fill(container, ...children) {
  container.replaceChildren();
  append(container, children);
  return container;
}

/** A status word as a badge (its text is the status itself, so color is never the only cue). */
export const badge = (status) => h('span', { class: `badge badge-${String(status).toLowerCase()}` }, status);
