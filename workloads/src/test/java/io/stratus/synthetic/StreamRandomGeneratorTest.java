package io.stratus.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.RandomStream;
import org.junit.jupiter.api.Test;

class StreamRandomGeneratorTest {

    @Test
    void drawsComeFromTheStream() {
        RandomStream a = new RandomStream(11);
        RandomStream b = new RandomStream(11);
        StreamRandomGenerator generator = new StreamRandomGenerator(a);
        assertThat(generator.nextDouble()).isEqualTo(b.nextDouble());
        assertThat(generator.nextLong()).isEqualTo(b.nextLong());
        assertThat(generator.nextInt(10)).isEqualTo(b.nextInt(10));
    }

    @Test
    void reseedingIsRefused() {
        StreamRandomGenerator generator = new StreamRandomGenerator(new RandomStream(1));
        assertThatThrownBy(() -> generator.setSeed(5L)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("master seed");
        assertThatThrownBy(() -> generator.setSeed(5)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> generator.setSeed(new int[] {5})).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void gaussiansAreStandardNormal() {
        StreamRandomGenerator generator = new StreamRandomGenerator(new RandomStream(2));
        int n = 200_000;
        double sum = 0;
        double sumSquares = 0;
        int beyondTwo = 0;
        for (int i = 0; i < n; i++) {
            double g = generator.nextGaussian();
            sum += g;
            sumSquares += g * g;
            if (Math.abs(g) > 2) {
                beyondTwo++;
            }
        }
        assertThat(sum / n).isCloseTo(0, within(5 / Math.sqrt(n)));
        assertThat(sumSquares / n).isCloseTo(1, within(5 * Math.sqrt(2.0 / n)));
        assertThat(beyondTwo / (double) n).isCloseTo(0.0455, within(0.003));
    }

    @Test
    void otherDrawsStayInRange() {
        StreamRandomGenerator generator = new StreamRandomGenerator(new RandomStream(3));
        int trues = 0;
        for (int i = 0; i < 10_000; i++) {
            float f = generator.nextFloat();
            assertThat(f).isGreaterThanOrEqualTo(0f).isLessThan(1f);
            if (generator.nextBoolean()) {
                trues++;
            }
        }
        assertThat(trues).isBetween(4_700, 5_300);
        byte[] bytes = new byte[13];
        generator.nextBytes(bytes);
        assertThat(bytes).isNotEqualTo(new byte[13]);
        assertThatThrownBy(() -> generator.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
