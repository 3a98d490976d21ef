// DOM helpers. Untrusted text (article text, titles, names) only ever goes through
// textContent / createTextNode: nothing here parses a string as HTML.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Text with spans highlighted: `spans` are {start, end, cls, title} in the text's own
// offsets (base is subtracted first). The text is cut at every span boundary; each
// piece covered by at least one span becomes a <mark> whose classes name all of them,
// so overlapping spans need no nesting. Built from text nodes only.
export function highlight(text, spans, base = 0) {
  const frag = document.createDocumentFragment();
  const n = text.length;
  const clean = [];
  for (const sp of spans || []) {
    const a = Math.max(0, Math.min(n, (sp.start ?? 0) - base));
    const b = Math.max(0, Math.min(n, (sp.end ?? 0) - base));
    if (b > a) clean.push({ ...sp, a, b });
  }
  const cuts = new Set([0, n]);
  for (const sp of clean) { cuts.add(sp.a); cuts.add(sp.b); }
  const points = [...cuts].sort((x, y) => x - y);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = clean.filter((sp) => sp.a <= a && sp.b >= b);
    if (!covering.length) { frag.appendChild(document.createTextNode(piece)); continue; }
    const mark = document.createElement("mark");
    mark.className = [...new Set(covering.map((sp) => sp.cls || "hl"))].join(" ");
    const titles = covering.map((sp) => sp.title).filter(Boolean);
    if (titles.length) mark.title = titles.join("\n");
    mark.textContent = piece;
    frag.appendChild(mark);
  }
  return frag;
}

export function fmtDate(d) {
  if (!d) return "";
  if (typeof d === "string") return d.slice(0, 10);
  const v = d.value || "";
  return d.precision && d.precision !== "day" ? `${v} (${d.precision})` : v;
}

export function place(loc) {
  if (!loc) return "";
  const parts = [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null, loc.country_code];
  return parts.filter(Boolean).join(", ");
}

export function label(t) {
  return (t || "").replace(/_/g, " ");
}
