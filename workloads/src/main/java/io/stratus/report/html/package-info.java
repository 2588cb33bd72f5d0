/**
 * Self-contained HTML reports ({@code summary.html}, {@code compare.html}, {@code sweep.html}):
 * one file each, readable offline, with the chart library (Apache ECharts, from its Maven webjar)
 * and every chart's data inlined. The pages are a function of their data alone (no clock, no
 * random identifiers), so the same results give byte-identical pages.
 */
package io.stratus.report.html;
