package de.kontor.agent;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SampleBufferTest {

    private static Sample at(long t) {
        return new Sample(t, Map.of("cpu", (double) t));
    }

    @Test
    void whenFullTheOldestSamplesGiveWay() {
        SampleBuffer buffer = new SampleBuffer(3);
        for (long t = 1; t <= 5; t++) {
            buffer.add(at(t));
        }
        assertThat(buffer.oldest(10)).extracting(Sample::at).containsExactly(3L, 4L, 5L);
        assertThat(buffer.dropped()).isEqualTo(2);
    }

    @Test
    void samplesStayUntilTheirDeliveryIsConfirmed() {
        SampleBuffer buffer = new SampleBuffer(10);
        for (long t = 1; t <= 4; t++) {
            buffer.add(at(t));
        }
        List<Sample> batch = buffer.oldest(2);
        assertThat(buffer.size()).isEqualTo(4);
        buffer.remove(batch);
        assertThat(buffer.oldest(10)).extracting(Sample::at).containsExactly(3L, 4L);
    }

    @Test
    void samplesDroppedWhileABatchWasUnderwayAreNotRemovedTwice() {
        SampleBuffer buffer = new SampleBuffer(3);
        buffer.add(at(1));
        buffer.add(at(2));
        buffer.add(at(3));
        List<Sample> batch = buffer.oldest(2);
        buffer.add(at(4)); // pushes out sample 1 while the batch is on its way
        buffer.remove(batch);
        assertThat(buffer.oldest(10)).extracting(Sample::at).containsExactly(3L, 4L);
    }
}
