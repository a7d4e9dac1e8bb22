// The run list at "/": server-rendered, no scripts, refreshed by the browser every few seconds.
import type { RunStatus } from "./executor";
import type { RunSummary } from "./store";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const STATUS_COLOURS: Record<RunStatus, string> = {
  Queued: "#6b7280",
  Running: "#2563eb",
  Completed: "#15803d",
  Failed: "#b91c1c",
  Cancelled: "#a16207",
};

function duration(run: RunSummary): string {
  if (!run.startedAt) return "";
  const end = run.endedAt ? Date.parse(run.endedAt) : Date.now();
  const ms = end - Date.parse(run.startedAt);
  return ms < 1_000 ? `${ms} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

export function renderRunsPage(runs: RunSummary[], filter: { status?: RunStatus }, statuses: RunStatus[]): string {
  const links = [undefined, ...statuses]
    .map((status) => {
      const label = status ?? "All";
      const href = status ? `/?status=${status}` : "/";
      return status === filter.status ? `<strong>${label}</strong>` : `<a href="${href}">${label}</a>`;
    })
    .join(" · ");
  const rows = runs
    .map((run) => {
      const detail = run.error ? run.error.message : run.output === null ? "" : JSON.stringify(run.output);
      return `<tr>
  <td><a href="/v1/runs/${encodeURIComponent(run.id)}"><code>${escapeHtml(run.id)}</code></a></td>
  <td style="color:${STATUS_COLOURS[run.status]}">${run.status}</td>
  <td>${escapeHtml(run.functionId)}</td>
  <td>${escapeHtml(run.eventName ?? "")}</td>
  <td>${escapeHtml(run.createdAt)}</td>
  <td>${duration(run)}</td>
  <td class="detail">${escapeHtml(detail.slice(0, 300))}</td>
</tr>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="3">
<title>inngest-local · runs</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 1.5rem; color: #111827; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  td.detail { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
</style>
</head>
<body>
<h1>inngest-local</h1>
<p>${links} · <a href="/v1/apps">apps</a> · newest first, refreshes every 3 s</p>
<table>
<thead><tr><th>Run</th><th>Status</th><th>Function</th><th>Event</th><th>Created</th><th>Duration</th><th>Output / error</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="7">No runs yet.</td></tr>'}
</tbody>
</table>
</body>
</html>`;
}
