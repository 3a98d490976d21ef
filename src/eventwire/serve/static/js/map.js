// World map on a <canvas>: equirectangular projection, Natural Earth outlines,
// grid-clustered event markers, drag to pan, wheel to zoom, shift-drag to pick a box.

const CELL = 46; // px: grid cluster size
const MAX_ZOOM = 64;

export class MapView {
  constructor(canvas, { onView, onPick } = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d");
    this.onView = onView || (() => {});
    this.onPick = onPick || (() => {});
    this.features = [];
    this.points = [];
    this.clusters = [];
    this.country = null;
    this.cx = 10; this.cy = 20; this.k = 1; this.baseK = 1;
    this.drag = null; this.select = null; this.timer = null;
    this._resize();
    this.k = this.baseK;
    new ResizeObserver(() => { this._resize(); this.draw(); }).observe(canvas);
    canvas.addEventListener("pointerdown", (e) => this._down(e));
    canvas.addEventListener("pointermove", (e) => this._move(e));
    canvas.addEventListener("pointerup", (e) => this._up(e));
    canvas.addEventListener("wheel", (e) => this._wheel(e), { passive: false });
    canvas.addEventListener("dblclick", (e) => { const [x, y] = this._xy(e); this.zoomAt(x, y, 2); });
  }

  _resize() {
    const r = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.w = Math.max(100, r.width); this.h = Math.max(80, r.height);
    this.canvas.width = Math.round(this.w * dpr); this.canvas.height = Math.round(this.h * dpr);
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const wasWorld = this.k <= this.baseK * 1.001;
    this.baseK = Math.min(this.w / 360, this.h / 170);
    if (wasWorld) this.k = this.baseK;
    this._clamp();
  }

  project(lon, lat) { return [this.w / 2 + (lon - this.cx) * this.k, this.h / 2 - (lat - this.cy) * this.k]; }
  unproject(x, y) { return [this.cx + (x - this.w / 2) / this.k, this.cy - (y - this.h / 2) / this.k]; }

  _clamp() {
    this.k = Math.min(Math.max(this.k, this.baseK), this.baseK * MAX_ZOOM);
    const halfW = this.w / 2 / this.k, halfH = this.h / 2 / this.k;
    this.cx = halfW >= 180 ? 0 : Math.min(Math.max(this.cx, -180 + halfW), 180 - halfW);
    this.cy = halfH >= 85 ? 0 : Math.min(Math.max(this.cy, -85 + halfH), 85 - halfH);
  }

  isWorld() { return this.k <= this.baseK * 1.01; }

  viewBbox() {
    const [x0, y1] = this.unproject(0, 0), [x1, y0] = this.unproject(this.w, this.h);
    const r = (v) => Math.round(v * 1000) / 1000;
    return [r(Math.max(-180, x0)), r(Math.max(-90, y0)), r(Math.min(180, x1)), r(Math.min(90, y1))];
  }

  fitBbox(b) {
    if (!b) { this.k = this.baseK; this.cx = 0; this.cy = 0; this._clamp(); this.draw(); return; }
    const [x0, y0, x1, y1] = b;
    this.cx = (x0 + x1) / 2; this.cy = (y0 + y1) / 2;
    this.k = Math.min(this.w / Math.max(x1 - x0, 0.01), this.h / Math.max(y1 - y0, 0.01));
    this._clamp(); this.draw();
  }

  setBasemap(geojson) { this.features = geojson.features || []; this.draw(); }
  setPoints(points) { this.points = points.filter((p) => p[1] !== null && p[2] !== null); this.draw(); }
  setCountry(cc) { this.country = cc || null; this.draw(); }

  _xy(e) { const r = this.canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }

  _down(e) {
    const [x, y] = this._xy(e);
    this.canvas.setPointerCapture(e.pointerId);
    if (e.shiftKey) this.select = { x0: x, y0: y, x1: x, y1: y };
    else this.drag = { x, y, cx: this.cx, cy: this.cy, moved: false };
  }

  _move(e) {
    const [x, y] = this._xy(e);
    if (this.select) { this.select.x1 = x; this.select.y1 = y; this.draw(); return; }
    if (!this.drag) { this.canvas.style.cursor = this._hit(x, y) ? "pointer" : "grab"; return; }
    const dx = x - this.drag.x, dy = y - this.drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) this.drag.moved = true;
    this.cx = this.drag.cx - dx / this.k; this.cy = this.drag.cy + dy / this.k;
    this._clamp(); this.draw();
  }

  _up(e) {
    const [x, y] = this._xy(e);
    if (this.select) {
      const { x0, y0, x1, y1 } = this.select;
      this.select = null;
      if (Math.abs(x1 - x0) > 5 && Math.abs(y1 - y0) > 5) {
        const [a, b] = this.unproject(Math.min(x0, x1), Math.max(y0, y1));
        const [c, d] = this.unproject(Math.max(x0, x1), Math.min(y0, y1));
        this.fitBbox([a, b, c, d]);
        this._emit(0);
      } else this.draw();
      return;
    }
    const drag = this.drag;
    this.drag = null;
    if (!drag) return;
    if (drag.moved) { this._emit(); return; }
    const hit = this._hit(x, y);
    if (!hit) return;
    if (hit.n === 1) this.onPick(hit.ids[0]);
    else this.zoomAt(hit.x, hit.y, 3);
  }

  _wheel(e) {
    e.preventDefault();
    const [x, y] = this._xy(e);
    this.zoomAt(x, y, e.deltaY < 0 ? 1.5 : 1 / 1.5);
  }

  zoomAt(x, y, factor) {
    const [lon, lat] = this.unproject(x, y);
    this.k *= factor;
    this._clamp();
    // keep the point under the cursor fixed
    this.cx = lon - (x - this.w / 2) / this.k; this.cy = lat + (y - this.h / 2) / this.k;
    this._clamp(); this.draw(); this._emit();
  }

  _emit(delay = 350) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onView(this.isWorld() ? null : this.viewBbox()), delay);
  }

  _hit(x, y) {
    return this.clusters.find((c) => (c.x - x) ** 2 + (c.y - y) ** 2 <= (c.r + 2) ** 2) || null;
  }

  _cluster() {
    const cells = new Map();
    for (const p of this.points) {
      const [x, y] = this.project(p[1], p[2]);
      if (x < -CELL || y < -CELL || x > this.w + CELL || y > this.h + CELL) continue;
      const key = `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`;
      let c = cells.get(key);
      if (!c) { c = { sx: 0, sy: 0, n: 0, ids: [] }; cells.set(key, c); }
      c.sx += x; c.sy += y; c.n += 1; c.ids.push(p[0]);
    }
    this.clusters = [...cells.values()].map((c) => ({
      x: c.sx / c.n, y: c.sy / c.n, n: c.n, ids: c.ids, r: Math.min(26, 6 + 3.2 * Math.sqrt(c.n - 1 + 1)),
    }));
  }

  draw() {
    const ctx = this.ctx, w = this.w, h = this.h;
    ctx.fillStyle = "#dfeaf2"; ctx.fillRect(0, 0, w, h);
    ctx.lineWidth = 0.6;
    for (const f of this.features) {
      const selected = this.country && f.properties && f.properties.iso_a2 === this.country;
      ctx.beginPath();
      for (const poly of f.geometry.coordinates) {
        for (const ring of poly) {
          ring.forEach(([lon, lat], i) => {
            const [x, y] = this.project(lon, lat);
            if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
          });
          ctx.closePath();
        }
      }
      ctx.fillStyle = selected ? "#f3d9a4" : "#f7f6f2";
      ctx.fill("evenodd");
      ctx.strokeStyle = selected ? "#b07a12" : "#a9b4bc";
      ctx.stroke();
    }
    this._cluster();
    ctx.font = "bold 11px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
    for (const c of this.clusters) {
      ctx.beginPath(); ctx.arc(c.x, c.y, c.r, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(192, 38, 38, 0.78)"; ctx.fill();
      ctx.strokeStyle = "#fff"; ctx.lineWidth = 1.5; ctx.stroke();
      if (c.n > 1) { ctx.fillStyle = "#fff"; ctx.fillText(String(c.n), c.x, c.y); }
    }
    if (this.select) {
      const { x0, y0, x1, y1 } = this.select;
      ctx.fillStyle = "rgba(30, 90, 200, 0.15)"; ctx.strokeStyle = "#1e5ac8"; ctx.lineWidth = 1;
      ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
      ctx.strokeRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }
    // Exposed for tests and assistive tools: how many markers the map shows.
    this.canvas.dataset.clusters = String(this.clusters.length);
    this.canvas.dataset.points = String(this.clusters.reduce((a, c) => a + c.n, 0));
    this.canvas.dataset.view = JSON.stringify([this.cx, this.cy, this.k, this.w, this.h]);
  }
}
