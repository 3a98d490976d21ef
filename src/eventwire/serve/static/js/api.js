// JSON fetches with the API's error messages surfaced to the user.

const status = () => document.getElementById("status");

export async function getJSON(path, params) {
  const qs = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)) : null;
  const url = qs && [...qs].length ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) {
    const msg = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : res.statusText;
    const err = new Error(`${res.status}: ${msg}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

export function showError(err) {
  const el = status();
  if (el) { el.textContent = String(err.message || err); el.classList.add("error"); }
}

export function clearError() {
  const el = status();
  if (el) { el.textContent = ""; el.classList.remove("error"); }
}
