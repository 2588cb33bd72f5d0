package io.stratus.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Architecture;
import io.stratus.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked Lambda and Fargate bills from the bundled us-east-1 price table
 * ({@code serverless-prices-us-east-1.properties}): requests $0.20 per million; duration
 * $0.0000166667 (x86) / $0.0000133334 (arm64) per GB-second; Provisioned Concurrency
 * $0.0000041667 per GB-second configured and $0.0000097222 per GB-second run on it (x86);
 * Fargate $0.04048 per vCPU-hour and $0.004445 per GB-hour (x86), one-minute minimum, Spot 70% off.
 */
class ServerlessChargesTest {

    private static final ServerlessPrices P = ServerlessPrices.bundled();

    @Test
    void threeMillionArmInvocationsOf120MsAt1536Mb() {
        // 3,000,000 x 0.120 s x 1.5 GB = 540,000 GB-s x $0.0000133334 = $7.200036; requests 3 x $0.20 = $0.60.
        List<Charge> lines = LambdaCharges.of(P, "api", Architecture.ARM64,
                new LambdaUsage(3_000_000, 3_000_000 * 0.120 * 1.5, 0, 0));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).costUsd()).isCloseTo(0.60, within(1e-12));
        assertThat(lines.get(1).quantity()).isCloseTo(540_000, within(1e-6));
        assertThat(lines.get(1).costUsd()).isCloseTo(7.200036, within(1e-9));
        assertThat(lines.get(1).kind()).isEqualTo(ChargeKind.LAMBDA);
    }

    @Test
    void provisionedConcurrencyIsRoundedUpToFiveMinutesAndItsDurationHasItsOwnRate() {
        // 10 environments x 1 GB enabled 1 h 2 min -> rounded to 65 min = 3,900 s -> 39,000 GB-s
        // x $0.0000041667 = $0.1625013; 200,000 invocations of 50 ms at 1 GB on it: 10,000 GB-s
        // x $0.0000097222 = $0.097222; requests 0.2 x $0.20 = $0.04.
        double configured = LambdaCharges.provisionedGbSeconds(P, 10, 1024, 62 * Time.MINUTE);
        assertThat(configured).isCloseTo(39_000, within(1e-9));
        List<Charge> lines = LambdaCharges.of(P, "api", Architecture.X86_64,
                new LambdaUsage(200_000, 0, 200_000 * 0.050, configured));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).costUsd()).isCloseTo(0.04, within(1e-12));
        assertThat(lines.get(1).costUsd()).isZero();
        assertThat(lines.get(2).costUsd()).isCloseTo(0.1625013, within(1e-9));
        assertThat(lines.get(3).costUsd()).isCloseTo(0.097222, within(1e-9));
    }

    @Test
    void fargateTasksPayAtLeastAMinuteAndSpotSeventyPercentLess() {
        // a 45 s task is billed 60 s; a task of 1 h 0 min 30.2 s is billed 3,631 s.
        assertThat(FargateCharges.billedSeconds(P, 45 * Time.SECOND)).isEqualTo(60);
        assertThat(FargateCharges.billedSeconds(P, 3_630_200_000L)).isEqualTo(3_631);
        // 0.5 vCPU, 1 GB: on demand 60 + 3,631 = 3,691 s = 1.025278 h:
        //   vCPU 0.5 x 1.025278 = 0.512639 vCPU-h x $0.04048 = $0.020752; memory 1.025278 GB-h x $0.004445 = $0.004557
        // Spot 7,200 s = 2 h: 1 vCPU-h x $0.012144 = $0.012144; 2 GB-h x $0.0013335 = $0.002667.
        List<Charge> lines = FargateCharges.of(P, "api", Architecture.X86_64, 0.5, 1, 3_691, 7_200);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).costUsd()).isCloseTo(0.5 * 3_691 / 3600.0 * 0.04048, within(1e-12));
        assertThat(lines.get(0).costUsd()).isCloseTo(0.020752, within(1e-6));
        assertThat(lines.get(1).costUsd()).isCloseTo(0.004557, within(1e-6));
        assertThat(lines.get(2).usdPerUnit()).isCloseTo(0.012144, within(1e-12));
        assertThat(lines.get(2).costUsd()).isCloseTo(0.012144, within(1e-12));
        assertThat(lines.get(3).costUsd()).isCloseTo(0.002667, within(1e-12));
        assertThat(FargateCharges.of(P, "api", Architecture.ARM64, 1, 2, 3_600, 0))
                .extracting(Charge::costUsd).containsExactly(0.03238, 0.00712);
    }
}
