package de.kontor.printer;

import de.kontor.printer.plug.PlugClient;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The printers' typed settings and the plug client: one OkHttp client for all plugs, with the plug timeouts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrinterProperties.class)
class PrinterConfiguration {

    @Bean
    PlugClient plugClient(PrinterProperties properties) {
        return new PlugClient(
                new OkHttpClient(),
                properties.plug().connectTimeout(),
                properties.plug().readTimeout());
    }
}
