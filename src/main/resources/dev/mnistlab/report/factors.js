// Draws each factor chart and heatmap of an mnist-lab report with ECharts, from the JSON
// inlined next to it. On a numeric (or log) x axis a series is a mean line over a band, the
// band a polygon drawn by a custom series so that it follows a log axis too; on a
// categorical axis a series is markers with error bars. A heatmap colours each cell by its
// value through a visualMap and writes the cell's text; a cell without a value is grey with
// its text. Colours match the PNG charts (Tableau 10).
(function () {
  'use strict';
  var PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
    '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
  var BLUES = ['#eef3fa', '#4e79a7', '#1d3557'];

  function present(value) {
    return value !== null && value !== undefined;
  }

  function format(value) {
    return present(value) ? Number(value).toPrecision(4) : '\u2014';
  }

  function tick(value) {
    var v = Number(value);
    if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) {
      return v.toExponential(0);
    }
    return String(Number(v.toPrecision(4)));
  }

  function encode(text) {
    return echarts.format.encodeHTML(String(text));
  }

  // The x coordinate of point i: its number, or its index on a categorical axis.
  function xOf(chart, i) {
    return chart.xs.length ? chart.xs[i] : i;
  }

  function hasBand(series, i) {
    return present(series.low[i]) && present(series.high[i]) && series.high[i] > series.low[i];
  }

  // A closed polygon along the highs and back along the lows.
  function band(chart, series, colour) {
    var upper = [];
    var lower = [];
    series.mean.forEach(function (mean, i) {
      if (hasBand(series, i)) {
        upper.push([xOf(chart, i), series.high[i]]);
        lower.unshift([xOf(chart, i), series.low[i]]);
      }
    });
    if (upper.length < 2) {
      return null;
    }
    var polygon = upper.concat(lower);
    // Every corner is a data item so that the y axis's extent covers the band; the polygon
    // itself is drawn once, for the first item.
    return {
      type: 'custom', silent: true, z: 1, data: polygon,
      renderItem: function (params, api) {
        if (params.dataIndex !== 0) {
          return null;
        }
        return {
          type: 'polygon',
          shape: { points: polygon.map(function (p) { return api.coord(p); }) },
          style: { fill: colour, opacity: 0.2 }
        };
      }
    };
  }

  function errorBars(chart, series, colour) {
    var data = [];
    series.mean.forEach(function (mean, i) {
      if (present(mean) && hasBand(series, i)) {
        data.push([i, series.low[i], series.high[i]]);
      }
    });
    return {
      type: 'custom', silent: true, z: 3, data: data, encode: { x: 0, y: [1, 2] },
      renderItem: function (params, api) {
        var low = api.coord([api.value(0), api.value(1)]);
        var high = api.coord([api.value(0), api.value(2)]);
        var style = { stroke: colour, lineWidth: 1.5 };
        function line(x1, y1, x2, y2) {
          return { type: 'line', shape: { x1: x1, y1: y1, x2: x2, y2: y2 }, style: style };
        }
        return {
          type: 'group',
          children: [line(low[0], low[1], high[0], high[1]),
            line(low[0] - 5, low[1], low[0] + 5, low[1]),
            line(high[0] - 5, high[1], high[0] + 5, high[1])]
        };
      }
    };
  }

  function factorOptions(chart, panel) {
    var numeric = chart.xs.length > 0;
    var series = [];
    var names = [];
    var hasData = false;
    panel.series.forEach(function (s, k) {
      var colour = PALETTE[k % PALETTE.length];
      var points = [];
      s.mean.forEach(function (mean, i) {
        if (present(mean)) {
          points.push({ value: [xOf(chart, i), mean], name: chart.labels[i],
            band: [s.low[i], s.high[i]] });
        }
      });
      hasData = hasData || points.length > 0;
      names.push(s.name);
      var extra = numeric ? band(chart, s, colour) : errorBars(chart, s, colour);
      if (extra) {
        series.push(extra);
      }
      series.push({
        name: s.name, type: numeric ? 'line' : 'scatter', data: points, z: 2,
        symbol: 'circle', symbolSize: numeric ? 6 : 9, itemStyle: { color: colour },
        lineStyle: { color: colour, width: 2 }
      });
    });
    var xAxis = numeric
      ? { type: chart.log ? 'log' : 'value', logBase: 10, scale: true,
        axisLabel: { formatter: tick } }
      : { type: 'category', data: chart.labels };
    xAxis.name = chart.xAxis;
    xAxis.nameLocation = 'middle';
    xAxis.nameGap = 26;
    return {
      animation: false,
      title: {
        text: panel.title, subtext: hasData ? '' : 'no data', left: 'center',
        textStyle: { fontSize: 14 }
      },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          if (!p.data || !p.data.band) {
            return '';
          }
          return p.marker + encode(p.seriesName) + '<br>' + encode(chart.xAxis) + ' ' +
            encode(p.data.name) + ': ' + format(p.data.value[1]) + ' [' +
            format(p.data.band[0]) + ', ' + format(p.data.band[1]) + ']';
        }
      },
      legend: { data: names, top: 26, type: 'scroll' },
      grid: { left: 16, right: 24, top: 64, bottom: 36, containLabel: true },
      xAxis: xAxis,
      yAxis: { type: 'value', scale: true, name: panel.axis },
      series: series
    };
  }

  function heatmapOptions(h) {
    var finite = [];
    var cells = [];
    var missing = [];
    h.rows.forEach(function (row, r) {
      h.columns.forEach(function (column, c) {
        var v = h.values[r][c];
        if (present(v)) {
          finite.push(v);
          cells.push({ value: [c, r, v], text: h.cells[r][c] });
        } else {
          missing.push({ value: [c, r], text: h.cells[r][c] });
        }
      });
    });
    var min = finite.length ? Math.min.apply(null, finite) : 0;
    var max = finite.length ? Math.max.apply(null, finite) : 1;
    if (max === min) {
      max = min + 1e-9;
    }
    cells.forEach(function (cell) {
      // Dark cells get white text.
      cell.label = { color: cell.value[2] > min + 0.55 * (max - min) ? '#fff' : '#222' };
    });
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return encode(h.rowAxis + ' ' + h.rows[p.data.value[1]] + ', ' + h.columnAxis + ' ' +
            h.columns[p.data.value[0]] + ': ' + p.data.text);
        }
      },
      grid: { left: 16, right: 24, top: 36, bottom: 72, containLabel: true },
      xAxis: { type: 'category', data: h.columns, name: h.columnAxis, nameLocation: 'middle',
        nameGap: 26, splitArea: { show: true } },
      // inverse puts the first row on top; the axis's start is then at the top too.
      yAxis: { type: 'category', data: h.rows, name: h.rowAxis, nameLocation: 'start',
        inverse: true, splitArea: { show: true } },
      visualMap: {
        min: min, max: max, seriesIndex: 0, calculable: false, orient: 'horizontal',
        left: 'center', bottom: 0, precision: 4, text: [format(max), format(min)],
        inRange: { color: BLUES }
      },
      series: [{
        type: 'heatmap', data: cells,
        label: { show: true, formatter: function (p) { return p.data.text; } }
      }, {
        type: 'custom', data: missing, encode: { x: 0, y: 1 },
        renderItem: function (params, api) {
          var centre = api.coord([api.value(0), api.value(1)]);
          var size = api.size([1, 1]);
          return {
            type: 'group',
            children: [{
              type: 'rect',
              shape: { x: centre[0] - size[0] / 2, y: centre[1] - size[1] / 2,
                width: size[0], height: size[1] },
              style: { fill: '#e0e0e0' }
            }, {
              type: 'text',
              style: { text: missing[params.dataIndex].text, x: centre[0], y: centre[1],
                align: 'center', verticalAlign: 'middle', fill: '#555' }
            }]
          };
        }
      }]
    };
  }

  function draw(element, options) {
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(options);
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  document.querySelectorAll('figure.factor').forEach(function (figure) {
    var data = JSON.parse(figure.querySelector('script.factor-data').textContent);
    var elements = figure.querySelectorAll('.panel');
    data.panels.forEach(function (panel, p) {
      draw(elements[p], factorOptions(data, panel));
    });
  });

  document.querySelectorAll('figure.heatmap').forEach(function (figure) {
    var data = JSON.parse(figure.querySelector('script.heatmap-data').textContent);
    draw(figure.querySelector('.heat'), heatmapOptions(data));
  });
})();
