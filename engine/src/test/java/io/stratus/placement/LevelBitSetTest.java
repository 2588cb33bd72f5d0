package io.stratus.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Differential test: {@link LevelBitSet} against {@link BitSet} under seeded random adds and removes. */
class LevelBitSetTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 65, 4096, 4097, 300_000})
    void nextMatchesBitSet(int capacity) {
        SplittableRandom rnd = new SplittableRandom(capacity);
        LevelBitSet set = new LevelBitSet(capacity);
        BitSet reference = new BitSet();
        for (int op = 0; op < 20_000; op++) {
            int i = rnd.nextInt(capacity);
            if (rnd.nextBoolean()) {
                set.add(i);
                reference.set(i);
            } else {
                set.remove(i);
                reference.clear(i);
            }
            int from = rnd.nextInt(capacity + 1);
            assertThat(set.next(from)).as("next(%d) after op %d", from, op).isEqualTo(reference.nextSetBit(from));
        }
    }
}
