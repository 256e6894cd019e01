package de.kontor.base.web;

import de.kontor.base.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The bounds of every paged REST list, checked once for all controllers: {@code size} from 1 to the
 * configured maximum, {@code page} from 0 to the last page whose rows the database can still skip to
 * (offsets beyond {@link Integer#MAX_VALUE} fail deep in JPA with a 500). Parameters that are no number
 * at all are left to the controller's binding, which answers 400 itself.
 */
final class PagingLimits implements HandlerInterceptor {

    private final int maxPageSize;
    private final long maxPage;

    PagingLimits(int maxPageSize) {
        this.maxPageSize = maxPageSize;
        this.maxPage = Integer.MAX_VALUE / maxPageSize - 1L;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Long size = number(request.getParameter("size"));
        if (size != null && (size < 1 || size > maxPageSize)) {
            throw DomainException.invalidField("size", "PAGE_SIZE_OUT_OF_RANGE", "api.paging.size", maxPageSize);
        }
        Long page = number(request.getParameter("page"));
        if (page != null && (page < 0 || page > maxPage)) {
            throw DomainException.invalidField("page", "PAGE_OUT_OF_RANGE", "api.paging.page", maxPage);
        }
        return true;
    }

    long maxPage() {
        return maxPage;
    }

    private static @Nullable Long number(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException tooLongOrNoNumber) {
            // 20 digits and more: certainly out of range; anything else is the binding's to refuse.
            return value.strip().matches("-?\\d+") ? (value.strip().startsWith("-") ? -1L : Long.MAX_VALUE) : null;
        }
    }
}
