package de.kontor.monitoring.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Div;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The screen of a terminal in the page: xterm.js, served by Kontor as a static file (see the pom's
 * {@code vendor-xterm}; no frontend build), draws what the node prints and sends the keys typed in it to the
 * server. The glue script is {@code terminal-screen.js} beside this class.
 */
final class TerminalScreen extends Div {

    /** Where the build puts xterm.js and its style sheet. */
    static final String XTERM = "context://vendor/xterm/5.5.0/";

    private static final String SCRIPT = load();

    private Consumer<String> input = data -> {};
    private boolean active;

    TerminalScreen() {
        setId("ops-terminal-screen");
        addClassName("kontor-terminal-screen");
        getStyle()
                .set("background", "#1e1e1e")
                .set("padding", "var(--lumo-space-s)")
                .set("min-height", "24em")
                .set("overflow", "auto");
    }

    private static String load() {
        try (InputStream in = Objects.requireNonNull(TerminalScreen.class.getResourceAsStream("terminal-screen.js"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().addStyleSheet(XTERM + "xterm.css");
        event.getUI().getPage().addJavaScript(XTERM + "xterm.js");
        // the element is new in the browser after every attach, so its terminal is too
        getElement().executeJs(SCRIPT, TerminalTab.COLUMNS, TerminalTab.ROWS);
    }

    /** Where the keys go while a session is open. */
    void connect(Consumer<String> keys) {
        this.input = keys;
        this.active = true;
        getElement().executeJs("this.$reset()");
    }

    void disconnect() {
        this.active = false;
        this.input = data -> {};
    }

    /** Shows a chunk of output (raw bytes, drawn by the terminal in the browser). */
    void write(byte[] data) {
        getElement().executeJs("this.$write($0)", Base64.getEncoder().encodeToString(data));
    }

    @ClientCallable
    void input(String data) {
        if (active) {
            input.accept(data);
        }
    }
}
