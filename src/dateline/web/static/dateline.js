// dateline's own script (issue 14): loaded from /static, never inline (CSP script-src 'self').
// Every page works without it; it only spares a reload.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // The chart's scale: share of articles in scope, or raw counts, switched in place; the
  // address keeps the choice, so the permalink shows the same chart.
  const chart = document.getElementById("chart");
  if (chart) {
    for (const link of chart.querySelectorAll("a.scale-link")) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const scale = link.dataset.scale;
        chart.dataset.scale = scale;
        for (const other of chart.querySelectorAll("a.scale-link")) {
          if (other === link) other.setAttribute("aria-current", "true");
          else other.removeAttribute("aria-current");
        }
        history.replaceState(null, "", link.getAttribute("href"));
        for (const permalink of document.querySelectorAll("a.permalink")) {
          if (permalink.pathname === location.pathname) permalink.href = location.href;
        }
      });
    }
  }
  // The reader: a highlight reached from the side panel is marked until the next one.
  const text = document.getElementById("article-text");
  if (text) {
    const mark = () => {
      for (const old of text.querySelectorAll(".current")) old.classList.remove("current");
      const id = decodeURIComponent(location.hash.slice(1));
      if (!id) return;
      for (const piece of text.querySelectorAll("mark[data-ref]")) {
        if (piece.dataset.ref === id) piece.classList.add("current");
      }
    };
    window.addEventListener("hashchange", mark);
    mark();
  }
});
