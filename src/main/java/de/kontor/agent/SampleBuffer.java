package de.kontor.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples not yet delivered, oldest first, bounded: when full, the oldest are dropped (and counted) so a
 * long outage costs the oldest history, never the agent's memory.
 */
final class SampleBuffer {

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final int capacity;
    private long dropped;

    SampleBuffer(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(Sample sample) {
        if (samples.size() >= capacity) {
            samples.removeFirst();
            dropped++;
        }
        samples.addLast(sample);
    }

    /** Up to {@code max} of the oldest samples, left in the buffer until {@link #remove} confirms them. */
    synchronized List<Sample> oldest(int max) {
        List<Sample> batch = new ArrayList<>(Math.min(max, samples.size()));
        for (Sample s : samples) {
            if (batch.size() >= max) {
                break;
            }
            batch.add(s);
        }
        return batch;
    }

    /** Removes delivered samples (those still first in the buffer; dropped ones are skipped). */
    synchronized void remove(List<Sample> delivered) {
        for (Sample s : delivered) {
            if (!samples.isEmpty() && samples.peekFirst() == s) {
                samples.removeFirst();
            }
        }
    }

    synchronized int size() {
        return samples.size();
    }

    synchronized long dropped() {
        return dropped;
    }
}
