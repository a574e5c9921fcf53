// Draws the charts of a search's analysis with ECharts, from the JSON inlined next to each
// (the same JSON the dashboard serves): the optimization history, parameter importances with
// their intervals, one slice per parameter, parallel coordinates, the timeline by worker and
// the chosen trials' curves. Tooltips name each trial and its parameters. Colours match the
// PNG charts (Tableau 10). window.mnistSearch.draw(figure, data) draws one figure, so that the
// dashboard can redraw a chart when new trials arrive.
(function () {
  'use strict';
  var PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
    '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
  var STATES = { complete: '#4e79a7', pruned: '#bab0ac', running: '#f28e2b',
    diverged: '#e15759', failed: '#9c755f', waiting: '#edc948' };

  function encode(text) {
    return echarts.format.encodeHTML(String(text));
  }

  function format(value) {
    return value === null || value === undefined ? '\u2014' : String(Number(Number(value).toPrecision(4)));
  }

  function tick(value) {
    var v = Number(value);
    if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) {
      return v.toExponential(0);
    }
    return String(Number(v.toPrecision(4)));
  }

  function seconds(s) {
    return s >= 120 ? (s / 60).toFixed(1) + ' min' : Math.round(s) + ' s';
  }

  // Returns a fresh element appended to host, for one chart.
  function element(host, className, height) {
    var div = document.createElement('div');
    div.className = className;
    if (height) {
      div.style.height = height + 'px';
    }
    host.appendChild(div);
    return div;
  }

  // Returns a chart on a fresh element appended to host.
  function panel(host, className, height) {
    return echarts.init(element(host, className, height), null, { renderer: 'canvas' });
  }

  // Returns n charts side by side in a wrapping row; every element is laid out before any chart
  // starts, so each chart is sized to its share of the row.
  function row(host, n, height) {
    var wrap = element(host, 'panels');
    var divs = [];
    for (var i = 0; i < n; i++) {
      divs.push(element(wrap, 'panel', height));
    }
    return divs.map(function (div) { return echarts.init(div, null, { renderer: 'canvas' }); });
  }

  function history(host, d) {
    var chart = panel(host, 'search-wide');
    var tip = function (p) {
      var v = p.data.value || p.data;
      var kind = p.seriesName === 'best so far' ? 'best so far' : 'trial ' + v[0];
      var text = p.marker + encode(kind) + ': ' + format(v[1]);
      if (p.data.tip) {
        text += '<br>' + encode(p.data.tip);
      }
      if (p.data.seconds !== undefined && p.data.seconds !== null) {
        text += '<br>finished at ' + seconds(p.data.seconds);
      }
      return text;
    };
    function points(list) {
      return list.map(function (p) {
        return { value: [p[0], p[1]], seconds: p[2], tip: p[3] };
      });
    }
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: tip },
      legend: { top: 0, data: ['complete', 'pruned', 'best so far'] },
      grid: { left: 16, right: 24, top: 36, bottom: 36, containLabel: true },
      xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
      yAxis: { type: 'value', name: d.objective, scale: true, axisLabel: { formatter: tick } },
      series: [
        { name: 'complete', type: 'scatter', symbolSize: 6, large: d.complete.length > 2000,
          itemStyle: { color: STATES.complete }, data: points(d.complete) },
        { name: 'pruned', type: 'scatter', symbolSize: 4, large: d.pruned.length > 2000,
          itemStyle: { color: STATES.pruned }, data: points(d.pruned) },
        { name: 'best so far', type: 'line', step: 'end', showSymbol: false,
          lineStyle: { color: STATES.diverged, width: 2 }, itemStyle: { color: STATES.diverged },
          data: d.best }
      ]
    });
    return chart;
  }

  function importance(host, d) {
    var params = d.params.slice().reverse();
    var chart = panel(host, 'search-wide', Math.max(200, 70 + 34 * params.length));
    var names = params.map(function (p) { return p.name; });
    chart.setOption({
      animation: false,
      title: { text: d.method, left: 'center', textStyle: { fontSize: 12, fontWeight: 'normal' } },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var q = params[p.dataIndex];
          return encode(q.name) + ': ' + format(q.value) + ' [' + format(q.low) + ', ' +
            format(q.high) + ']<br>applies to ' + q.applied + ' of ' + d.trials + ' trials';
        }
      },
      grid: { left: 16, right: 32, top: 36, bottom: 24, containLabel: true },
      xAxis: { type: 'value', name: 'importance', min: 0 },
      yAxis: { type: 'category', data: names },
      series: [
        { type: 'bar', data: params.map(function (p) { return p.value; }),
          itemStyle: { color: PALETTE[0] } },
        { type: 'custom', silent: true, z: 3, encode: { x: [1, 2], y: 0 },
          data: params.map(function (p, i) { return [i, p.low, p.high]; }),
          renderItem: function (ps, api) {
            if (api.value(1) === null || isNaN(api.value(1))) {
              return null;
            }
            var low = api.coord([api.value(1), api.value(0)]);
            var high = api.coord([api.value(2), api.value(0)]);
            var style = { stroke: '#222', lineWidth: 1.5 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
              { type: 'line', shape: { x1: low[0], y1: low[1] - 5, x2: low[0], y2: low[1] + 5 }, style: style },
              { type: 'line', shape: { x1: high[0], y1: high[1] - 5, x2: high[0], y2: high[1] + 5 }, style: style }
            ] };
          } }
      ]
    });
    return chart;
  }

  function axisOf(p, values) {
    if (p.kind === 'choice') {
      return { type: 'category', data: p.choices, name: p.name };
    }
    var axis = { type: p.log ? 'log' : 'value', name: p.name, scale: true,
      axisLabel: { formatter: tick } };
    if (p.log) {
      axis.logBase = 10;
    }
    return axis;
  }

  function slices(host, d) {
    var charts = row(host, d.params.length, 300);
    d.params.forEach(function (p, k) {
      var chart = charts[k];
      var x = axisOf(p);
      x.nameLocation = 'middle';
      x.nameGap = 26;
      chart.setOption({
        animation: false,
        title: { text: p.name + (p.points.length ? '' : ' (no trials)'), left: 'center',
          textStyle: { fontSize: 13 } },
        tooltip: {
          trigger: 'item',
          formatter: function (q) {
            var x0 = p.kind === 'choice' ? p.choices[q.value[0]] : format(q.value[0]);
            return 'trial ' + q.value[2] + '<br>' + encode(p.name) + ' ' + encode(x0) + ': ' +
              format(q.value[1]);
          }
        },
        grid: { left: 12, right: 20, top: 32, bottom: 32, containLabel: true },
        xAxis: x,
        yAxis: { type: 'value', scale: true, name: d.objective, axisLabel: { formatter: tick } },
        visualMap: { show: false, dimension: 2, min: 0,
          max: Math.max(1, p.points.length ? Math.max.apply(null, p.points.map(function (q) { return q[2]; })) : 1),
          inRange: { color: ['#c6dbef', '#08306b'] } },
        series: [{ type: 'scatter', symbolSize: 6, data: p.points }]
      });
    });
    return charts;
  }

  function parallel(host, d) {
    var chart = panel(host, 'search-wide', 420);
    var axes = d.axes.map(function (p, i) {
      var a = axisOf(p);
      a.dim = i;
      return a;
    });
    var n = d.axes.length;
    axes.push({ dim: n, name: d.objective, type: 'value', scale: true,
      axisLabel: { formatter: tick } });
    var rows = d.rows.map(function (r) {
      var values = r.slice(1).map(function (v) { return v === null ? '-' : v; });
      return { value: values, number: r[0] };
    });
    var objective = d.rows.map(function (r) { return r[n + 1]; }).filter(function (v) { return v !== null; });
    chart.setOption({
      animation: false,
      parallelAxis: axes,
      parallel: { left: 40, right: 90, top: 40, bottom: 30 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var lines = ['trial ' + p.data.number];
          d.axes.forEach(function (a, i) {
            var v = p.data.value[i];
            if (v !== '-') {
              lines.push(encode(a.name) + ' ' + encode(a.kind === 'choice' ? a.choices[v] : format(v)));
            }
          });
          lines.push(encode(d.objective) + ' ' + format(p.data.value[n]));
          return lines.join('<br>');
        }
      },
      visualMap: { show: true, dimension: n, right: 0, top: 'middle', calculable: true,
        min: objective.length ? Math.min.apply(null, objective) : 0,
        max: objective.length ? Math.max.apply(null, objective) : 1,
        inRange: { color: ['#d4e3f3', '#4e79a7', '#1d3557'] }, text: [d.objective, ''] },
      series: [{ type: 'parallel', lineStyle: { width: 1.2, opacity: 0.6 }, data: rows }]
    });
    return chart;
  }

  function timeline(host, d) {
    var chart = panel(host, 'search-wide', Math.max(160, 90 + 40 * d.workers.length));
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var b = p.data;
          return 'trial ' + b[4] + ' (' + encode(b[3]) + ') on ' + encode(d.workers[b[0]]) +
            '<br>' + seconds(b[1]) + ' to ' + seconds(b[2]);
        }
      },
      grid: { left: 16, right: 24, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'value', name: 'seconds since the first start', nameLocation: 'middle',
        nameGap: 26, min: 0 },
      yAxis: { type: 'category', data: d.workers },
      series: [{
        type: 'custom', encode: { x: [1, 2], y: 0 }, data: d.bars,
        renderItem: function (ps, api) {
          var start = api.coord([api.value(1), api.value(0)]);
          var end = api.coord([api.value(2), api.value(0)]);
          var h = api.size([0, 1])[1] * 0.6;
          return { type: 'rect',
            shape: { x: start[0], y: start[1] - h / 2, width: Math.max(1, end[0] - start[0]), height: h },
            style: { fill: STATES[api.value(3)] || '#999', stroke: '#fff', lineWidth: 0.5 } };
        }
      }]
    });
    return chart;
  }

  function trialCurves(host, d) {
    var metrics = [['trainLoss', 'Training loss'], ['valLoss', 'Validation loss'],
      ['valAccuracy', 'Validation accuracy']];
    var charts = row(host, metrics.length, 320);
    return metrics.map(function (m, k) {
      var chart = charts[k];
      var loss = m[0] !== 'valAccuracy';
      // Losses of trials that differ by orders of magnitude fit only a log axis.
      var values = [];
      d.trials.forEach(function (t) { t[m[0]].forEach(function (v) { if (v > 0) { values.push(v); } }); });
      var log = loss && values.length > 1 &&
        Math.max.apply(null, values) / Math.min.apply(null, values) > 20;
      chart.setOption({
        animation: false,
        title: { text: m[1], left: 'center', textStyle: { fontSize: 13 } },
        tooltip: { trigger: 'item', formatter: function (p) {
          return p.marker + encode(p.seriesName) + ', epoch ' + p.value[0] + ': ' + format(p.value[1]);
        } },
        legend: { top: 22, type: 'scroll' },
        grid: { left: 12, right: 20, top: 56, bottom: 32, containLabel: true },
        xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 24, minInterval: 1 },
        yAxis: { type: log ? 'log' : 'value', scale: true, axisLabel: { formatter: tick } },
        series: d.trials.map(function (t, k) {
          return { name: 'trial ' + t.number + (t.state === 'running' ? ' (running)' : ''),
            type: 'line', showSymbol: t[m[0]].length < 30, symbolSize: 4,
            itemStyle: { color: PALETTE[k % PALETTE.length] },
            data: t[m[0]].map(function (v, i) { return [i + 1, v]; }) };
        })
      });
      return chart;
    });
  }

  var DRAW = { history: history, importance: importance, slices: slices, parallel: parallel,
    timeline: timeline, trialCurves: trialCurves };

  function draw(figure, data) {
    var host = figure.querySelector('.search-host');
    host.querySelectorAll('div').forEach(function (el) {
      var old = echarts.getInstanceByDom(el);
      if (old) {
        old.dispose();
      }
    });
    host.innerHTML = '';
    return DRAW[data.kind](host, data);
  }

  window.mnistSearch = { draw: draw };
  document.querySelectorAll('figure.search').forEach(function (figure) {
    var data = JSON.parse(figure.querySelector('script.search-data').textContent);
    draw(figure, data);
  });
})();
