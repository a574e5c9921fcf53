// Draws each curves chart of an mnist-lab report with ECharts, from the JSON inlined next
// to it: one panel per metric, per trial a mean line over a translucent band. The band is
// ECharts' stacked-area trick: an invisible line at the lows, then an area of height
// (high - low) stacked on it. Colours match the PNG charts (Tableau 10).
(function () {
  'use strict';
  var PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
    '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

  function present(value) {
    return value !== null && value !== undefined;
  }

  function format(value) {
    return present(value) ? Number(value).toPrecision(4) : '\u2014';
  }

  function options(panel) {
    var epochs = 0;
    panel.trials.forEach(function (trial) {
      epochs = Math.max(epochs, trial.mean.length);
    });
    var categories = [];
    for (var e = 1; e <= epochs; e++) {
      categories.push(String(e));
    }
    var series = [];
    var names = [];
    var hasData = false;
    panel.trials.forEach(function (trial, t) {
      var colour = PALETTE[t % PALETTE.length];
      // A band needs both ends; where either is missing, both stack layers get a gap.
      var lows = trial.low.map(function (low, i) {
        return present(low) && present(trial.high[i]) ? low : null;
      });
      var widths = trial.low.map(function (low, i) {
        return present(low) && present(trial.high[i]) ? trial.high[i] - low : null;
      });
      hasData = hasData || trial.mean.some(present);
      names.push(trial.name);
      series.push({
        name: trial.name, type: 'line', stack: 'band' + t, data: lows, symbol: 'none',
        silent: true, lineStyle: { opacity: 0 }, itemStyle: { color: colour }
      });
      series.push({
        name: trial.name, type: 'line', stack: 'band' + t, data: widths, symbol: 'none',
        silent: true, lineStyle: { opacity: 0 }, itemStyle: { color: colour },
        areaStyle: { color: colour, opacity: 0.2 }
      });
      series.push({
        name: trial.name, type: 'line', data: trial.mean, symbol: 'circle', symbolSize: 6,
        itemStyle: { color: colour }, lineStyle: { color: colour, width: 2 },
        band: { low: trial.low, high: trial.high }
      });
    });
    return {
      animation: false,
      title: {
        text: panel.title, subtext: hasData ? '' : 'no data', left: 'center',
        textStyle: { fontSize: 14 }
      },
      tooltip: {
        trigger: 'axis',
        formatter: function (params) {
          var lines = ['epoch ' + (params.length ? params[0].axisValue : '')];
          params.forEach(function (p) {
            if (p.seriesIndex % 3 !== 2 || !present(p.value)) {
              return;
            }
            var band = series[p.seriesIndex].band;
            var name = echarts.format.encodeHTML(p.seriesName);
            lines.push(p.marker + name + ': ' + format(p.value) + ' [' +
              format(band.low[p.dataIndex]) + ', ' + format(band.high[p.dataIndex]) + ']');
          });
          return lines.join('<br>');
        }
      },
      legend: { data: names, top: 26, type: 'scroll' },
      grid: { left: 16, right: 24, top: 64, bottom: 36, containLabel: true },
      xAxis: {
        type: 'category', data: categories, boundaryGap: false, name: 'epoch',
        nameLocation: 'middle', nameGap: 26
      },
      yAxis: { type: 'value', scale: true, name: panel.axis },
      series: series
    };
  }

  document.querySelectorAll('figure.curves').forEach(function (figure) {
    var data = JSON.parse(figure.querySelector('script.curves-data').textContent);
    var elements = figure.querySelectorAll('.panel');
    data.panels.forEach(function (panel, p) {
      var chart = echarts.init(elements[p], null, { renderer: 'canvas' });
      chart.setOption(options(panel));
      window.addEventListener('resize', function () {
        chart.resize();
      });
    });
  });
})();
