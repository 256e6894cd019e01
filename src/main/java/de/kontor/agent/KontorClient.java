package de.kontor.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.kontor.agent.Protocol.Answer;
import de.kontor.agent.Protocol.Report;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Posts reports to Kontor. TLS is verified as usual (system trust store, host name); with pins, the
 * server's certificate chain must contain a key with one of the pinned hashes instead, which also lets
 * a self-signed certificate through.
 */
final class KontorClient {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final URI server;
    private final String token;
    private final OkHttpClient http;
    private volatile @Nullable Call polling;

    /** Kontor refused the node token (unknown, replaced or archived node): retrying will not help. */
    static final class Refused extends IOException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Kontor rejected this report's content: sending it again will not help. */
    static final class Rejected extends IOException {
        Rejected(String message) {
            super(message);
        }
    }

    KontorClient(URI server, String token, List<String> pins) {
        this.server = server;
        this.token = token;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60));
        if (!pins.isEmpty()) {
            PinningTrust trust = new PinningTrust(pins);
            builder.sslSocketFactory(trust.socketFactory(), trust).hostnameVerifier(trust);
        }
        this.http = builder.build();
    }

    Answer report(Report report) throws IOException {
        Request request = new Request.Builder()
                .url(server + Protocol.REPORT_PATH)
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "kontor-agent/" + Agent.VERSION)
                .post(RequestBody.create(JSON.writeValueAsBytes(report), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            String body = response.body().string();
            if (code == 401 || code == 403) {
                throw new Refused(code, "Kontor refused the node token (" + code + "): " + body);
            }
            if (code == 400 || code == 413 || code == 422) {
                throw new Rejected("Kontor rejected a report (" + code + "): " + body);
            }
            if (!response.isSuccessful()) {
                throw new IOException("Kontor answered " + code);
            }
            return JSON.readValue(body, Answer.class);
        }
    }

    /** Kontor's command key and this node's id (over the same verified TLS as the reports). */
    Protocol.CommandKey commandKey() throws IOException {
        return JSON.readValue(get(http, Protocol.COMMAND_KEY_PATH, false), Protocol.CommandKey.class);
    }

    /** The commands waiting, after waiting up to {@code waitSeconds} for one to come. */
    List<String> commands(int waitSeconds) throws IOException {
        OkHttpClient longPoll = http.newBuilder()
                .readTimeout(Duration.ofSeconds(waitSeconds + 15L))
                .callTimeout(Duration.ofSeconds(waitSeconds + 30L))
                .build();
        Protocol.Commands commands = JSON.readValue(
                get(longPoll, Protocol.COMMANDS_PATH + "?wait=" + waitSeconds, true), Protocol.Commands.class);
        return commands.commands() == null ? List.of() : commands.commands();
    }

    void result(long id, Protocol.CommandResult result) throws IOException {
        Request request = new Request.Builder()
                .url(server + Protocol.RESULT_PATH.replace("{id}", Long.toString(id)))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "kontor-agent/" + Agent.VERSION)
                .post(RequestBody.create(JSON.writeValueAsBytes(result), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful() && response.code() != 409) {
                throw new IOException("Kontor answered " + response.code() + " to a command result");
            }
        }
    }

    /** Input for a terminal stream after the {@code after}-th event, waiting up to {@code waitSeconds}. */
    Protocol.TerminalInput terminalInput(String stream, long after, int waitSeconds) throws IOException {
        OkHttpClient longPoll = http.newBuilder()
                .readTimeout(Duration.ofSeconds(waitSeconds + 5L))
                .callTimeout(Duration.ofSeconds(waitSeconds + 10L))
                .build();
        String path =
                Protocol.TERMINAL_INPUT_PATH.replace("{stream}", stream) + "?after=" + after + "&wait=" + waitSeconds;
        return JSON.readValue(get(longPoll, path, false), Protocol.TerminalInput.class);
    }

    Protocol.TerminalAck terminalOutput(String stream, Protocol.TerminalOutput output) throws IOException {
        return JSON.readValue(
                post(Protocol.TERMINAL_OUTPUT_PATH.replace("{stream}", stream), output), Protocol.TerminalAck.class);
    }

    void terminalClosed(String stream, Protocol.TerminalClosed closed) throws IOException {
        post(Protocol.TERMINAL_CLOSED_PATH.replace("{stream}", stream), closed);
    }

    private String post(String path, Object body) throws IOException {
        Request request = new Request.Builder()
                .url(server + path)
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "kontor-agent/" + Agent.VERSION)
                .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            String text = response.body().string();
            if (code == 401 || code == 403) {
                throw new Refused(code, "Kontor refused the node token (" + code + "): " + text);
            }
            if (code == 404 || code == 409) {
                throw new Rejected("Kontor does not know this (" + code + "): " + text);
            }
            if (!response.isSuccessful()) {
                throw new IOException("Kontor answered " + code + " to " + path);
            }
            return text.isEmpty() ? "{}" : text;
        }
    }

    private String get(OkHttpClient client, String path, boolean poll) throws IOException {
        Request request = new Request.Builder()
                .url(server + path)
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "kontor-agent/" + Agent.VERSION)
                .get()
                .build();
        Call call = client.newCall(request);
        if (poll) {
            polling = call;
        }
        try (Response response = call.execute()) {
            int code = response.code();
            String body = response.body().string();
            if (code == 401 || code == 403) {
                throw new Refused(code, "Kontor refused the node token (" + code + "): " + body);
            }
            if (code == 404) {
                throw new Rejected("Kontor does not know " + path + ": " + body);
            }
            if (!response.isSuccessful()) {
                throw new IOException("Kontor answered " + code + " to " + path);
            }
            return body;
        }
    }

    /** Ends a long poll in progress (the agent stops). */
    void cancelPolling() {
        Call call = polling;
        if (call != null) {
            call.cancel();
        }
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** The pin of a certificate's public key: {@code sha256/} and the base64 of its SHA-256. */
    static String pinOf(Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded());
            return "sha256/" + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts chains that contain a pinned key, and then any host name on them. */
    static final class PinningTrust implements X509TrustManager, HostnameVerifier {

        private final Set<String> pins;

        PinningTrust(List<String> pins) {
            this.pins = pins.stream().map(String::strip).collect(Collectors.toSet());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            for (X509Certificate c : chain) {
                if (pins.contains(pinOf(c))) {
                    c.checkValidity();
                    return;
                }
            }
            throw new CertificateException("Kontor's certificate has none of the pinned keys; it has "
                    + (chain.length == 0 ? "none" : pinOf(chain[0])));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the agent is no server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        @Override
        public boolean verify(String hostname, SSLSession session) {
            try {
                for (Certificate c : session.getPeerCertificates()) {
                    if (pins.contains(pinOf(c))) {
                        return true;
                    }
                }
            } catch (SSLPeerUnverifiedException e) {
                return false;
            }
            // unreachable in practice: without a pinned key the handshake has failed already
            return false;
        }

        SSLSocketFactory socketFactory() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {this}, null);
                return context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
