package de.kontor.monitoring;

import de.kontor.base.crypto.Hashes;
import de.kontor.base.crypto.Tokens;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.MonitoringModel.IssuedNodeToken;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The node rows: creation with a token (stored as SHA-256), rotation, archiving, lookups, tags. */
@Component
class Nodes {

    static final int NAME_LENGTH = 100;
    static final int TAG_LENGTH = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A node as stored, mapped by column name. */
    record NodeRow(
            long id,
            String name,
            @Nullable String tokenPrefix,
            @Nullable String localHost,
            LocalDateTime createdAt,
            @Nullable LocalDateTime lastSeenAt,
            @Nullable LocalDateTime lastSampleAt,
            @Nullable String agentVersion,
            @Nullable String agentHostname,
            @Nullable String agentAddress,
            @Nullable String latestValues,
            @Nullable LocalDateTime inventoryAt) {}

    private static final String COLUMNS =
            "id, name, token_prefix, local_host, created_at, last_seen_at, last_sample_at, "
                    + "agent_version, agent_hostname, agent_address, latest_values, inventory_at";

    private final JdbcClient jdbc;

    Nodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    IssuedNodeToken create(String rawName, List<String> rawTags, Instant now) {
        String name = name(rawName);
        List<String> tags = cleanTags(rawTags);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into monitoring_node (name, created_at) values (?, ?)")
                    .params(name, Times.utc(now))
                    .update(key);
        } catch (DuplicateKeyException e) {
            throw DomainException.invalidField("name", "NODE_NAME_TAKEN", "monitoring.node.nameTaken", name);
        }
        long id = key.getKey().longValue();
        for (String tag : tags) {
            jdbc.sql("insert into monitoring_node_tag (node_id, tag) values (?, ?)")
                    .params(id, tag)
                    .update();
        }
        return issueToken(id, name);
    }

    IssuedNodeToken issueToken(long id, String name) {
        String token = Tokens.random(32);
        jdbc.sql("update monitoring_node set token_hash = ?, token_prefix = ?, version = version + 1 where id = ?")
                .params(Hashes.sha256Hex(token), token.substring(0, 6), id)
                .update();
        return new IssuedNodeToken(id, name, token);
    }

    void archive(long id, Instant now) {
        jdbc.sql("update monitoring_node set archived_at = ?, token_hash = null, version = version + 1 where id = ?")
                .params(Times.utc(now), id)
                .update();
    }

    /** An active node, locked for a change. */
    NodeRow lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_node where id = ? and archived_at is null for update")
                .param(id)
                .query(NodeRow.class)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    NodeRow get(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_node where id = ? and archived_at is null")
                .param(id)
                .query(NodeRow.class)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    static DomainException notFound(long id) {
        return DomainException.notFound("NODE_NOT_FOUND", "monitoring.node.notFound", id);
    }

    List<NodeRow> active() {
        return jdbc.sql("select " + COLUMNS + " from monitoring_node where archived_at is null order by name")
                .query(NodeRow.class)
                .list();
    }

    Optional<String> inventory(long id) {
        return jdbc.sql("select inventory from monitoring_node where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** The active node a token belongs to. */
    Optional<Long> byToken(String token) {
        return jdbc.sql("select id from monitoring_node where token_hash = ? and archived_at is null")
                .param(Hashes.sha256Hex(token))
                .query(Long.class)
                .optional();
    }

    /** Kontor's own server's node for this host, created on first use. */
    long local(String host, Instant now) {
        Optional<Long> id = jdbc.sql("select id from monitoring_node where local_host = ?")
                .param(host)
                .query(Long.class)
                .optional();
        if (id.isPresent()) {
            return id.get();
        }
        String name = name(host + " (Kontor)");
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into monitoring_node (name, local_host, created_at) values (?, ?, ?)")
                    .params(name, host, Times.utc(now))
                    .update(key);
        } catch (DuplicateKeyException e) {
            // another Kontor instance on a host of the same name, or a node someone named like this one
            jdbc.sql("insert ignore into monitoring_node (name, local_host, created_at) values (?, ?, ?)")
                    .params(name(name + " " + Long.toString(RANDOM.nextLong() & 0xffff, 36)), host, Times.utc(now))
                    .update();
            return jdbc.sql("select id from monitoring_node where local_host = ?")
                    .param(host)
                    .query(Long.class)
                    .single();
        }
        return key.getKey().longValue();
    }

    Map<Long, List<String>> tags(List<Long> ids) {
        Map<Long, List<String>> tags = new HashMap<>();
        if (ids.isEmpty()) {
            return tags;
        }
        record TagRow(long nodeId, String tag) {}
        jdbc.sql("select node_id, tag from monitoring_node_tag where node_id in (:ids) order by tag")
                .param("ids", ids)
                .query(TagRow.class)
                .list()
                .forEach(r ->
                        tags.computeIfAbsent(r.nodeId(), k -> new ArrayList<>()).add(r.tag()));
        return tags;
    }

    private static String name(@Nullable String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "monitoring.node.nameRequired");
        }
        if (name.length() > NAME_LENGTH) {
            throw DomainException.invalidField("name", "NAME_TOO_LONG", "monitoring.node.nameTooLong", NAME_LENGTH);
        }
        return name;
    }

    private static List<String> cleanTags(@Nullable List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        if (raw != null) {
            for (String t : raw) {
                String tag = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
                if (tag.isEmpty()) {
                    continue;
                }
                if (tag.length() > TAG_LENGTH || !tag.matches("[\\p{L}\\p{N}._:/-]+")) {
                    throw DomainException.invalidField("tags", "TAG_INVALID", "monitoring.node.tagInvalid", tag);
                }
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }
}
