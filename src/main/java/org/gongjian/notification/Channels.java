package org.gongjian.notification;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Actor;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Permissions;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each unit's e-mail addresses and robot webhooks, set by the programme office. */
@Service
@Transactional(readOnly = true)
public class Channels {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final String COLUMNS = "select id, unit_id, kind, address, secret, enabled, created_by, created_at from notification_channel";

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    Channels(JdbcClient jdbc, Organisation organisation, Accounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public List<UnitChannel> of(String unitCode) {
        long unitId = organisation.unit(unitCode).id();
        return jdbc.sql(COLUMNS + " where unit_id = :u order by kind, id").param("u", unitId)
                .query(Channels::map).list().stream().map(UnitChannel.Stored::channel).toList();
    }

    /** The enabled channels of some units, with their secrets: for delivery only. */
    List<UnitChannel.Stored> enabled(List<Long> unitIds, ChannelKind kind) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where unit_id in (:units) and kind = :kind and enabled = true order by id")
                .param("units", unitIds).param("kind", kind.name()).query(Channels::map).list();
    }

    /** Adds a channel to a unit: an e-mail address, or an http(s) webhook URL for WeCom or DingTalk. */
    @Transactional
    public UnitChannel add(String unitCode, ChannelKind kind, String address, @Nullable String secret) {
        Actor actor = requireOffice(unitCode);
        long unitId = organisation.unit(unitCode).id();
        String trimmed = address == null ? "" : address.strip();
        if (kind == ChannelKind.EMAIL ? !EMAIL.matcher(trimmed).matches() || trimmed.length() > 254 : !webhook(trimmed)) {
            throw new InvalidInputException("address", kind == ChannelKind.EMAIL ? "error.channel.email" : "error.channel.url", trimmed);
        }
        if (secret != null && (secret.isBlank() || kind != ChannelKind.DINGTALK || secret.length() > 200)) {
            throw new InvalidInputException("secret", "error.channel.secret");
        }
        if (jdbc.sql("select count(*) from notification_channel where unit_id = :u and kind = :k and address = :a")
                .param("u", unitId).param("k", kind.name()).param("a", trimmed).query(Long.class).single() > 0) {
            throw new ConflictException("error.channel.duplicate", trimmed);
        }
        Instant now = Instant.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notification_channel (unit_id, kind, address, secret, enabled, created_by, created_at)
                values (:u, :k, :a, :s, true, :by, :at)""")
                .param("u", unitId).param("k", kind.name()).param("a", trimmed).param("s", secret)
                .param("by", actor.username()).param("at", Timestamp.from(now)).update(keys, "id");
        UnitChannel channel = new UnitChannel(java.util.Objects.requireNonNull(keys.getKey()).longValue(), unitId, kind,
                trimmed, secret != null, true, actor.username(), now);
        audit.created("channel", String.valueOf(channel.id()), Map.of("unit", unitCode, "kind", kind, "address",
                channel.maskedAddress()));
        return channel;
    }

    @Transactional
    public void remove(String unitCode, long id) {
        requireOffice(unitCode);
        long unitId = organisation.unit(unitCode).id();
        UnitChannel channel = jdbc.sql(COLUMNS + " where id = :id and unit_id = :u").param("id", id).param("u", unitId)
                .query(Channels::map).optional().map(UnitChannel.Stored::channel)
                .orElseThrow(() -> new NotFoundException("error.channel.not-found", id));
        jdbc.sql("delete from notification_channel where id = :id").param("id", id).update();
        audit.deleted("channel", String.valueOf(id), Map.of("unit", unitCode, "kind", channel.kind(), "address",
                channel.maskedAddress()));
    }

    private Actor requireOffice(String unitCode) {
        Actor actor = accounts.current();
        if (!actor.can(Permissions.CHANNEL_MANAGE)) {
            audit.denied("channel", unitCode, "programme office only");
            throw new AccessDeniedException("error.access-denied");
        }
        return actor;
    }

    private static boolean webhook(String address) {
        try {
            URI uri = URI.create(address);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && address.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static UnitChannel.Stored map(ResultSet rs, int row) throws SQLException {
        String secret = rs.getString("secret");
        return new UnitChannel.Stored(new UnitChannel(rs.getLong("id"), rs.getLong("unit_id"),
                ChannelKind.valueOf(rs.getString("kind")), rs.getString("address"), secret != null,
                rs.getBoolean("enabled"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()), secret);
    }
}
