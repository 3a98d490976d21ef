// Event page: figures with their report history, actors, contested claims side by
// side, and each source article's evidence sentences with the trigger marked.

import { getJSON } from "./api.js";
import { clear, fmtDate, h, highlight, label, place, s } from "./dom.js";

const CLAIM_ROLES = ["claimant", "accuser", "denier", "warner", "perpetrator", "arresting"];
const AGAINST_ROLES = ["accused", "target", "victim", "arrested"];

export async function renderEvent(root, id, params, go) {
  const rule = params.get("figure_rule") || "conservative";
  clear(root).appendChild(h("p", { class: "loading" }, "Loading…"));
  let ev;
  try {
    ev = await getJSON(`/api/events/${encodeURIComponent(id)}`, { figure_rule: rule });
  } catch (e) {
    clear(root).appendChild(h("p", { class: "error" }, `Could not load event ${id}: ${e.message}`));
    return;
  }
  clear(root);
  const back = h("a", { href: "#/", class: "back", onclick: (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, "← back to the list");
  const ruleSel = h("select", { name: "figure_rule", onchange: (e) => go(`/event/${encodeURIComponent(ev.id)}`, new URLSearchParams({ figure_rule: e.target.value })) },
    ...["conservative", "latest", "max"].map((r) => h("option", { value: r, selected: r === rule }, r)));
  const acled = ev.acled ? `ACLED: ${ev.acled.event_type} / ${ev.acled.sub_event_type}` : "no ACLED equivalent";
  root.appendChild(h("article", { class: "event", dataset: { id: ev.id } },
    back,
    h("h1", {}, label(ev.type), ev.subtype ? h("small", {}, ` · ${label(ev.subtype)}`) : null,
      " ", h("span", { class: `mode mode-${ev.mode}` }, ev.mode || "")),
    h("dl", { class: "meta" },
      h("dt", {}, "Date"), h("dd", {}, fmtDate(ev.date) || "unknown"),
      h("dt", {}, "Place"), h("dd", {}, place(ev.location) || "unknown",
        ev.location && ev.location.lat != null ? h("span", { class: "muted" }, ` (${ev.location.lat.toFixed(3)}, ${ev.location.lon.toFixed(3)}; ${ev.location.precision || "?"})`) : null),
      h("dt", {}, "Sources"), h("dd", {}, `${ev.sources ?? "?"} independent · ${(ev.articles || []).length} articles`),
      h("dt", {}, "Seen"), h("dd", {}, `${fmtDate(ev.first_seen)} → ${fmtDate(ev.last_seen)}`),
      h("dt", {}, "Taxonomy"), h("dd", {}, acled),
      h("dt", {}, "Confidence"), h("dd", {}, ev.confidence != null ? Number(ev.confidence).toFixed(2) : "?"),
      h("dt", {}, "Id"), h("dd", { class: "mono" }, ev.id)),
    h("section", { class: "figures" }, h("h2", {}, "Figures ", h("label", { class: "rule" }, "rule ", ruleSel)), figures(ev)),
    h("section", { class: "actors" }, h("h2", {}, "Actors"), actors(ev.actors || [])),
    contested(ev),
    h("section", { class: "sources" }, h("h2", {}, "Source articles and evidence"), sources(ev))));
}

function figures(ev) {
  const kinds = Object.entries(ev.figures || {});
  if (!kinds.length) return h("p", { class: "muted" }, "No casualty or arrest figures reported.");
  return h("div", { class: "figure-grid" }, kinds.map(([kind, f]) => {
    const reports = [...(f.reports || [])].sort((a, b) => String(a.published || "").localeCompare(String(b.published || "")));
    return h("div", { class: "figure", dataset: { kind } },
      h("h3", {}, `${label(kind)}: `, h("strong", { class: "value" }, f.value ?? "?"), h("span", { class: "muted" }, ` (${f.rule || "rule ?"}, ${reports.length} report${reports.length === 1 ? "" : "s"})`)),
      historyChart(reports, f.value),
      h("table", { class: "reports" }, h("thead", {}, h("tr", {}, h("th", {}, "Published"), h("th", {}, "Value"), h("th", {}, "Qualifier"), h("th", {}, "Said by"), h("th", {}, "Article"))),
        h("tbody", {}, reports.map((r) => h("tr", {}, h("td", {}, fmtDate(r.published)), h("td", { class: "num" }, r.value), h("td", {}, r.qualifier || ""),
          h("td", {}, speakerName(r.speaker)), h("td", {}, h("a", { href: `#/article/${encodeURIComponent(r.article)}${spanParam(r.span)}` }, r.article)))))));
  }));
}

function speakerName(sp) {
  if (!sp) return "";
  return typeof sp === "string" ? sp : sp.canonical || sp.text || "";
}

function spanParam(sp) {
  return sp && sp.start != null ? `?hl=${sp.start}-${sp.end}` : "";
}

// Each report is a dot at its publication order; a dashed line marks the value the rule chose.
function historyChart(reports, chosen) {
  const W = 320, H = 120, L = 34, R = 10, T = 10, B = 24;
  const svg = s("svg", { class: "history", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "figure reports over time" });
  if (!reports.length) return svg;
  const max = Math.max(1, ...reports.map((r) => r.value || 0), chosen || 0);
  const x = (i) => (reports.length === 1 ? (L + W - R) / 2 : L + (i / (reports.length - 1)) * (W - L - R));
  const y = (v) => H - B - (v / max) * (H - T - B);
  svg.appendChild(s("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis" }));
  svg.appendChild(s("text", { x: L - 4, y: y(max) + 4, "text-anchor": "end", class: "tick" }, String(max)));
  svg.appendChild(s("text", { x: L - 4, y: H - B + 4, "text-anchor": "end", class: "tick" }, "0"));
  if (chosen != null) svg.appendChild(s("line", { x1: L, x2: W - R, y1: y(chosen), y2: y(chosen), class: "chosen" }));
  let d = "";
  reports.forEach((r, i) => { d += `${i ? "L" : "M"}${x(i)},${y(r.value || 0)}`; });
  svg.appendChild(s("path", { d, class: "line" }));
  reports.forEach((r, i) => {
    svg.appendChild(s("circle", { cx: x(i), cy: y(r.value || 0), r: 4, class: `dot q-${r.qualifier || "exact"}` },
      s("title", {}, `${r.value} (${r.qualifier || "exact"}) — ${r.article}, ${fmtDate(r.published)}${r.speaker ? `, ${speakerName(r.speaker)}` : ""}`)));
    svg.appendChild(s("text", { x: x(i), y: H - 8, "text-anchor": "middle", class: "tick" }, fmtDate(r.published).slice(5) || String(i + 1)));
  });
  return svg;
}

function actors(list) {
  if (!list.length) return h("p", { class: "muted" }, "No actors identified.");
  return h("table", { class: "actor-table" }, h("thead", {}, h("tr", {}, h("th", {}, "Actor"), h("th", {}, "Role"), h("th", {}, "Named as"), h("th", {}, "Articles"))),
    h("tbody", {}, list.map((a) => h("tr", {}, h("td", {}, a.canonical || a.name), h("td", {}, h("span", { class: `role role-${a.role}` }, a.role || "")),
      h("td", {}, a.name), h("td", { class: "num" }, Array.isArray(a.articles) ? a.articles.length : a.articles ?? "")))));
}

function bucket(r) {
  const t = r.type || "", m = r.mode || "";
  if (t === "claim_responsibility" || m === "claimed") return "claims";
  if (t === "accusation" || m === "alleged") return "accusations";
  if (t === "denial" || m === "denied") return "denials";
  return "other";
}

function contested(ev) {
  const items = [...(ev.related_detail || [])];
  if (["claim_responsibility", "accusation", "denial"].includes(ev.type)) items.unshift({ ...ev, relation: "this event", self: true, evidence: [] });
  if (!items.length) return null;
  const cols = { claims: [], accusations: [], denials: [], other: [] };
  for (const r of items) cols[bucket(r)].push(r);
  const titles = { claims: "Who claims", accusations: "Who accuses", denials: "Who denies", other: "Other related events" };
  return h("section", { class: "contested" }, h("h2", {}, "Claims, accusations and denials"),
    h("p", { class: "muted" }, "Contested attributions are kept as claims, side by side; none of them is merged into the facts above."),
    h("div", { class: "columns" }, Object.entries(cols).filter(([k, v]) => v.length || k !== "other").map(([k, list]) =>
      h("div", { class: `column col-${k}` }, h("h3", {}, titles[k]),
        list.length ? list.map(claimCard) : h("p", { class: "muted" }, "none reported")))));
}

function claimCard(r) {
  const who = (r.actors || []).filter((a) => CLAIM_ROLES.includes(a.role));
  const against = (r.actors || []).filter((a) => AGAINST_ROLES.includes(a.role));
  const name = (a) => `${a.canonical || a.name} (${a.role})`;
  return h("div", { class: "claim", dataset: { id: r.id || "" } },
    h("p", { class: "claim-head" }, r.self ? h("strong", {}, label(r.type)) : h("a", { href: `#/event/${encodeURIComponent(r.id)}` }, label(r.type)),
      r.relation && r.relation !== r.type ? ` · ${label(r.relation)}` : "", " ",
      r.mode ? h("span", { class: `mode mode-${r.mode}` }, r.mode) : null,
      r.date && r.date.value ? h("span", { class: "muted" }, ` ${fmtDate(r.date)}`) : null),
    h("p", {}, h("span", { class: "muted" }, "by "), who.length ? who.map(name).join("; ") : "unnamed"),
    against.length ? h("p", {}, h("span", { class: "muted" }, "about "), against.map(name).join("; ")) : null,
    (r.evidence || []).slice(0, 2).map(evidenceQuote),
    r.missing ? h("p", { class: "muted" }, "(event no longer stored)") : null);
}

function evidenceQuote(e) {
  const sent = e.sentence;
  if (!sent || typeof sent.text !== "string") return e.trigger && e.trigger.text ? h("blockquote", { class: "evidence" }, h("mark", { class: "trigger" }, e.trigger.text)) : null;
  const spans = e.trigger && e.trigger.start != null ? [{ start: e.trigger.start, end: e.trigger.end, cls: "trigger", title: `${label(e.type)} (${e.mode || "?"})` }] : [];
  return h("blockquote", { class: "evidence" }, highlight(sent.text, spans, sent.start || 0));
}

function sources(ev) {
  const list = ev.sources_detail || [];
  if (!list.length) return h("p", { class: "muted" }, "No source articles.");
  return list.map((a) => {
    const hl = (a.evidence || []).filter((e) => e.sentence && e.sentence.start != null).map((e) => `${e.sentence.start}-${e.sentence.end}`).join(",");
    return h("div", { class: "source", dataset: { article: a.id } },
      h("h3", {}, h("a", { href: `#/article/${encodeURIComponent(a.id)}${hl ? `?hl=${hl}` : ""}` }, a.title || a.id),
        a.primary ? h("span", { class: "badge" }, "main event of this article") : null),
      h("p", { class: "muted" }, [a.source, fmtDate(a.published), a.id].filter(Boolean).join(" · "),
        a.url && /^https?:\/\//i.test(a.url) ? [" · ", h("a", { href: a.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null),
      (a.evidence || []).length ? a.evidence.map(evidenceQuote) : h("p", { class: "muted" }, "no evidence sentence recorded"));
  });
}
