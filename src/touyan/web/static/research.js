// touyan: a research run's live progress. Events come from GET /api/research/{id}/events (SSE);
// when the run reaches a state that changes the page (plan ready, report done) it reloads.
"use strict";

(function () {
  const root = document.getElementById("run");
  if (!root) return;
  const runId = root.dataset.runId;
  const pageStatus = root.dataset.status;
  // Events up to this sequence number were already rendered by the server: replaying them
  // fills the log but must not reload the page (or it would reload forever).
  const lastSeq = parseInt(root.dataset.lastSeq || "0", 10);
  const log = document.getElementById("event-log");
  const statusChip = document.getElementById("run-status");
  const names = JSON.parse(statusChip.dataset.names || "{}");
  const stepList = document.getElementById("plan-steps");
  const stepNames = stepList ? JSON.parse(stepList.dataset.names || "{}") : {};
  const en = document.body.dataset.lang === "en";
  const RELOAD_ON = new Set(["awaiting_review", "done", "failed", "cancelled"]);
  let reloading = false;

  function entry(kind, text, when) {
    const li = document.createElement("li");
    li.className = "ev-" + kind;
    const time = document.createElement("time");
    time.textContent = (when || "").replace("T", " ").slice(11, 19);
    li.append(time, document.createTextNode(text));
    log.appendChild(li);
  }

  function step(data, state) {
    const li = document.querySelector('.plan-step[data-step-id="' + CSS.escape(String(data.step_id)) + '"]');
    if (!li) return;
    li.className = "plan-step state-" + state;
    li.querySelector(".step-state").textContent = stepNames[state] || state;
    if (data.summary) li.querySelector(".step-summary").textContent = data.summary;
  }

  function maybeReload(status, seq) {
    if (!reloading && seq > lastSeq && status !== pageStatus && RELOAD_ON.has(status)) {
      reloading = true;
      setTimeout(() => window.location.reload(), 400);
    }
  }

  const source = new EventSource("/api/research/" + encodeURIComponent(runId) + "/events");
  const on = (kind, fn) => source.addEventListener(kind, (e) => {
    if (typeof e.data !== "string") return; // a connection error, not an event of the run
    const ev = JSON.parse(e.data);
    fn(ev.data || {}, ev);
  });

  on("status", (d, ev) => {
    statusChip.textContent = names[d.status] || d.status;
    statusChip.className = "chip status-" + d.status;
    entry("status", (en ? "Status: " : "状态：") + (names[d.status] || d.status), ev.created_at);
    maybeReload(d.status, ev.seq);
  });
  on("plan", (d, ev) => {
    const steps = (d.plan && d.plan.steps) || [];
    entry("plan", (en ? "Plan drafted: " : "研究计划已生成：") + ((d.plan && d.plan.title) || "") + (en ? ` (${steps.length} steps)` : `（${steps.length} 步）`), ev.created_at);
  });
  on("step_started", (d, ev) => { step(d, "running"); entry("step_started", (en ? "Started: " : "开始：") + d.title, ev.created_at); });
  on("step_done", (d, ev) => {
    step(d, "done");
    entry("step_done", (en ? "Done: " : "完成：") + d.title + (en ? ` — ${d.evidence} sources` : ` — 证据 ${d.evidence} 条`), ev.created_at);
  });
  on("writing", (d, ev) => entry("writing", (en ? "Writing: " : "撰写：") + (d.section || ""), ev.created_at));
  on("done", (d, ev) => {
    entry("done", en ? "Report ready" : "报告已完成", ev.created_at);
    // Finished while we watched: open the report, which is now an article of the feed.
    if (ev.seq > lastSeq && pageStatus !== "done" && d.analysis_slug && !reloading) {
      reloading = true;
      setTimeout(() => window.location.assign("/a/" + encodeURIComponent(d.analysis_slug)), 600);
    } else {
      maybeReload("done", ev.seq);
    }
  });
  on("error", (d, ev) => entry("error", (en ? "Error: " : "错误：") + (d.message || ""), ev.created_at));
  source.addEventListener("end", () => source.close());
})();
