// Returns the visible text elements whose text colour has less than 4.5:1 contrast with the background behind
// them (WCAG 2 AA for normal text). Backgrounds are found by walking up to the first opaque one.
function parse(color) {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) { return null; }
  const p = m[1].split(',').map((v) => parseFloat(v));
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
}
function luminance(c) {
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}
function background(node) {
  for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c && c.a >= 1) { return c; }
  }
  return { r: 255, g: 255, b: 255, a: 1 };
}
const failures = [];
document.querySelectorAll('body *').forEach((node) => {
  const ownText = Array.from(node.childNodes).some((c) => c.nodeType === 3 && c.textContent.trim());
  if (!ownText || node.closest('[hidden], dialog:not([open])') || node.disabled || !node.getClientRects().length) { return; }
  const fg = parse(getComputedStyle(node).color);
  const bg = background(node);
  const l1 = luminance(fg);
  const l2 = luminance(bg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  if (ratio < 4.5) {
    failures.push(node.tagName + (node.id ? '#' + node.id : '') + ' "' + node.textContent.trim().substring(0, 20) + '" ' + ratio.toFixed(2));
  }
});
return failures;
