/* Stratus HTML report: draws the charts described in #stratus-charts with ECharts (inlined above). */
(function () {
  'use strict';
  var errors = [];
  function fail(message) {
    errors.push(String(message));
    document.body.setAttribute('data-errors', errors.join(' | '));
    var box = document.getElementById('errors');
    box.hidden = false;
    box.textContent = errors.join('\n');
  }
  window.addEventListener('error', function (e) { fail(e.message); });
  var consoleError = console.error;
  console.error = function () { fail(Array.prototype.join.call(arguments, ' ')); consoleError.apply(console, arguments); };

  function number(v, options) { return Number(v).toLocaleString('en-US', options); }
  var UNITS = {
    usd: function (v) {
      return (v < 0 ? '-$' : '$') + number(Math.abs(v), Math.abs(v) >= 1 || v === 0
        ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 });
    },
    ms: function (v) { return number(v, { maximumFractionDigits: v >= 100 ? 0 : v >= 10 ? 1 : 3 }) + ' ms'; },
    percent: function (v) { return number(v, { maximumFractionDigits: 1 }) + '%'; },
    count: function (v) { return number(v, { maximumFractionDigits: 1 }); },
    per_second: function (v) { return number(v, { maximumFractionDigits: v >= 100 ? 0 : 2 }) + '/s'; },
    plain: function (v) { return number(v, { maximumSignificantDigits: 4 }); }
  };
  function formatter(unit) {
    var f = UNITS[unit] || UNITS.plain;
    return function (v) { return v === null || v === undefined || v === '-' ? '-' : f(v); };
  }

  /* Sampled pixels: drawn (not transparent) and coloured (a series colour, not a grey of axes or text). */
  function ink(element) {
    var canvas = element.querySelector('canvas');
    if (!canvas) { return [0, 0]; }
    var d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    var drawn = 0, coloured = 0;
    for (var i = 0; i < d.length; i += 4 * 3) {
      if (d[i + 3] > 0) {
        drawn++;
        if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 40) { coloured++; }
      }
    }
    return [drawn, coloured];
  }

  function draw(spec) {
    var element = document.getElementById(spec.id);
    var option = spec.option;
    var axes = [].concat(option[spec.valueAxis + 'Axis']);
    axes.forEach(function (axis, i) {
      axis.axisLabel = axis.axisLabel || {};
      axis.axisLabel.formatter = formatter(spec.units[i] || spec.units[0]);
    });
    (option.series || []).forEach(function (series) {
      var f = formatter(spec.units[series.yAxisIndex || 0] || spec.units[0]);
      /* a bar cut at the axis's end carries its value as data.actual */
      function text(p) {
        var cut = p.data && p.data.actual !== undefined;
        return f(cut ? p.data.actual : Array.isArray(p.value) ? p.value[1] : p.value) + (cut ? ' (off scale)' : '');
      }
      series.tooltip = series.type === 'bar'
        ? { formatter: function (p) { return p.marker + p.name + ': ' + text(p); } }
        : { valueFormatter: f };
      if (series.label && series.label.show) {
        series.label.formatter = text;
      }
    });
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.on('finished', function done() {
      chart.off('finished', done);
      var counts = ink(element);
      element.setAttribute('data-drawn', counts[0]);
      element.setAttribute('data-coloured', counts[1]);
    });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  try {
    JSON.parse(document.getElementById('stratus-charts').textContent).forEach(draw);
  } catch (e) {
    fail(e && e.stack ? e.stack : e);
  }
}());
