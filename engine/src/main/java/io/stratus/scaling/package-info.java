/**
 * EC2 Auto Scaling: groups that keep a desired number of instances within [min, max], launched
 * from a template with a purchase mix and balanced over zones, replaced when unhealthy or
 * interrupted (or, with capacity rebalancing, at the spot market's rebalance recommendation or
 * notice), and scaled by policies (target tracking, step, simple, scheduled, predictive). The group
 * decides each instance's purchase option and writes it on the launch spec; pricing only reads it.
 *
 * <p>Invariants: the desired capacity is always within [min, max]; live instances (pending or
 * in service) equal the desired capacity whenever launches find room, except briefly during
 * capacity rebalancing; policies decide and the group applies; warming instances are never in
 * the group's metrics.
 *
 * <p>Wiring a web service (the order matters only where noted):
 * <pre>{@code
 * CompletionFanout completions = new CompletionFanout();
 * CpuSharing cpus = new CpuSharing(sim, completions);            // completions: latency, target groups
 * Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);       // a PlacementRegistry name
 * TargetGroup tg = new TargetGroup(sim, "web", 80, cpus,
 *         RoutingAlgorithms.create("least-outstanding-requests", sim.random().stream("web/routing")),
 *         HealthCheckSettings.albDefaults(), TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
 * fleet.addListener(tg);                                         // before the group
 * completions.add(latency).add(tg);
 * LoadBalancer alb = new LoadBalancer("web-alb");
 * alb.addListener(443, "HTTPS", tg);                             // alb is the RequestSink
 * CloudWatch cw = new CloudWatch(sim, CloudWatch.DEFAULT_PERIOD);
 * AutoScalingGroup asg = new AutoScalingGroup(sim, "web", fleet,
 *         GroupSettings.of(2, 2, 20, List.of(0, 1)).withWarmup(Time.seconds(120)),
 *         new LaunchTemplate(List.of(m5large, m5alarge), boot, shutdown),
 *         InstancesDistribution.spot(2, 70), List.of(tg));
 * SpotMarket.attach(sim, fleet, SpotModel.bundled()).addListener(asg); // capacity rebalancing, if on
 * GroupMetrics metrics = new GroupMetrics(cw, asg, cpus, tg, null);
 * asg.addPolicy(TargetTrackingPolicy.aws(metrics.cpuUtilization(), Statistic.AVERAGE, 60));
 * asg.start();
 * }</pre>
 *
 * <p>{@link io.stratus.scaling.FixedFleet} keeps a fixed number of instances without policies,
 * replacing one that leaves running unasked, as a group with min = max = desired would.
 */
package io.stratus.scaling;
