package io.stratus.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DenseSlotsTest {

    @Test
    void freedSlotsGoToLaterIds() {
        DenseSlots slots = new DenseSlots();
        assertThat(slots.acquire(10)).isZero();
        assertThat(slots.acquire(11)).isEqualTo(1);
        assertThat(slots.release(10)).isZero();
        assertThat(slots.slotOf(10)).isEqualTo(DenseSlots.NONE);
        assertThat(slots.acquire(12)).isZero();
        assertThat(slots.highWater()).isEqualTo(2);
        assertThat(slots.release(99)).isEqualTo(DenseSlots.NONE);
        assertThatThrownBy(() -> slots.acquire(11)).isInstanceOf(IllegalStateException.class);
        assertThat(slots.slotOf(11)).isEqualTo(1);
        assertThat(slots.size()).isEqualTo(2);
    }

    /** Against a naive map: live ids keep distinct slots, and no more slots are made than the peak live count. */
    @Property(tries = 50, seed = "12")
    void slotsAreDistinctAndBoundedByThePeak(@ForAll @IntRange(min = 1, max = 400) int steps, @ForAll long seed) {
        DenseSlots slots = new DenseSlots();
        Map<Integer, Integer> live = new LinkedHashMap<>();
        Random random = new Random(seed);
        int nextId = 0;
        int peak = 0;
        for (int s = 0; s < steps; s++) {
            if (live.isEmpty() || random.nextInt(3) > 0) {
                int id = nextId++;
                live.put(id, slots.acquire(id));
            } else {
                List<Integer> ids = new ArrayList<>(live.keySet());
                int id = ids.get(random.nextInt(ids.size()));
                assertThat(slots.release(id)).isEqualTo(live.remove(id));
            }
            peak = Math.max(peak, live.size());
            assertThat(new HashSet<>(live.values())).hasSize(live.size());
            live.forEach((id, slot) -> assertThat(slots.slotOf(id)).isEqualTo(slot));
            assertThat(slots.highWater()).isEqualTo(peak);
            assertThat(slots.size()).isEqualTo(live.size());
        }
    }
}
