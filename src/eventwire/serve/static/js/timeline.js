// Timeline histogram as SVG: bars per day (or week/month for long spans); drag to
// brush a date range, click to clear it.

import { clear, s } from "./dom.js";

const DAY = 86400000;
const M = { l: 34, r: 10, t: 10, b: 22 };

const toMs = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const toDay = (ms) => new Date(ms).toISOString().slice(0, 10);

export class Timeline {
  constructor(svg, { onBrush } = {}) {
    this.svg = svg;
    this.onBrush = onBrush || (() => {});
    this.days = [];
    this.range = null; // [from, to] ISO days
    this.drag = null;
    svg.addEventListener("pointerdown", (e) => this._down(e));
    svg.addEventListener("pointermove", (e) => this._move(e));
    svg.addEventListener("pointerup", (e) => this._up(e));
    new ResizeObserver(() => this.draw()).observe(svg);
  }

  setPoints(points) { this.days = points.map((p) => p[3]).filter(Boolean); this.draw(); }
  setRange(from, to) { this.range = from || to ? [from || null, to || null] : null; this.draw(); }

  _x(ms) { return M.l + ((ms - this.t0) / (this.t1 - this.t0)) * (this.w - M.l - M.r); }
  _ms(x) { return this.t0 + ((x - M.l) / (this.w - M.l - M.r)) * (this.t1 - this.t0); }
  _px(e) { const r = this.svg.getBoundingClientRect(); return Math.min(Math.max(e.clientX - r.left, M.l), this.w - M.r); }

  _down(e) { if (!this.t0) return; this.svg.setPointerCapture(e.pointerId); const x = this._px(e); this.drag = { x0: x, x1: x }; }
  _move(e) { if (!this.drag) return; this.drag.x1 = this._px(e); this.draw(); }
  _up() {
    const d = this.drag; this.drag = null;
    if (!d) return;
    if (Math.abs(d.x1 - d.x0) < 4) { this.range = null; this.draw(); this.onBrush(null); return; }
    const a = toDay(this._ms(Math.min(d.x0, d.x1))), b = toDay(this._ms(Math.max(d.x0, d.x1)));
    this.range = [a, b]; this.draw(); this.onBrush([a, b]);
  }

  draw() {
    const svg = clear(this.svg);
    const r = svg.getBoundingClientRect();
    this.w = Math.max(200, r.width); const h = Math.max(60, r.height);
    svg.setAttribute("viewBox", `0 0 ${this.w} ${h}`);
    if (!this.days.length) {
      this.t0 = null;
      svg.appendChild(s("text", { x: this.w / 2, y: h / 2, "text-anchor": "middle", class: "empty" }, "no dated events"));
      svg.dataset.bins = "0";
      return;
    }
    const ms = this.days.map(toMs).filter((v) => !Number.isNaN(v));
    let lo = Math.min(...ms), hi = Math.max(...ms);
    const span = (hi - lo) / DAY;
    const unit = span > 1100 ? "month" : span > 150 ? "week" : "day";
    const bin = (v) => {
      const d = new Date(v);
      if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      if (unit === "week") return v - ((d.getUTCDay() + 6) % 7) * DAY;
      return v;
    };
    const next = (v) => { const d = new Date(v); return unit === "month" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : v + (unit === "week" ? 7 : 1) * DAY; };
    const counts = new Map();
    for (const v of ms) { const b = bin(v); counts.set(b, (counts.get(b) || 0) + 1); }
    lo = bin(lo) - DAY; hi = next(bin(hi)) + DAY;
    this.t0 = lo; this.t1 = hi;
    const max = Math.max(...counts.values());
    const base = h - M.b, top = M.t;
    svg.appendChild(s("line", { x1: M.l, x2: this.w - M.r, y1: base, y2: base, class: "axis" }));
    svg.appendChild(s("text", { x: M.l - 4, y: top + 8, "text-anchor": "end", class: "tick" }, String(max)));
    for (const [b, n] of [...counts.entries()].sort((a, c) => a[0] - c[0])) {
      const x0 = this._x(b), x1 = this._x(next(b));
      const y = base - (n / max) * (base - top);
      const inRange = !this.range || ((!this.range[0] || toDay(next(b) - DAY) >= this.range[0]) && (!this.range[1] || toDay(b) <= this.range[1]));
      svg.appendChild(s("rect", { x: x0 + 0.5, y, width: Math.max(1, x1 - x0 - 1), height: base - y, class: inRange ? "bar" : "bar out" },
        s("title", {}, `${toDay(b)} (${unit}): ${n}`)));
    }
    const ticks = Math.max(2, Math.min(5, Math.floor(this.w / 110)));
    for (let i = 0; i <= ticks; i++) {
      const t = lo + ((hi - lo) * i) / ticks;
      svg.appendChild(s("text", { x: this._x(t), y: h - 6, "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle", class: "tick" }, toDay(t)));
    }
    let sel = null;
    if (this.drag) sel = [Math.min(this.drag.x0, this.drag.x1), Math.max(this.drag.x0, this.drag.x1)];
    else if (this.range) {
      sel = [this.range[0] ? this._x(toMs(this.range[0])) : M.l, this.range[1] ? this._x(toMs(this.range[1]) + DAY) : this.w - M.r];
      sel = [Math.max(M.l, sel[0]), Math.min(this.w - M.r, sel[1])];
    }
    if (sel && sel[1] > sel[0]) svg.appendChild(s("rect", { x: sel[0], y: top - 4, width: sel[1] - sel[0], height: base - top + 4, class: "brush" }));
    svg.dataset.bins = String(counts.size);
    svg.dataset.unit = unit;
  }
}
