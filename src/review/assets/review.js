// incident-extract review: marks a field's evidence (or an alternative's) in the text when it is chosen.
// Served from the package under a Content-Security-Policy of script-src 'self'; it never evaluates page data.
'use strict';

function clearMarks() {
  for (const el of document.querySelectorAll('.seg.marked')) el.classList.remove('marked');
  for (const el of document.querySelectorAll('.seg.shown-alt')) el.classList.remove('shown-alt');
  for (const el of document.querySelectorAll('[aria-pressed="true"]')) el.setAttribute('aria-pressed', 'false');
}

/** Marks every segment carrying `cls` (a class this page's server made from a field name) and scrolls to the first. */
function mark(cls, button, extra) {
  clearMarks();
  const segs = document.getElementsByClassName(cls);
  for (const el of segs) {
    el.classList.add('marked');
    if (extra) el.classList.add(extra);
  }
  if (button) button.setAttribute('aria-pressed', 'true');
  if (segs.length) segs[0].scrollIntoView({ block: 'center' });
}

document.addEventListener('click', (ev) => {
  const target = ev.target instanceof Element ? ev.target : null;
  const pick = target && target.closest('button.pick');
  if (pick) return mark('f-' + pick.dataset.field, pick);
  const alt = target && target.closest('button.alt');
  if (alt) return mark(alt.dataset.alt, alt, 'shown-alt');
  const seg = target && target.closest('.seg');
  if (seg) {
    // a click in the text opens the card of the first field whose evidence it is
    const field = [...seg.classList].find((c) => c.startsWith('f-'));
    const card = field && document.getElementById('field-' + field.slice(2));
    if (card) card.scrollIntoView({ block: 'nearest' });
  }
});
