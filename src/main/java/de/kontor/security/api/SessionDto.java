package de.kontor.security.api;

import de.kontor.security.SessionInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Slice;

import java.time.Instant;
import java.util.List;

/** A session registry entry as the REST API shows it; the list types of both session endpoints. */
record SessionDto(
        long id,
        String kind,
        long userId,
        String username,
        @Nullable String address,
        @Nullable String browser,
        @Nullable String node,
        Instant startedAt,
        Instant lastSeenAt,
        @Nullable Instant endedAt,
        @Nullable String endReason,
        @Nullable String tokenName,
        boolean personalToken,
        boolean current) {

    static SessionDto of(SessionInfo s) {
        return new SessionDto(
                s.id(),
                s.kind(),
                s.userId(),
                s.username(),
                s.address(),
                s.browser(),
                s.node(),
                s.startedAt(),
                s.lastSeenAt(),
                s.endedAt(),
                s.endReason(),
                s.tokenName(),
                s.personal(),
                s.current());
    }

    record Page(List<SessionDto> items, int page, int size, boolean hasNext) {
        static Page of(Slice<SessionInfo> slice) {
            return new Page(
                    slice.map(SessionDto::of).getContent(), slice.getNumber(), slice.getSize(), slice.hasNext());
        }
    }
}
