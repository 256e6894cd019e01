package de.kontor.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/** Lets tests in other packages check that the (package-private) home view is shown. */
public final class HomeViewAccess {

    private HomeViewAccess() {}

    public static void assertShown() {
        _get(HomeView.class);
    }
}
