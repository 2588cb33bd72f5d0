/**
 * Synthetic workload generators, all drawing from seeded {@link io.stratus.sim.RandomStream}s:
 * rate profiles for non-homogeneous Poisson arrivals with daily and weekly cycles ({@link
 * io.stratus.synthetic.HourlyRate}, {@link io.stratus.synthetic.WeeklyCycleRate}, sampled by the
 * engine's {@link io.stratus.workload.PoissonArrivals}), bursty Markov-modulated Poisson arrivals
 * ({@link io.stratus.synthetic.MmppModel}, {@link io.stratus.synthetic.MarkovModulatedArrivals}),
 * and service-demand distributions, heavy-tailed ones included ({@link
 * io.stratus.synthetic.SizeDistributions}), over Commons Math through {@link
 * io.stratus.synthetic.StreamRandomGenerator}, and empirical ones from percentile tables ({@link
 * io.stratus.synthetic.PiecewiseLinearQuantiles}; the Azure Functions durations mixed minute by
 * minute by {@link io.stratus.synthetic.FunctionDurationDemand}).
 *
 * <p>Invariants: the same seed and stream name give the same numbers; no generator reads the
 * wall clock or reseeds a stream; each model's Javadoc states its assumptions and a test checks it
 * against theory (means, variances, stationary rates).
 */
package io.stratus.synthetic;
