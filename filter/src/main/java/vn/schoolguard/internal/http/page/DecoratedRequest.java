package vn.schoolguard.internal.http.page;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Makes {@code startAsync()} hand the decorated response to asynchronous code, and finishes the page when
 * that code calls {@code complete()}; without it, async writes would go around the rewriter.
 */
final class DecoratedRequest extends HttpServletRequestWrapper {

    private final DecoratedResponse response;

    DecoratedRequest(HttpServletRequest request, DecoratedResponse response) {
        super(request);
        this.response = response;
    }

    @Override
    public AsyncContext startAsync() {
        return new FinishingContext(super.startAsync(this, response), response);
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse servletResponse) {
        return new FinishingContext(super.startAsync(request, servletResponse), response);
    }

    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext context = super.getAsyncContext();
        return context == null ? null : new FinishingContext(context, response);
    }

    /** Delegates everything; {@code complete()} first writes what the rewriter holds. */
    private static final class FinishingContext implements AsyncContext {

        private final AsyncContext delegate;
        private final DecoratedResponse response;

        FinishingContext(AsyncContext delegate, DecoratedResponse response) {
            this.delegate = delegate;
            this.response = response;
        }

        @Override
        public void complete() {
            try {
                response.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                delegate.complete();
            }
        }

        @Override
        public ServletRequest getRequest() {
            return delegate.getRequest();
        }

        @Override
        public ServletResponse getResponse() {
            return delegate.getResponse();
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return delegate.hasOriginalRequestAndResponse();
        }

        @Override
        public void dispatch() {
            delegate.dispatch();
        }

        @Override
        public void dispatch(String path) {
            delegate.dispatch(path);
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            delegate.dispatch(context, path);
        }

        @Override
        public void start(Runnable run) {
            delegate.start(run);
        }

        @Override
        public void addListener(AsyncListener listener) {
            delegate.addListener(listener);
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
            delegate.addListener(listener, request, response);
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
            return delegate.createListener(clazz);
        }

        @Override
        public void setTimeout(long timeout) {
            delegate.setTimeout(timeout);
        }

        @Override
        public long getTimeout() {
            return delegate.getTimeout();
        }
    }
}
