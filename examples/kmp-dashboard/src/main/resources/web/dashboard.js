// kmp-dashboard page: latest values and charts over time, from /api/latest and /api/readings.
// Chart.js draws the charts (time axis through its Luxon adapter); nothing is drawn by hand.
(function () {
  "use strict";

  var REFRESH_MS = 5000;
  var CHARTS = [
    { id: "chart-energy", series: [{ register: "E1", label: "E1 heat energy", color: "#d9480f", stepped: true }] },
    { id: "chart-power", series: [{ register: "POWER1", label: "POWER1 power", color: "#7048e8" }] },
    { id: "chart-flow", series: [{ register: "FLOW1", label: "FLOW1 flow", color: "#1c7ed6" }] },
    {
      id: "chart-temperature",
      series: [
        { register: "T1", label: "T1 flow", color: "#e03131" },
        { register: "T2", label: "T2 return", color: "#1098ad" }
      ]
    }
  ];
  var REGISTERS = [];
  CHARTS.forEach(function (c) { c.series.forEach(function (s) { REGISTERS.push(s.register); }); });

  var state = {
    meter: undefined,     // serial of the meter shown; undefined before the first reading
    rangeMs: 3600000,
    newestMs: null,       // time of the newest value loaded
    points: {},           // register -> [{x: ms, y: number, text: exact decimal}]
    units: {},
    charts: {},
    busy: false,
    generation: 0         // changes with the range: answers to older requests are dropped
  };

  // Values are exact decimals in the JSON; keep their text (70.00 stays 70.00) where the browser
  // gives the reviver the source, and the number for the charts.
  function parseJson(text) {
    return JSON.parse(text, function (key, value, context) {
      if (key === "value" && typeof value === "number") {
        return context && typeof context.source === "string" ? context.source : String(value);
      }
      return value;
    });
  }

  function getJson(url) {
    return fetch(url, { cache: "no-store" }).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) {
          var message = text;
          try { message = JSON.parse(text).message; } catch (ignored) { /* not JSON */ }
          var error = new Error(url + ": HTTP " + response.status + ": " + message);
          error.http = true;
          throw error;
        }
        return parseJson(text);
      });
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setStatus(kind, text) {
    var status = document.getElementById("status");
    status.dataset.state = kind;
    document.getElementById("status-text").textContent = text;
  }

  function resetSeries() {
    state.generation++;
    state.newestMs = null;
    REGISTERS.forEach(function (r) { state.points[r] = []; });
  }

  function makeCharts() {
    CHARTS.forEach(function (spec) {
      var figure = document.getElementById(spec.id);
      var canvas = figure.querySelector("canvas");
      state.charts[spec.id] = new Chart(canvas, {
        type: "line",
        data: {
          datasets: spec.series.map(function (s) {
            return {
              label: s.label,
              register: s.register,
              data: [],
              borderColor: s.color,
              backgroundColor: s.color,
              borderWidth: 1.5,
              stepped: s.stepped ? "before" : false,
              pointRadius: function (ctx) { return ctx.dataset.data.length < 60 ? 2 : 0; },
              pointHoverRadius: 4
            };
          })
        },
        options: {
          animation: false,
          parsing: false,
          normalized: true,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: "nearest", axis: "x", intersect: false },
          scales: {
            x: {
              type: "time",
              time: { tooltipFormat: "yyyy-MM-dd HH:mm:ss" },
              ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 16 }
            },
            y: { title: { display: true, text: "" }, grace: "5%" }
          },
          plugins: {
            legend: { display: spec.series.length > 1 },
            decimation: { enabled: true, algorithm: "lttb", samples: 600 },
            tooltip: {
              callbacks: {
                label: function (ctx) {
                  var register = ctx.dataset.register;
                  return ctx.dataset.label + ": " + ctx.raw.text + " " + (state.units[register] || "");
                }
              }
            }
          }
        }
      });
    });
  }

  function renderLatest(latest) {
    var tiles = document.getElementById("latest");
    tiles.replaceChildren();
    latest.registers.forEach(function (r) {
      var tile = el("div", "tile");
      tile.dataset.register = r.name;
      tile.title = r.description + " (register " + r.id + ")";
      tile.appendChild(el("div", "name", r.name + " · " + r.description));
      var value = el("div", "value", r.text !== null ? r.text : r.value);
      if (r.text === null) value.appendChild(el("span", "unit", r.unit));
      tile.appendChild(value);
      tiles.appendChild(tile);
    });
    tiles.dataset.count = String(latest.registers.length);
    var meter = document.getElementById("meter");
    meter.textContent = latest.meterSerial !== null
      ? "meter " + latest.meterSerial
      : (latest.registers.length ? "meter (serial number not read)" : "waiting for the first reading…");
  }

  function addReadings(readings) {
    readings.forEach(function (v) {
      var series = state.points[v.name];
      if (!series) return;
      var x = Date.parse(v.readAt);
      // a value already loaded (the query is inclusive of the newest time) is skipped
      if (series.length && series[series.length - 1].x >= x) return;
      series.push({ x: x, y: Number(v.value), text: v.value });
      state.units[v.name] = v.unit;
      if (state.newestMs === null || x > state.newestMs) state.newestMs = x;
    });
  }

  function renderCharts() {
    var oldest = state.newestMs === null ? null : state.newestMs - state.rangeMs;
    CHARTS.forEach(function (spec) {
      var chart = state.charts[spec.id];
      var points = 0;
      var units = [];
      chart.data.datasets.forEach(function (dataset) {
        var series = state.points[dataset.register];
        while (oldest !== null && series.length && series[0].x < oldest) series.shift();
        // the chart reads its own copy: the decimation plugin may replace what it is given
        dataset.data = series.slice();
        points += series.length;
        var unit = state.units[dataset.register];
        if (unit && units.indexOf(unit) < 0) units.push(unit);
      });
      chart.options.scales.y.title.text = units.join(", ");
      // a line is broken where the dashboard was not reading (more than 3 usual intervals)
      chart.data.datasets.forEach(function (dataset) {
        dataset.spanGaps = Math.max(3 * usualInterval(dataset.data), 1000);
      });
      chart.update("none");
      document.getElementById(spec.id).dataset.points = String(points);
    });
  }

  function usualInterval(points) {
    var gaps = [];
    for (var i = Math.max(1, points.length - 50); i < points.length; i++) {
      gaps.push(points[i].x - points[i - 1].x);
    }
    if (!gaps.length) return 0;
    gaps.sort(function (a, b) { return a - b; });
    return gaps[Math.floor(gaps.length / 2)];
  }

  function age(ms) {
    var s = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (s < 90) return s + " s ago";
    if (s < 5400) return Math.round(s / 60) + " min ago";
    return Math.round(s / 3600) + " h ago";
  }

  function refresh() {
    if (state.busy) return Promise.resolve();
    state.busy = true;
    var generation = state.generation;
    return getJson("/api/latest")
      .then(function (latest) {
        if (generation !== state.generation) return null;
        if (latest.meterSerial !== state.meter) {
          state.meter = latest.meterSerial;
          resetSeries();
        }
        renderLatest(latest);
        if (!latest.readAt) {
          setStatus("stale", "no readings yet");
          return null;
        }
        var newest = Date.parse(latest.readAt);
        var from = state.newestMs !== null ? state.newestMs : newest - state.rangeMs;
        var url = "/api/readings?register=" + REGISTERS.join(",") +
          "&from=" + encodeURIComponent(new Date(from).toISOString()) +
          "&to=" + encodeURIComponent(new Date(newest + 1).toISOString()) +
          "&limit=100000" +
          (latest.meterSerial !== null ? "&meter=" + latest.meterSerial : "");
        var first = state.newestMs === null;
        generation = state.generation;
        return getJson(url).then(function (answer) {
          if (generation !== state.generation) return;
          addReadings(answer.readings);
          if (first) {
            var note = document.getElementById("truncated");
            note.hidden = !answer.truncated;
            note.textContent = answer.truncated
              ? "More values than the page loads at once: showing the newest " + answer.count + "."
              : "";
          }
          renderCharts();
          var time = new Date(newest).toLocaleTimeString();
          setStatus("ok", "last reading " + time + " (" + age(newest) + ")");
        });
      })
      .catch(function (error) {
        if (error.http) {
          window.dashboardError(error.message);
          setStatus("offline", "the dashboard answered with an error");
        } else {
          // the server is stopped or unreachable: say so and try again at the next refresh
          setStatus("offline", "cannot reach the dashboard; retrying");
        }
      })
      .finally(function () {
        state.busy = false;
        if (generation !== state.generation) refresh();
      });
  }

  function start() {
    if (typeof Chart === "undefined") {
      window.dashboardError("the chart library did not load");
      return;
    }
    resetSeries();
    makeCharts();
    var range = document.getElementById("range");
    state.rangeMs = Number(range.value);
    range.addEventListener("change", function () {
      state.rangeMs = Number(range.value);
      resetSeries();
      refresh();
    });
    refresh();
    setInterval(refresh, REFRESH_MS);
  }

  start();
})();
