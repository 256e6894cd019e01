package de.kontor.monitoring;

import de.kontor.monitoring.AlertModel.DeliveryEvent;
import de.kontor.monitoring.AlertModel.Severity;
import de.kontor.monitoring.AlertModel.WebhookFormat;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP request of a notification in each webhook format: generic JSON (every field), Slack-compatible
 * ({@code text}; Mattermost and Rocket.Chat take it too), Microsoft Teams (an Adaptive Card, as Teams
 * workflows expect), ntfy (plain text with title, priority and tags as headers), Gotify ({@code title},
 * {@code message}, {@code priority}) and a template of the admin's own (for SMS gateways): a body with
 * {@code {{placeholders}}}, sent as JSON when it looks like JSON (values escaped for it), otherwise as a form
 * ({@code application/x-www-form-urlencoded}, values URL-encoded).
 */
final class WebhookFormats {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");
    static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    static final List<String> PLACEHOLDERS = List.of(
            "title", "text", "event", "severity", "rule", "node", "metric", "value", "threshold", "operator", "link");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");

    private WebhookFormats() {}

    static Request request(
            WebhookFormat format, String url, @Nullable String template, Notification n, JsonMapper json) {
        Request.Builder request = new Request.Builder().url(url).header("User-Agent", "Kontor");
        return switch (format) {
            case GENERIC ->
                request.post(RequestBody.create(json.writeValueAsString(generic(n)), JSON))
                        .build();
            case SLACK ->
                request.post(RequestBody.create(json.writeValueAsString(Map.of("text", slack(n))), JSON))
                        .build();
            case TEAMS ->
                request.post(RequestBody.create(json.writeValueAsString(teams(n)), JSON))
                        .build();
            case NTFY ->
                request.header("Title", asciiHeader(n.title()))
                        .header("Priority", ntfyPriority(n))
                        .header("Tags", ntfyTags(n))
                        .post(RequestBody.create(n.text(), TEXT))
                        .build();
            case GOTIFY ->
                request.post(RequestBody.create(
                                json.writeValueAsString(
                                        Map.of("title", n.title(), "message", n.text(), "priority", gotifyPriority(n))),
                                JSON))
                        .build();
            case TEMPLATE -> template(request, template == null ? "" : template, n, json);
        };
    }

    static Map<String, Object> generic(Notification n) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", n.alertId());
        alert.put("severity", n.severity().name());
        alert.put("rule", n.rule());
        alert.put("node", n.node());
        alert.put("metric", n.metric());
        alert.put("operator", n.operator());
        alert.put("threshold", n.threshold());
        alert.put("value", n.value());
        alert.put("startedAt", n.startedAt() == null ? null : n.startedAt().toString());
        alert.put("firedAt", n.firedAt() == null ? null : n.firedAt().toString());
        alert.put("resolvedAt", n.resolvedAt() == null ? null : n.resolvedAt().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", n.event().name());
        body.put("title", n.title());
        body.put("text", n.text());
        body.put("link", n.link());
        body.put("alert", alert);
        return body;
    }

    private static String slack(Notification n) {
        String title = "*" + n.title() + "*";
        return n.link() == null ? title + "\n" + n.text() : title + "\n" + n.text() + "\n<" + n.link() + ">";
    }

    private static Map<String, Object> teams(Notification n) {
        String color = switch (n.event()) {
            case RESOLVED -> "Good";
            case TEST -> "Accent";
            default -> n.severity() == Severity.CRITICAL ? "Attention" : "Warning";
        };
        List<Object> body = List.of(
                Map.of(
                        "type",
                        "TextBlock",
                        "text",
                        n.title(),
                        "weight",
                        "Bolder",
                        "size",
                        "Medium",
                        "color",
                        color,
                        "wrap",
                        true),
                Map.of("type", "TextBlock", "text", n.text(), "wrap", true));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", body);
        if (n.link() != null) {
            card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Kontor", "url", n.link())));
        }
        return Map.of(
                "type",
                "message",
                "attachments",
                List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
    }

    private static String ntfyPriority(Notification n) {
        if (n.event() == DeliveryEvent.RESOLVED || n.event() == DeliveryEvent.TEST) {
            return "default";
        }
        return switch (n.severity()) {
            case CRITICAL -> "urgent";
            case WARNING -> "high";
            case INFO -> "default";
        };
    }

    private static String ntfyTags(Notification n) {
        return switch (n.event()) {
            case RESOLVED -> "white_check_mark";
            case TEST -> "information_source";
            default -> n.severity() == Severity.CRITICAL ? "rotating_light" : "warning";
        };
    }

    private static int gotifyPriority(Notification n) {
        if (n.event() == DeliveryEvent.RESOLVED || n.event() == DeliveryEvent.TEST) {
            return 4;
        }
        return switch (n.severity()) {
            case CRITICAL -> 9;
            case WARNING -> 6;
            case INFO -> 3;
        };
    }

    /** ntfy reads non-ASCII header values as RFC 2047; plain ASCII avoids that (umlauts spelled out). */
    private static String asciiHeader(String value) {
        String spelled = value.replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("Ä", "Ae")
                .replace("Ö", "Oe")
                .replace("Ü", "Ue")
                .replace("ß", "ss")
                .replace("–", "-");
        return spelled.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static Request template(Request.Builder request, String template, Notification n, JsonMapper json) {
        boolean jsonBody = template.startsWith("{") || template.startsWith("[");
        UnaryOperator<String> escape = jsonBody
                ? v -> {
                    String quoted = json.writeValueAsString(v);
                    return quoted.substring(1, quoted.length() - 1);
                }
                : v -> URLEncoder.encode(v, StandardCharsets.UTF_8);
        String body = fill(template, n, escape);
        return request.post(RequestBody.create(body, jsonBody ? JSON : FORM)).build();
    }

    /** The template with each known placeholder replaced by its escaped value; unknown ones stay as they are. */
    static String fill(String template, Notification n, UnaryOperator<String> escape) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", n.title());
        values.put("text", n.text());
        values.put("event", n.event().name());
        values.put("severity", n.severity().name());
        values.put("rule", n.rule());
        values.put("node", n.node());
        values.put("metric", n.metric());
        values.put("value", n.value() == null ? "" : number(n.value()));
        values.put("threshold", number(n.threshold()));
        values.put("operator", n.operator());
        values.put("link", n.link() == null ? "" : n.link());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1).toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : escape.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
