package de.kontor.monitoring;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback that answers every request with a status tests can change. */
final class WebhookReceiver implements AutoCloseable {

    final MockWebServer server = new MockWebServer();
    final AtomicInteger status = new AtomicInteger(200);

    WebhookReceiver() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(status.get()).body("ok").build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return server.url(path).toString();
    }

    /** The next request that arrived (they arrive before the evaluation that sent them returns). */
    RecordedRequest next() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no webhook call arrived");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int count() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
