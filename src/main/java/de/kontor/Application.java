package de.kontor;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;
import de.kontor.backup.RestoreCommand;
import de.kontor.license.ModuleCommands;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Kontor: one web application for the office of a workshop, makerspace or club.
 * Server push carries live updates (export progress, printer states, the kiosk board).
 */
@SpringBootApplication
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("themes/kontor/styles.css")
@Meta(name = "color-scheme", content = "light dark")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (args.length > 0 && ModuleCommands.COMMAND.equals(args[0])) {
            System.exit(runModuleCommand(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && RestoreCommand.COMMAND.equals(args[0])) {
            System.exit(runRestore(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(Application.class, args);
    }

    /**
     * {@code java -jar kontor.jar modules ...}: starts Kontor without opening a port or running jobs (on the
     * embedded database of a running Kontor, if one uses the data directory), runs the command, stops.
     */
    private static int runModuleCommand(String[] args) {
        SpringApplication app = new SpringApplication(Application.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run(
                "--server.port=-1",
                "--spring.quartz.auto-startup=false",
                "--kontor.db.attach=true",
                "--kontor.demo.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.de.kontor=WARN",
                "--spring.main.log-startup-info=false")) {
            // UTF-8 whatever the locale says: the table is drawn with box characters.
            return context.getBean(ModuleCommands.class)
                    .run(
                            List.of(args),
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                            Locale.getDefault());
        }
    }

    /**
     * {@code java -jar kontor.jar restore <file>}: starts Kontor without a port or jobs and, unlike the module
     * commands, refuses to share the embedded database with a running Kontor: a restore needs it stopped.
     */
    private static int runRestore(String[] args) {
        SpringApplication app = new SpringApplication(Application.class);
        app.setBannerMode(Banner.Mode.OFF);
        try (ConfigurableApplicationContext context = app.run(
                "--server.port=-1",
                "--spring.quartz.auto-startup=false",
                "--kontor.demo.enabled=false",
                // nothing of Kontor's own may write while the tables are replaced
                "--kontor.monitoring.self-interval=0s",
                "--logging.level.root=WARN",
                "--logging.level.de.kontor.backup=INFO")) {
            return context.getBean(RestoreCommand.class)
                    .run(
                            List.of(args),
                            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                            Locale.getDefault());
        }
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/kontor.svg", "any");
    }
}
