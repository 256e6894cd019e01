package de.kontor.monitoring;

import de.kontor.base.Emails;
import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.ChannelDefinition;
import de.kontor.monitoring.AlertModel.ChannelType;
import de.kontor.monitoring.AlertModel.WebhookFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Notification channels. Targets (e-mail addresses, webhook URLs with their tokens) are stored encrypted
 * with Kontor's secret key; lists show only a hint. Deleting archives a channel: its deliveries stay visible.
 */
@Component
class Channels {

    static final int NAME_LENGTH = 100;
    static final int TARGET_LENGTH = 2000;
    static final int TEMPLATE_LENGTH = 4000;

    record ChannelRow(
            long id,
            String name,
            String type,
            @Nullable String format,
            String target,
            String targetHint,
            @Nullable String template) {}

    /** A channel with its decrypted target, for delivering. */
    record Target(Channel channel, String target) {}

    private static final String COLUMNS = "id, name, type, format, target, target_hint, template";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    Channels(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    Channel create(ChannelDefinition definition, Instant now) {
        Checked c = check(definition, null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into monitoring_channel (name, type, format, target, target_hint, template, created_at) "
                            + "values (:name, :type, :format, :target, :targetHint, :template, :createdAt)")
                    .params(columns(c))
                    .param("createdAt", Times.utc(now))
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw nameTaken(c.name);
        }
        return get(key.getKeyAs(Number.class).longValue());
    }

    Channel update(long id, ChannelDefinition definition) {
        ChannelRow row = lock(id);
        Checked c = check(definition, cipher.decrypt(row.target()));
        try {
            jdbc.sql("update monitoring_channel set name = :name, type = :type, format = :format, target = :target, "
                            + "target_hint = :targetHint, template = :template, version = version + 1 where id = :id")
                    .params(columns(c))
                    .param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(c.name);
        }
        return get(id);
    }

    /** The channel's columns as named parameters (the target encrypted), shared by insert and update. */
    private Map<String, @Nullable Object> columns(Checked c) {
        Map<String, @Nullable Object> columns = new HashMap<>();
        columns.put("name", c.name);
        columns.put("type", c.type.name());
        columns.put("format", c.format == null ? null : c.format.name());
        columns.put("target", cipher.encrypt(c.target));
        columns.put("targetHint", hint(c.type, c.target));
        columns.put("template", c.template);
        return columns;
    }

    Channel archive(long id, Instant now) {
        Channel channel = toChannel(lock(id));
        jdbc.sql("update monitoring_channel set archived_at = ?, version = version + 1 where id = ?")
                .params(Times.utc(now), id)
                .update();
        jdbc.sql("delete from monitoring_alert_rule_channel where channel_id = ?")
                .param(id)
                .update();
        return channel;
    }

    private static DomainException nameTaken(String name) {
        return DomainException.invalidField("name", "CHANNEL_NAME_TAKEN", "monitoring.channel.nameTaken", name);
    }

    static DomainException notFound(long id) {
        return DomainException.notFound("CHANNEL_NOT_FOUND", "monitoring.channel.notFound", id);
    }

    private ChannelRow lock(long id) {
        return jdbc.sql("select " + COLUMNS
                        + " from monitoring_channel where id = ? and archived_at is null for update")
                .param(id)
                .query(ChannelRow.class)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    Channel get(long id) {
        return row(id).map(Channels::toChannel).orElseThrow(() -> notFound(id));
    }

    /** A channel with its target in plain text (also an archived one: deliveries in flight still go out). */
    Optional<Target> target(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_channel where id = ?")
                .param(id)
                .query(ChannelRow.class)
                .optional()
                .map(r -> new Target(toChannel(r), cipher.decrypt(r.target())));
    }

    private Optional<ChannelRow> row(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_channel where id = ? and archived_at is null")
                .param(id)
                .query(ChannelRow.class)
                .optional();
    }

    List<Channel> active() {
        return jdbc
                .sql("select " + COLUMNS + " from monitoring_channel where archived_at is null order by name")
                .query(ChannelRow.class)
                .list()
                .stream()
                .map(Channels::toChannel)
                .toList();
    }

    private static Channel toChannel(ChannelRow r) {
        return new Channel(
                r.id(),
                r.name(),
                ChannelType.valueOf(r.type()),
                r.format() == null ? null : WebhookFormat.valueOf(r.format()),
                r.targetHint(),
                r.template());
    }

    private record Checked(
            String name,
            ChannelType type,
            @Nullable WebhookFormat format,
            String target,
            @Nullable String template) {}

    /** @param stored the stored target when changing a channel: a blank target keeps it */
    private static Checked check(ChannelDefinition d, @Nullable String stored) {
        ChannelType type;
        try {
            type = ChannelType.valueOf(String.valueOf(d.type()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField(
                    "type", "CHANNEL_TYPE_INVALID", "monitoring.channel.typeInvalid", String.valueOf(d.type()));
        }
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "monitoring.channel.nameRequired");
        }
        if (name.length() > NAME_LENGTH) {
            throw DomainException.invalidField("name", "NAME_TOO_LONG", "monitoring.channel.nameTooLong", NAME_LENGTH);
        }
        String target = d.target() == null ? "" : d.target().strip();
        if (target.isEmpty() && stored != null) {
            target = stored;
        }
        if (target.isEmpty()) {
            throw DomainException.invalidField("target", "TARGET_REQUIRED", "monitoring.channel.targetRequired");
        }
        if (target.length() > TARGET_LENGTH) {
            throw DomainException.invalidField(
                    "target", "TARGET_TOO_LONG", "monitoring.channel.targetTooLong", TARGET_LENGTH);
        }
        WebhookFormat format = null;
        String template = null;
        if (type == ChannelType.EMAIL) {
            List<String> addresses = addresses(target);
            for (String address : addresses) {
                if (!Emails.valid(address)) {
                    throw DomainException.invalidField(
                            "target", "EMAIL_INVALID", "monitoring.channel.emailInvalid", address);
                }
            }
            target = String.join(", ", addresses);
        } else {
            format = d.format() == null || d.format().isBlank() ? WebhookFormat.GENERIC : WebhookFormat.of(d.format());
            if (format == null) {
                throw DomainException.invalidField(
                        "format", "FORMAT_INVALID", "monitoring.channel.formatInvalid", d.format());
            }
            if (!httpUrl(target)) {
                throw DomainException.invalidField("target", "URL_INVALID", "monitoring.channel.urlInvalid");
            }
            if (format == WebhookFormat.TEMPLATE) {
                template = d.template() == null ? "" : d.template().strip();
                if (template.isEmpty()) {
                    throw DomainException.invalidField(
                            "template", "TEMPLATE_REQUIRED", "monitoring.channel.templateRequired");
                }
                if (template.length() > TEMPLATE_LENGTH) {
                    throw DomainException.invalidField(
                            "template", "TEMPLATE_TOO_LONG", "monitoring.channel.templateTooLong", TEMPLATE_LENGTH);
                }
            }
        }
        return new Checked(name, type, format, target, template);
    }

    static List<String> addresses(String target) {
        return Arrays.stream(target.split("[,;\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static boolean httpUrl(String target) {
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** What may be shown of a target: e-mail addresses in full, of a URL only scheme, host and port. */
    static String hint(ChannelType type, String target) {
        if (type == ChannelType.EMAIL) {
            return target.length() > 255 ? target.substring(0, 254) + "…" : target;
        }
        URI uri = URI.create(target);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
    }
}
