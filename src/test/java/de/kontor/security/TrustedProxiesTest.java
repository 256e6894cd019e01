package de.kontor.security;

import de.kontor.IntegrationTest;
import de.kontor.RawHttp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behind a reverse proxy ({@code KONTOR_FORWARD_HEADERS=native}) only the configured proxies may name the
 * client with {@code X-Forwarded-For}: a Tomcat configured the way Kontor configures its own (same
 * properties, forward headers on), asked what client address a request has.
 */
class TrustedProxiesTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    TomcatServerProperties tomcat;

    @Autowired
    TrustedProxies trustedProxies;

    WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void onlyTheConfiguredProxyMayNameTheClient() throws Exception {
        int port = startEchoingTheClientAddress();

        // The default trusted proxy is the loopback address 127.0.0.1 (a proxy on the same machine).
        assertThat(clientAddressSeen(InetAddress.getByName("127.0.0.1"), port)).isEqualTo("203.0.113.7");
        // Another address, private as it is, cannot rotate X-Forwarded-For to escape per-address limits.
        assertThat(clientAddressSeen(InetAddress.getByName("127.0.0.2"), port)).isEqualTo("127.0.0.2");
    }

    @Test
    void plainAddressesMeanThatAddressAndNonsenseStopsTheStart() {
        assertThat(TrustedProxies.cidrs(List.of("10.0.0.5", " ::1 ", "192.168.0.0/16")))
                .isEqualTo("10.0.0.5/32,::1/128,192.168.0.0/16");
        assertThatThrownBy(() -> TrustedProxies.cidrs(List.of("proxy.example.org")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KONTOR_TRUSTED_PROXIES");
    }

    private String clientAddressSeen(InetAddress from, int port) {
        var answer = RawHttp.send(
                from,
                port,
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().strip();
    }

    private int startEchoingTheClientAddress() {
        ServerProperties serverProperties = new ServerProperties();
        serverProperties.setForwardHeadersStrategy(ServerProperties.ForwardHeadersStrategy.NATIVE);
        var factory = new TomcatServletWebServerFactory(0);
        new TomcatWebServerFactoryCustomizer(environment, serverProperties, tomcat, new WebProperties())
                .customize(factory);
        trustedProxies.customize(factory);
        server = factory.getWebServer(context -> context.addServlet("echo", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.setContentType("text/plain");
                        response.setContentLength(request.getRemoteAddr().length());
                        response.getWriter().write(request.getRemoteAddr());
                    }
                })
                .addMapping("/"));
        server.start();
        return server.getPort();
    }
}
