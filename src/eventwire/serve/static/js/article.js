// Article page: the clean text with every layer's spans marked (toggle per layer).

import { getJSON } from "./api.js";
import { clear, fmtDate, h, highlight, label } from "./dom.js";

const LAYERS = [
  ["evidence", "evidence sentences"], ["trigger", "event triggers"], ["ent", "entities"], ["place", "places"],
  ["time", "times"], ["quote", "quotes"], ["fig", "figures"],
];

function spansOf(rec, params) {
  const out = [];
  for (const e of rec.entities || []) out.push({ start: e.start, end: e.end, cls: "ent", title: `entity ${e.label}${e.canonical ? ` → ${e.canonical}` : ""}${e.kind ? ` (${e.kind})` : ""}` });
  for (const p of rec.places || []) out.push({ start: p.start, end: p.end, cls: "place", title: `place → ${[p.name, p.admin1, p.country_code].filter(Boolean).join(", ")}` });
  for (const t of rec.times || []) out.push({ start: t.start, end: t.end, cls: "time", title: `${t.type} ${t.value}` });
  for (const q of rec.quotes || []) out.push({ start: q.start, end: q.end, cls: "quote", title: `quote${q.speaker ? ` by ${q.speaker.canonical || q.speaker.text}` : ""}` });
  for (const f of rec.figures || []) if (f.span) out.push({ start: f.span.start, end: f.span.end, cls: "fig", title: `${f.kind}: ${f.value} (${f.qualifier})` });
  for (const ev of rec.events || []) {
    if (ev.trigger) out.push({ start: ev.trigger.start, end: ev.trigger.end, cls: "trigger", title: `${label(ev.type)} (${ev.mode})` });
    for (const [kind, f] of Object.entries(ev.figures || {})) {
      if (f && f.span) out.push({ start: f.span.start, end: f.span.end, cls: "fig", title: `${kind}: ${f.value} (${f.qualifier})` });
    }
  }
  for (const part of (params.get("hl") || "").split(",")) {
    const m = part.match(/^(\d+)-(\d+)$/);
    if (m) out.push({ start: +m[1], end: +m[2], cls: "evidence", title: "evidence" });
  }
  return out;
}

export async function renderArticle(root, id, params) {
  clear(root).appendChild(h("p", { class: "loading" }, "Loading…"));
  let rec;
  try {
    rec = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(root).appendChild(h("p", { class: "error" }, `Could not load article ${id}: ${e.message}`));
    return;
  }
  const art = rec.article || {};
  const body = h("div", { class: "article-text" });
  body.appendChild(highlight(art.text || "", spansOf(rec, params)));
  const toggles = h("div", { class: "legend" }, LAYERS.map(([cls, name]) =>
    h("label", { class: `key key-${cls}` }, h("input", { type: "checkbox", checked: true, onchange: (e) => body.classList.toggle(`hide-${cls}`, !e.target.checked) }), ` ${name}`)));
  clear(root).appendChild(h("article", { class: "article", dataset: { id: art.id } },
    h("a", { href: "#/", class: "back", onclick: (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, "← back"),
    h("h1", {}, art.title || art.id),
    h("p", { class: "muted" }, [art.source, fmtDate(art.published), art.language, art.id].filter(Boolean).join(" · ")),
    toggles, body,
    h("section", { class: "article-events" }, h("h2", {}, "Event mentions"),
      (rec.events || []).length ? h("ul", {}, rec.events.map((ev) => h("li", {}, h("strong", {}, label(ev.type)), ` (${ev.mode}${ev.primary ? ", primary" : ""}): “`, ev.trigger ? ev.trigger.text : "", "”",
        ev.location ? ` — ${ev.location.name || ""}` : "", ev.date ? ` — ${ev.date.value}` : ""))) : h("p", { class: "muted" }, "none"))));
  const first = body.querySelector("mark.evidence");
  if (first) first.scrollIntoView({ block: "center" });
}
