// touyan: shared page behaviour. Citation markers [n] show a preview card of their reference.
"use strict";

(function () {
  const pop = document.createElement("div");
  pop.className = "cite-pop";
  pop.setAttribute("role", "tooltip");
  pop.hidden = true;
  document.body.appendChild(pop);

  function referenceItem(link) {
    const n = link.dataset.ref;
    const scope = link.closest(".msg-answer") || document;
    return scope.querySelector('li[data-n="' + CSS.escape(n) + '"]');
  }

  function line(cls, text) {
    const span = document.createElement("span");
    span.className = cls;
    span.textContent = text;
    return span;
  }

  function show(link) {
    const item = referenceItem(link);
    pop.replaceChildren();
    if (item) {
      const title = item.querySelector(".ref-title");
      const publisher = item.querySelector(".ref-publisher");
      const date = item.querySelector(".ref-date");
      const url = item.querySelector(".ref-url");
      pop.appendChild(line("pop-title", "[" + link.dataset.ref + "] " + (title ? title.textContent.trim() : "")));
      const meta = [publisher, date].filter(Boolean).map((el) => el.textContent.trim()).join(" · ");
      if (meta) pop.appendChild(line("pop-meta", meta));
      if (url) pop.appendChild(line("pop-url", url.textContent.trim()));
    } else if (link.title) {
      pop.appendChild(line("pop-title", link.title));
    } else {
      return;
    }
    const rect = link.getBoundingClientRect();
    pop.hidden = false;
    const left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 12);
    pop.style.left = Math.max(8, left) + "px";
    pop.style.top = window.scrollY + rect.bottom + 6 + "px";
  }

  function hide() { pop.hidden = true; }

  document.addEventListener("mouseover", (e) => {
    const link = e.target.closest && e.target.closest("a.cite-link");
    if (link) show(link);
  });
  document.addEventListener("mouseout", (e) => {
    if (e.target.closest && e.target.closest("a.cite-link")) hide();
  });
  document.addEventListener("focusin", (e) => {
    const link = e.target.closest && e.target.closest("a.cite-link");
    if (link) show(link); else hide();
  });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });
})();

// Reads a text/event-stream response body and calls onEvent(type, data) per frame.
window.touyanReadSSE = async function (response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let type = "message";
      const data = [];
      for (const line of frame.split("\n")) {
        if (line.startsWith("event:")) type = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) {
        let parsed;
        try { parsed = JSON.parse(data.join("\n")); } catch (err) { continue; }
        onEvent(type, parsed);
      }
    }
  }
};
