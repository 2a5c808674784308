// touyan: the chat box. Quick answers stream over SSE from POST /api/ask; with 深度投研 on,
// POST /api/research creates a run and the browser goes to its page.
"use strict";

(function () {
  const form = document.getElementById("chat-form");
  if (!form) return;
  const log = document.getElementById("chat-log");
  const question = document.getElementById("chat-question");
  const deep = document.getElementById("chat-deep");
  const auto = document.getElementById("chat-auto");
  const send = document.getElementById("chat-send");
  const csrf = document.body.dataset.csrf;
  const en = document.body.dataset.lang === "en";
  const kind = form.dataset.contextKind;
  const contextId = form.dataset.contextId ? parseInt(form.dataset.contextId, 10) : null;
  // On a conversation's history page the box continues that conversation.
  let conversationId = form.dataset.conversationId ? parseInt(form.dataset.conversationId, 10) : null;

  function syncToggles() { auto.disabled = !deep.checked; if (!deep.checked) auto.checked = false; }
  deep.addEventListener("change", syncToggles);
  syncToggles();

  function bubble(cls, text) {
    const div = document.createElement("div");
    div.className = "msg " + cls;
    if (text) div.textContent = text;
    log.appendChild(div);
    return div;
  }

  function errorText(body, status) {
    if (body && typeof body.detail === "string") return body.detail;
    return (en ? "Request failed (" : "请求失败（") + status + (en ? ")" : "）");
  }

  async function postJSON(url, payload) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, "Accept": "application/json, text/event-stream" },
      body: JSON.stringify(payload),
    });
  }

  function renderFinal(box, event) {
    box.replaceChildren();
    const body = document.createElement("div");
    body.className = "report-body";
    body.innerHTML = event.answer_html || ""; // sanitised on the server (nh3)
    if (!event.answer_html) body.textContent = event.answer || "";
    box.appendChild(body);
    const citations = event.citations || [];
    if (citations.length) {
      const refs = document.createElement("div");
      refs.className = "msg-refs";
      const ol = document.createElement("ol");
      ol.style.listStyle = "none";
      for (const c of citations) {
        const li = document.createElement("li");
        li.dataset.n = c.n;
        li.id = (Number.isInteger(event.message_id) ? "msg" + event.message_id : "msg") + "-ref-" + c.n;
        const n = document.createElement("span"); n.className = "ref-n"; n.textContent = "[" + c.n + "] ";
        const pub = document.createElement("span"); pub.className = "ref-publisher"; pub.textContent = c.publisher || "";
        const title = document.createElement("span"); title.className = "ref-title"; title.textContent = " 《" + (c.title || "") + "》";
        const date = document.createElement("span"); date.className = "ref-date"; date.textContent = (c.published_at || "").slice(0, 10);
        li.append(n, pub, title, date);
        if (c.document_id) {
          const a = document.createElement("a"); a.className = "ref-doc"; a.href = "/d/" + encodeURIComponent(c.document_id);
          a.textContent = en ? " source" : " 原文"; li.appendChild(a);
        }
        if (c.url && /^https?:\/\//i.test(c.url)) {
          const u = document.createElement("a"); u.className = "ref-url"; u.href = c.url; u.rel = "noopener noreferrer nofollow";
          u.target = "_blank"; u.textContent = c.url; li.appendChild(u);
        }
        ol.appendChild(li);
      }
      refs.appendChild(ol);
      box.appendChild(refs);
    }
    const v = event.verification;
    if (v) {
      const p = document.createElement("p");
      p.className = "msg-verification";
      p.textContent = en
        ? `claims ${v.claims} · cited ${v.cited} · supported ${v.supported} · unsupported ${v.unsupported} · removed markers ${v.removed_markers}`
        : `论断 ${v.claims} · 有引用 ${v.cited} · 已核实 ${v.supported} · 未核实 ${v.unsupported} · 已移除标注 ${v.removed_markers}`;
      box.appendChild(p);
    }
  }

  async function ask(text) {
    bubble("msg-user", text);
    const box = bubble("msg-answer");
    const draft = document.createElement("div");
    draft.className = "draft";
    draft.textContent = en ? "Thinking…" : "正在检索与核查…";
    box.appendChild(draft);
    const payload = { question: text, conversation_id: conversationId };
    if (kind === "analysis") payload.analysis_id = contextId;
    if (kind === "document") payload.document_id = contextId;
    const response = await postJSON("/api/ask", payload);
    if (!response.ok) {
      let body = null; try { body = await response.json(); } catch (err) { /* not JSON */ }
      box.classList.add("msg-error"); box.textContent = errorText(body, response.status); return;
    }
    let started = false;
    await window.touyanReadSSE(response, (type, event) => {
      if (type === "conversation") conversationId = event.conversation_id;
      else if (type === "delta") { if (!started) { draft.textContent = ""; started = true; } draft.textContent += event.text; }
      else if (type === "final") renderFinal(box, event);
      else if (type === "error") { box.classList.add("msg-error"); box.textContent = event.message; }
    });
  }

  async function research(text) {
    const payload = { question: text, auto_accept: auto.checked };
    if (kind === "analysis") payload.context_analysis_id = contextId;
    if (kind === "document") payload.context_document_id = contextId;
    const response = await postJSON("/api/research", payload);
    let body = null; try { body = await response.json(); } catch (err) { /* not JSON */ }
    if (!response.ok) { const box = bubble("msg-error", errorText(body, response.status)); box.classList.add("msg-answer"); return; }
    window.location.assign(body.url);
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    send.disabled = true;
    try {
      if (deep.checked) await research(text);
      else { question.value = ""; await ask(text); }
    } catch (err) {
      bubble("msg-error", (en ? "Network error: " : "网络错误：") + err.message);
    } finally {
      send.disabled = false;
    }
  });
  question.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
})();
