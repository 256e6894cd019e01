package de.kontor.base.modules;

import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import de.kontor.base.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps switched-off modules out of reach: their REST endpoints answer 404 (problem+json, or the module's
 * own error format), their views the "not found" page. Decided by the package of the controller or view.
 */
@Component
class ModuleGuards implements WebMvcConfigurer, VaadinServiceInitListener {

    private final ModuleSwitches switches;

    ModuleGuards(ModuleSwitches switches) {
        this.switches = switches;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && !switches.enabledFor(method.getBeanType())) {
                    throw DomainException.notFound("MODULE_DISABLED", "module.disabled");
                }
                return true;
            }
        });
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
                    if (!switches.enabledFor(enter.getNavigationTarget())) {
                        enter.rerouteToError(NotFoundException.class);
                    }
                }));
    }
}
