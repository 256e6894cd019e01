package de.kontor.monitoring.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Pre;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The screen of a terminal in the page: a focusable text area that shows what the node prints and sends
 * the keys pressed in it to the server. Its script comes with Kontor (no frontend build); see
 * {@code terminal-screen.js} beside this class.
 */
final class TerminalScreen extends Pre {

    private static final String SCRIPT = load();

    private Consumer<String> input = data -> {};
    private boolean active;

    TerminalScreen() {
        setId("ops-terminal-screen");
        addClassName("kontor-terminal-screen");
        getElement().setAttribute("tabindex", "0");
        getStyle()
                .set("background", "#1e1e1e")
                .set("color", "#e6e6e6")
                .set("font-family", "monospace")
                .set("min-height", "24em")
                .set("max-height", "36em")
                .set("overflow", "auto")
                .set("padding", "var(--lumo-space-s)")
                .set("white-space", "pre-wrap")
                .set("outline", "none");
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
        // the element is new in the browser after every attach, so its script is too
        getElement().executeJs(SCRIPT);
    }

    /** Where the keys go while a session is open. */
    void connect(Consumer<String> keys) {
        this.input = keys;
        this.active = true;
        getElement().executeJs("this.textContent = ''; this.$lines = ['']; this.$column = 0; this.focus();");
    }

    void disconnect() {
        this.active = false;
        this.input = data -> {};
    }

    /** Shows a chunk of output (raw bytes, drawn in the browser). */
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
