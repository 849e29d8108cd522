package vn.schoolguard.internal.http.page;

import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import vn.schoolguard.SchoolGuardConfig;
import vn.schoolguard.internal.inject.InjectSettings;

/** A real Jetty with the decorator in front of test servlets; in-memory and real-port connectors. */
public final class PageServer implements AutoCloseable {

    public final Server server = new Server();
    public final LocalConnector local;
    public final ServerConnector network;
    public final ServletContextHandler context = new ServletContextHandler("/");
    public final PageDecorator decorator;

    public PageServer(PageDecorator decorator) {
        this.decorator = decorator;
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new ForwardedRequestCustomizer());
        local = new LocalConnector(server, new HttpConnectionFactory(http));
        network = new ServerConnector(server, new HttpConnectionFactory(http));
        network.setHost("127.0.0.1");
        server.addConnector(local);
        server.addConnector(network);
        Filter filter = (request, response, chain) ->
                decorator.filter((HttpServletRequest) request, (HttpServletResponse) response, chain);
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        context.addFilter(holder, "/*", EnumSet.allOf(DispatcherType.class));
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(404, "/error-page");
        context.setErrorHandler(errors);
        server.setHandler(context);
    }

    public static InjectSettings settings(String... keyValues) {
        SchoolGuardConfig.Builder builder = SchoolGuardConfig.builder().environment(Map.of())
                .systemProperties(new Properties());
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.set(keyValues[i], keyValues[i + 1]);
        }
        return builder.build().inject();
    }

    public PageServer servlet(String path, HttpServlet servlet) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, path);
        return this;
    }

    public PageServer start() throws Exception {
        server.start();
        return this;
    }

    public int port() {
        return network.getLocalPort();
    }

    public HttpTester.Response get(String path, String... headers) throws Exception {
        return request("GET", path, headers);
    }

    public HttpTester.Response request(String method, String path, String... headers) throws Exception {
        StringBuilder raw = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: school.example\r\nConnection: close\r\n");
        for (String header : headers) {
            raw.append(header).append("\r\n");
        }
        raw.append("\r\n");
        HttpTester.Response response = HttpTester.parseResponse(local.getResponse(raw.toString()));
        if (response == null) {
            throw new AssertionError("no complete response to " + method + " " + path);
        }
        return response;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        decorator.decoration().close();
    }
}
