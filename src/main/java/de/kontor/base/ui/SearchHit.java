package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouteConfiguration;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A search result: what it is ({@code title}, {@code detail}) and the location that opens it ("customers/42"). */
public record SearchHit(String title, @Nullable String detail, String location) {

    /** A detail made of the parts a hit has, the missing ones left out: "K-1001 · Berlin". */
    public static String detail(@Nullable String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).collect(Collectors.joining(" · "));
    }

    /** The location of the view that shows one thing by its id ("customers/42"). */
    public static <C extends Component & HasUrlParameter<Long>> String location(Class<C> view, long id) {
        return RouteConfiguration.forApplicationScope().getUrl(view, id);
    }
}
