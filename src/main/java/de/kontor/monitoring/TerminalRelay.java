package de.kontor.monitoring;

import de.kontor.agent.Protocol.TerminalEvent;
import de.kontor.agent.Protocol.TerminalInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open terminal streams of this Kontor: keystrokes from a page wait here until the node's agent fetches
 * them, output the agent posts goes straight to the page. A stream lives in this Kontor's memory, so the
 * page and the agent's requests must reach the same Kontor (in a cluster: the agent's server address
 * names one Kontor, or the balancer keeps an agent on one).
 */
@Component
class TerminalRelay {

    private static final System.Logger log = System.getLogger(TerminalRelay.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long FORGET_NANOS = Duration.ofMinutes(30).toNanos();

    private final Map<String, Relay> relays = new ConcurrentHashMap<>();

    /** A new stream for a terminal the user is about to open on the node. */
    Relay open(long nodeId, String nodeName, String user, TerminalConnection.Listener listener) {
        long now = System.nanoTime();
        // the agent reports every stream's end; these are streams whose agent never came back
        relays.values().removeIf(r -> now - r.lastContact > FORGET_NANOS);
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        Relay relay = new Relay(HexFormat.of().formatHex(bytes), nodeId, nodeName, user, listener);
        relays.put(relay.stream, relay);
        return relay;
    }

    /** The node's stream by its name; empty for another node's. */
    Optional<Relay> find(long nodeId, String stream) {
        Relay relay = relays.get(stream);
        return relay != null && relay.nodeId == nodeId ? Optional.of(relay) : Optional.empty();
    }

    void remove(Relay relay) {
        relays.remove(relay.stream);
    }

    /** One terminal's stream: the user's side as a {@link TerminalConnection}, the agent's side beside it. */
    static final class Relay implements TerminalConnection {

        final String stream;
        final long nodeId;
        final String nodeName;
        final String user;
        private final TerminalConnection.Listener listener;
        private final List<TerminalEvent> events = new ArrayList<>();
        private long nextSeq = 1;
        private long lastOutput;
        private boolean closing;
        private volatile boolean ended;
        private volatile long actionId;
        private volatile long lastContact = System.nanoTime();

        Relay(String stream, long nodeId, String nodeName, String user, TerminalConnection.Listener listener) {
            this.stream = stream;
            this.nodeId = nodeId;
            this.nodeName = nodeName;
            this.user = user;
            this.listener = listener;
        }

        void actionId(long id) {
            this.actionId = id;
        }

        @Override
        public long actionId() {
            return actionId;
        }

        @Override
        public void input(String data) {
            if (!data.isEmpty()) {
                add(data, null, null);
            }
        }

        @Override
        public void resize(int columns, int rows) {
            add(null, Math.clamp(columns, 1, 1000), Math.clamp(rows, 1, 1000));
        }

        private synchronized void add(@Nullable String data, @Nullable Integer columns, @Nullable Integer rows) {
            if (closing || ended) {
                return;
            }
            events.add(new TerminalEvent(nextSeq++, data, columns, rows));
            notifyAll();
        }

        @Override
        public boolean isOpen() {
            synchronized (this) {
                return !closing && !ended;
            }
        }

        @Override
        public synchronized void close() {
            closing = true;
            notifyAll();
        }

        /**
         * The events after {@code after} (those up to it the agent has applied, so they are dropped), waiting
         * up to {@code wait} for one; closed once the user left.
         */
        synchronized TerminalInput await(long after, Duration wait) throws InterruptedException {
            lastContact = System.nanoTime();
            events.removeIf(e -> e.seq() <= after);
            long deadline = System.nanoTime() + wait.toNanos();
            while (events.isEmpty() && !closing) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
            return new TerminalInput(List.copyOf(events), closing);
        }

        /**
         * Hands the chunk with this number to the page unless it came already (the agent sends a chunk
         * again when it did not see the answer); true when the user left.
         */
        synchronized boolean output(long seq, byte[] data) {
            lastContact = System.nanoTime();
            if (seq > lastOutput && data.length > 0) {
                lastOutput = seq;
                try {
                    listener.output(data);
                } catch (RuntimeException e) {
                    log.log(Level.WARNING, "A terminal page did not take output: " + e);
                }
            }
            return closing;
        }

        /** The agent reported the end; tells the page once. */
        void ended(String reason) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                notifyAll();
            }
            try {
                listener.closed(reason);
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "A terminal page did not take its end: " + e);
            }
        }
    }
}
