package de.kontor.agent;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Sockets that connect to one Unix domain socket whatever address they are given, so that OkHttp can
 * speak HTTP to the Docker Engine over {@code /var/run/docker.sock}. Reads block without a socket
 * timeout: callers bound the whole call instead (closing the socket ends a blocked read).
 */
final class UnixSocketFactory extends SocketFactory {

    private final Path path;

    UnixSocketFactory(Path path) {
        this.path = path;
    }

    @Override
    public Socket createSocket() {
        return new UnixSocket(path);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected();
    }

    private Socket connected() throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    /** A {@link Socket} over a Unix domain {@link SocketChannel}. */
    private static final class UnixSocket extends Socket {

        private final Path path;
        private SocketChannel channel;
        private InputStream in;
        private OutputStream out;
        private volatile boolean closed;
        private boolean inputShut;
        private boolean outputShut;
        private int timeout;

        UnixSocket(Path path) {
            this.path = path;
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        @Override
        public void connect(SocketAddress endpoint, int connectTimeout) throws IOException {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                c.connect(UnixDomainSocketAddress.of(path));
            } catch (IOException e) {
                c.close();
                throw e;
            }
            channel = c;
            in = Channels.newInputStream(c);
            out = Channels.newOutputStream(c);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            requireConnected();
            return in;
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            requireConnected();
            return out;
        }

        private void requireConnected() throws IOException {
            if (channel == null || closed) {
                throw new IOException("not connected to " + path);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            if (channel != null) {
                channel.close();
            }
        }

        @Override
        public boolean isConnected() {
            return channel != null && channel.isConnected();
        }

        @Override
        public boolean isBound() {
            return channel != null;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void shutdownInput() throws IOException {
            inputShut = true;
            channel.shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            outputShut = true;
            channel.shutdownOutput();
        }

        @Override
        public boolean isInputShutdown() {
            return inputShut;
        }

        @Override
        public boolean isOutputShutdown() {
            return outputShut;
        }

        @Override
        public synchronized void setSoTimeout(int timeout) {
            this.timeout = timeout;
        }

        @Override
        public synchronized int getSoTimeout() {
            return timeout;
        }

        @Override
        public void setTcpNoDelay(boolean on) {
            // not a TCP socket
        }

        @Override
        public InetAddress getInetAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public InetAddress getLocalAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        }

        @Override
        public int getPort() {
            return 0;
        }

        @Override
        public int getLocalPort() {
            return 0;
        }

        @Override
        public String toString() {
            return "UnixSocket[" + path + "]";
        }
    }
}
