// radioclr review: keyboard rating, tags, note, undo, view switching and pan/zoom.
"use strict";
(function () {
  const detail = document.getElementById("detail");
  if (!detail) {
    return;
  }
  const sname = detail.dataset.sname;
  const readonly = detail.dataset.readonly === "1";
  const status = document.getElementById("status");

  function show(state, message) {
    document.getElementById("rating").textContent =
      state.rating === null ? "–" : String(state.rating);
    document.querySelectorAll("input.tag").forEach(function (box) {
      box.checked = state.tags.indexOf(box.value) >= 0;
    });
    document.getElementById("note").value = state.note;
    status.textContent = message;
    status.className = "status";
  }

  function post(path, body) {
    if (readonly) {
      status.textContent = detail.dataset.readonlyWhy || "read only";
      return Promise.resolve();
    }
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin"
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) {
          throw new Error(j.error || ("HTTP " + r.status));
        }
        return j;
      });
    }).catch(function (e) {
      status.textContent = "not saved: " + e.message;
      status.className = "status error";
      return null;
    });
  }

  function rate(n) {
    return post("/api/v1/review/ratings", { sname: sname, rating: n }).then(function (j) {
      if (j) {
        show(j.state, "saved rating " + n);
      }
    });
  }

  function undo() {
    return post("/api/v1/review/undo", {}).then(function (j) {
      if (j && j.undone) {
        if (j.sname === sname) {
          show(j.state, "undone: " + j.kind + " " + (j.value === null ? "" : j.value));
        } else {
          status.textContent = "undone on " + j.sname + ": " + j.kind;
        }
      } else if (j) {
        status.textContent = "nothing to undo";
      }
    });
  }

  function go(which) {
    const url = detail.dataset[which];
    if (url) {
      window.location.href = url;
    }
  }

  document.querySelectorAll("button.rate").forEach(function (b) {
    b.addEventListener("click", function () { rate(Number(b.dataset.rating)); });
  });
  document.getElementById("undo").addEventListener("click", undo);
  document.querySelectorAll("input.tag").forEach(function (box) {
    box.addEventListener("change", function () {
      post("/api/v1/review/tags", { sname: sname, tag: box.value, on: box.checked })
        .then(function (j) { if (j) { show(j.state, "tags saved"); } });
    });
  });
  document.getElementById("save-note").addEventListener("click", function () {
    post("/api/v1/review/notes", { sname: sname, note: document.getElementById("note").value })
      .then(function (j) { if (j) { show(j.state, "note saved"); } });
  });

  document.addEventListener("keydown", function (e) {
    const t = e.target;
    if (t && (t.tagName === "TEXTAREA" || (t.tagName === "INPUT" && t.type !== "checkbox"))) {
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    if (e.key >= "0" && e.key <= "5") {
      e.preventDefault();
      rate(Number(e.key));
    } else if (e.key === "ArrowRight") {
      e.preventDefault();
      go("next");
    } else if (e.key === "ArrowLeft") {
      e.preventDefault();
      go("prev");
    } else if (e.key === "u") {
      e.preventDefault();
      undo();
    }
  });

  // views and pan/zoom
  const view = document.getElementById("view");
  const viewer = document.getElementById("viewer");
  let scale = 1, x = 0, y = 0, drag = null;
  function apply() { view.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")"; }
  document.querySelectorAll("button.view-button").forEach(function (b) {
    b.addEventListener("click", function () {
      view.src = b.dataset.src;
      document.querySelectorAll("button.view-button").forEach(function (o) { o.classList.remove("active"); });
      b.classList.add("active");
    });
  });
  document.getElementById("reset-zoom").addEventListener("click", function () { scale = 1; x = 0; y = 0; apply(); });
  viewer.addEventListener("wheel", function (e) {
    e.preventDefault();
    const r = viewer.getBoundingClientRect();
    const px = e.clientX - r.left, py = e.clientY - r.top;
    const f = e.deltaY < 0 ? 1.25 : 0.8;
    const s = Math.min(16, Math.max(1, scale * f));
    x = px - (px - x) * (s / scale);
    y = py - (py - y) * (s / scale);
    scale = s;
    apply();
  }, { passive: false });
  viewer.addEventListener("mousedown", function (e) { drag = { x: e.clientX - x, y: e.clientY - y }; e.preventDefault(); });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (e) {
    if (drag) { x = e.clientX - drag.x; y = e.clientY - drag.y; apply(); }
  });
})();
