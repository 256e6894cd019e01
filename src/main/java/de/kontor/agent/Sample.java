package de.kontor.agent;

import java.util.Map;

/**
 * The values of one collection round: metric name to value, taken at {@code at} (seconds since the
 * epoch, the collecting machine's clock). Names are listed in {@link MetricNames}.
 */
public record Sample(long at, Map<String, Double> values) {

    public Sample {
        values = Map.copyOf(values);
    }
}
