// radioclr review: the "run" forms submit a job through the job API (POST /api/v1/jobs), poll its
// status until it ends, and link its outputs (or its log when it failed).
"use strict";
(function () {
  const POLL_MS = 500;

  function json(r) {
    return r.json().then(function (j) {
      if (!r.ok) {
        throw new Error(j.error || ("HTTP " + r.status));
      }
      return j;
    });
  }

  function link(href, text) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  document.querySelectorAll("form.run").forEach(function (form) {
    const state = form.querySelector(".job-state");
    const outputs = form.querySelector(".job-outputs");
    const cancel = form.querySelector(".job-cancel");
    let current = null;

    function show(s, text) {
      state.dataset.state = s;
      state.textContent = text;
      state.className = "job-state" + (s === "failed" || s === "error" ? " error" : "");
    }

    function listOutputs(id) {
      fetch("/api/v1/jobs/" + id + "/outputs", { credentials: "same-origin" })
        .then(json)
        .then(function (files) {
          files.forEach(function (f) {
            const li = document.createElement("li");
            li.appendChild(link("/api/v1/jobs/" + id + "/outputs/" + f.path, f.path));
            li.appendChild(document.createTextNode(" (" + f.size + " bytes)"));
            outputs.appendChild(li);
          });
          const li = document.createElement("li");
          li.appendChild(link("/api/v1/jobs/" + id + "/outputs.zip", "all as zip"));
          li.appendChild(document.createTextNode(" · "));
          li.appendChild(link("/api/v1/jobs/" + id + "/log", "log"));
          outputs.appendChild(li);
        })
        .catch(function (e) { show("error", "outputs not listed: " + e.message); });
    }

    function poll(id) {
      fetch("/api/v1/jobs/" + id, { credentials: "same-origin" })
        .then(json)
        .then(function (j) {
          const pct = j.progress === null ? "" : " " + Math.round(100 * j.progress) + "%";
          show(j.state, "job " + id.substring(0, 8) + ": " + j.state + pct +
            (j.message ? " (" + j.message + ")" : ""));
          if (j.state === "queued" || j.state === "running") {
            setTimeout(function () { poll(id); }, POLL_MS);
            return;
          }
          cancel.hidden = true;
          current = null;
          if (j.state === "done") {
            listOutputs(id);
          } else {
            const li = document.createElement("li");
            li.appendChild(link("/api/v1/jobs/" + id + "/log", "log"));
            outputs.appendChild(li);
          }
        })
        .catch(function (e) { show("error", "status not read: " + e.message); });
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      const options = JSON.parse(form.dataset.fixed);
      form.querySelectorAll("input[data-option]").forEach(function (input) {
        const v = input.value.trim();
        if (v !== "") {
          const numeric = input.dataset.type === "int" || input.dataset.type === "number";
          options[input.dataset.option] = numeric && !isNaN(Number(v)) ? Number(v) : v;
        }
      });
      outputs.textContent = "";
      show("submitting", "submitting…");
      fetch("/api/v1/jobs", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ app: form.dataset.app, options: options }),
        credentials: "same-origin"
      })
        .then(json)
        .then(function (job) {
          current = job.id;
          cancel.hidden = false;
          show(job.state, "job " + job.id.substring(0, 8) + ": " + job.state);
          poll(job.id);
        })
        .catch(function (err) { show("error", "not submitted: " + err.message); });
    });

    cancel.addEventListener("click", function () {
      if (current) {
        fetch("/api/v1/jobs/" + current + "/cancel", { method: "POST", credentials: "same-origin" })
          .then(json)
          .catch(function (err) { show("error", "not cancelled: " + err.message); });
      }
    });
  });
})();
