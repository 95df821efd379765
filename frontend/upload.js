// Uploads for every file-carrying renderer: POST <root>upload with the session's token,
// progress reported as the bytes go (XMLHttpRequest upload events), FileData back.
import { h, serverUrl, styles } from "./index.js";

// The file components' CSS (file.js, uploadbutton.js, downloadbutton.js all import this module).
styles("upload", `
.file-drop { border: 2px dashed var(--border-color-primary, #ccc); border-radius: 8px; padding: 1rem; text-align: center; }
.file-drop.dragging { border-color: var(--color-accent, #f97316); }
.file-list { list-style: none; margin: .5rem 0 0; padding: 0; overflow: auto; }
.file-list li { display: flex; gap: .75rem; align-items: center; padding: .25rem 0; }
.file-name { flex: 1; overflow-wrap: anywhere; }
.file-size { color: var(--body-text-color-subdued, #666); }
.file-error { color: var(--error-text-color, #b91c1c); }
.file-error:empty { display: none; }
`);

// A failed connection (or 408/429/502/503/504) is retried after these pauses; the server's own refusals
// (too large, wrong session, bad request) are not.
export const RETRY_PAUSES_MS = [500, 1000, 2000];
const RETRIED_STATUS = new Set([0, 408, 429, 502, 503, 504]);

/** Upload `files` (a FileList or array); resolves to their FileData, rejects with the server's error.
 * Meanwhile the page holds the events the user fires (index.js uploading()). */
export async function upload(files, onProgress = () => {}) {
  const ended = window.blocks?.uploading?.() ?? (() => {});
  const body = new FormData();
  for (const file of files) body.append("files", file, file.webkitRelativePath || file.name);
  try {
    for (let attempt = 0; ; attempt += 1) {
      const { status, reply } = await send(body, onProgress);
      if (status === 200) return reply.files;
      if (!RETRIED_STATUS.has(status) || attempt >= RETRY_PAUSES_MS.length) {
        throw new Error(reply.error || (status ? `upload failed (${status})` : "upload failed: the server could not be reached"));
      }
      onProgress(0);
      await new Promise((resume) => setTimeout(resume, RETRY_PAUSES_MS[attempt]));
    }
  } finally {
    ended();
  }
}

function send(body, onProgress) {
  const root = window.blocks?.config?.root ?? "/";
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", serverUrl(root, "upload?format=filedata", location.href));
    xhr.setRequestHeader("X-Blocks-Session", window.blocks?.sessionToken?.() ?? "");
    xhr.upload.addEventListener("progress", (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    xhr.addEventListener("load", () => {
      let reply = {};
      try { reply = JSON.parse(xhr.responseText); } catch { /* not JSON: use the status */ }
      resolve({ status: xhr.status, reply });
    });
    xhr.addEventListener("error", () => resolve({ status: 0, reply: {} }));
    xhr.send(body);
  });
}

/** upload(), shown the way every file renderer shows it: progress in `bar`, a failure's message in
 * `error`, and `input`'s choice cleared after; resolves to the FileData list, or null if it failed. */
export async function uploadShown(files, bar, error, input = null) {
  error.textContent = "";
  bar.hidden = false;
  bar.value = 0;
  try {
    return await upload(files, (done) => (bar.value = done));
  } catch (err) {
    error.textContent = err.message;
    return null;
  } finally {
    bar.hidden = true;
    if (input) input.value = "";
  }
}

/** The absolute URL of a FileData (its url is relative to the app's root). */
export function fileHref(data, download = false) {
  if (!data?.url) return "";
  if (/^https?:/.test(data.url)) return data.url;
  const url = serverUrl(window.blocks?.config?.root ?? "/", data.url, location.href);
  if (download) url.searchParams.set("download", "1");
  return url.href;
}

/** "1.2 MB" for a size in bytes. */
export function formatSize(bytes) {
  if (bytes == null) return "";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let size = bytes, unit = 0;
  while (size >= 1024 && unit < units.length - 1) { size /= 1024; unit += 1; }
  return `${unit ? size.toFixed(1) : size} ${units[unit]}`;
}

/** The `accept` attribute for file_types (".pdf", "image" -> "image/*"). */
export function acceptFor(fileTypes) {
  if (!fileTypes) return "";
  return fileTypes.map((t) => (t.startsWith(".") || t.includes("/") ? t : t === "file" ? "*" : `${t}/*`)).join(",");
}

/** A <progress> bar shown while an upload runs. */
export function progressBar() {
  const bar = h("progress", { max: 1, value: 0, hidden: true });
  bar.setAttribute("aria-label", "Upload progress");
  return bar;
}
