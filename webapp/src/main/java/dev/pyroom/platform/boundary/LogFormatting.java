package dev.pyroom.platform.boundary;

import dev.pyroom.platform.control.LogFormat;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives the node's console log Pyroom's formatter ({@code pyroom.log.format}: plain or json), which adds the request
 * id to each line. The server's own formatter (chosen by the logging properties it was started with) writes the
 * lines before Pyroom is deployed, and gets the console back when Pyroom is undeployed. Only console handlers are
 * changed: they format on the thread that logs, which is where the request id is known.
 */
@WebListener
public class LogFormatting implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(LogFormatting.class.getName());

    private final Map<Handler, Formatter> serverFormatters = new HashMap<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        LogFormat format = LogFormat.named(ConfigProvider.getConfig()
                .getOptionalValue("pyroom.log.format", String.class)
                .orElse("plain"));
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                serverFormatters.put(handler, handler.getFormatter());
                handler.setFormatter(format.newFormatter());
            }
        }
        LOG.info(() -> "Log format " + format.name().toLowerCase(Locale.ROOT) + " on " + serverFormatters.size()
                + " console handler(s)");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        serverFormatters.forEach(Handler::setFormatter);
        serverFormatters.clear();
    }
}
