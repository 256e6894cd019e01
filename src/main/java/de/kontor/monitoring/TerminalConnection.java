package de.kontor.monitoring;

/**
 * A terminal on a node, open in one page: what the user types and the window's size go to the node's
 * agent in order; the output comes to the {@link Listener} given when it was opened. Closing it (or
 * leaving the page) ends the shell on the node.
 */
public interface TerminalConnection extends AutoCloseable {

    /** The id of the {@code terminal open} action; the audit entries of the session carry it. */
    long actionId();

    /** Keystrokes as the browser's terminal encodes them ({@code \r} for Enter). */
    void input(String data);

    void resize(int columns, int rows);

    /** Whether the session still runs. */
    boolean isOpen();

    @Override
    void close();

    /** Where the output goes; called on a request thread of the agent's, so a page hands it to its UI. */
    interface Listener {

        /** The next chunk of output (raw bytes; a chunk may end inside a UTF-8 character). */
        void output(byte[] data);

        /** The session ended: the shell exited, the connection to the node was lost, or it was closed. */
        void closed(String reason);
    }
}
