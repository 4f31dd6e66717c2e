// A distribution's parts in words, for lists and headings.

/** "customer.custom_event (event: signed_up)". */
export function describeTrigger(trigger) {
  const filters = Object.entries(trigger.filters ?? {}).map(([name, value]) => `${name}: ${value}`);
  return filters.length ? `${trigger.type} (${filters.join(', ')})` : trigger.type;
}

/** "segment seg_1", "event_customer". */
export function describePart(part) {
  const ids = Object.entries(part).filter(([name]) => name !== 'type').map(([name, value]) => `${name} ${value}`);
  return ids.length ? `${part.type} (${ids.join(', ')})` : part.type;
}
