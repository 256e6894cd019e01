package de.kontor.printer;

import de.kontor.printer.plug.PlugClient;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The plug client: one OkHttp client for all plugs, with the plug timeouts. */
@Configuration(proxyBeanMethods = false)
class PrinterConfiguration {

    @Bean
    PlugClient plugClient(
            @Value("${kontor.printer.plug.connect-timeout:3s}") Duration connect,
            @Value("${kontor.printer.plug.read-timeout:8s}") Duration read) {
        return new PlugClient(new OkHttpClient(), connect, read);
    }
}
