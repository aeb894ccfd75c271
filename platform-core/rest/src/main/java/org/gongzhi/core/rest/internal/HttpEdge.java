package org.gongzhi.core.rest.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The servlet filter in front of everything the platform serves over HTTP (every whiteboard
 * context). It runs before CXF reads the request, so it can answer what CXF would turn into an
 * HTML error page:
 * <ul>
 *   <li>security headers on every response: {@code X-Content-Type-Options: nosniff},
 *       {@code Content-Security-Policy: frame-ancestors 'none'}, {@code X-Frame-Options: DENY},
 *       {@code Referrer-Policy: no-referrer}, and {@code Cache-Control: no-store} unless the
 *       resource says otherwise (answers carry personal data);</li>
 *   <li>a {@code Content-Type} that is a wildcard ({@code *}{@code /*}) or names a charset Java does not
 *       know, or an API request body without one → 415 problem naming {@code Content-Type};</li>
 *   <li>{@code GET /} (and {@code /console}) → 302 to the web console, {@code /console/};
 *       {@code GET /report} → 302 to the residents' reporting page, {@code /report/};</li>
 *   <li>CXF's service listing and WADL ({@code /cxf/…}, {@code ?_wadl}, {@code ?_schema}) → 404;</li>
 *   <li>a request CXF takes before its endpoint is wired (start-up) → 503 problem with {@code Retry-After: 1};</li>
 *   <li>a failure that escapes the servlet → 500 problem details, never a page with the exception chain.</li>
 * </ul>
 * Under {@code /open311/} the same refusals are written in GeoReport v2's error format.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.name=gongzhi-http-edge",
        "osgi.http.whiteboard.filter.pattern=/*",
        // the live event streams (server-sent events) are asynchronous requests: every filter on their way must allow it
        "osgi.http.whiteboard.filter.asyncSupported=true",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)",
        "service.ranking:Integer=1000"})
public final class HttpEdge implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEdge.class);
    private static final Set<String> CXF_QUERIES = Set.of("_wadl", "_schema");
    private static final String API = "/api/";
    /** Where a browser that opens the server's root is sent: the web console. */
    private static final String CONSOLE = "/console/";
    /** The residents' reporting page (its servlet serves {@code /report/*}). */
    private static final String REPORT = "/report/";
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final ObjectMapper JSON = Json.mapper();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        secure(response);
        String path = request.getRequestURI();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && (path.equals("/") || path.equals("/console") || path.equals("/report"))) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", path.equals("/report") ? REPORT : CONSOLE);
            return;
        }
        if (path.equals("/cxf") || path.startsWith("/cxf/") || cxfQuery(request.getQueryString())) {
            problem(path, response, new Problem("https://gongzhi.org/problems/http-404", "资源不存在 (not found)", 404,
                    "资源不存在 (not found)", null));
            return;
        }
        String contentType = request.getContentType();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (contentType == null && hasBody && path.startsWith(API)) {
            problem(path, response, new Problem("https://gongzhi.org/problems/http-415", "不支持的内容类型 (unsupported media type)",
                    415, "请求体须带 Content-Type (a body needs a Content-Type)", "Content-Type"));
            return;
        }
        if (contentType != null) {
            try {
                MediaType type = MediaType.valueOf(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    problem(path, response, new Problem("https://gongzhi.org/problems/http-415",
                            "不支持的内容类型 (unsupported media type)", 415,
                            "Content-Type 须为具体类型，不能是通配符 (a Content-Type names one type, not a wildcard): "
                                    + type.getType() + "/" + type.getSubtype(), "Content-Type"));
                    return;
                }
                Charsets.require(type);
            } catch (Charsets.Unsupported e) {
                problem(path, response, new Problem("https://gongzhi.org/problems/unsupported-charset",
                        "不支持的内容类型 (unsupported media type)", 415, e.getMessage(), "Content-Type"));
                return;
            } catch (IllegalArgumentException e) {
                problem(path, response, new Problem("https://gongzhi.org/problems/http-415",
                        "不支持的内容类型 (unsupported media type)", 415,
                        "Content-Type 无法识别 (unreadable Content-Type)", "Content-Type"));
                return;
            }
        }
        HttpServletRequest forward = request;
        if (contentType == null && !hasBody && path.startsWith(API) && WITH_BODY.contains(request.getMethod())) {
            // no body and no type (a bare POST): read as an empty JSON body, so that CXF answers through our
            // resources (400 "body required" where one is) instead of logging "no message body reader"
            forward = new EmptyJson(request);
        }
        try {
            chain.doFilter(forward, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            if (notWiredYet(e)) {
                LOG.info("Request {} {} came before CXF wired its endpoint: 503", request.getMethod(), path);
                response.reset();
                secure(response);
                response.setHeader("Retry-After", "1");
                problem(path, response, new Problem("https://gongzhi.org/problems/starting", "服务正在启动 (starting)", 503,
                        "平台正在启动，请稍后重试 (the platform is starting; try again shortly)", null));
                return;
            }
            LOG.error("Request {} {} failed in the container", request.getMethod(), path, e);
            response.reset();
            secure(response);
            problem(path, response, new Problem("https://gongzhi.org/problems/internal", "服务器内部错误 (internal error)", 500,
                    "请求未能处理，已记录日志 (the request failed; it has been logged)", null));
        }
    }

    /**
     * Whether CXF failed because its servlet took the request before the endpoint behind it was wired (at
     * start, and while the REST bundle restarts): a {@code NullPointerException} in CXF's transport.
     */
    static boolean notWiredYet(Exception e) {
        StackTraceElement[] at = e.getStackTrace();
        return e instanceof NullPointerException && at.length > 0
                && at[0].getClassName().startsWith("org.apache.cxf.transport.");
    }

    /** A request without a body, typed {@code application/json}. */
    private static final class EmptyJson extends HttpServletRequestWrapper {
        EmptyJson(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? Collections.enumeration(List.of(MediaType.APPLICATION_JSON))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.add("Content-Type");
            return Collections.enumeration(names);
        }
    }

    /**
     * The same refusal in GeoReport v2's error format for the Open311 endpoint: a JSON array of
     * {@code {code, description}}, or {@code <errors><error>…} for a {@code .xml} path.
     */
    private static void open311Error(HttpServletResponse response, Problem problem, boolean xml) throws IOException {
        String description = problem.detail();
        response.setCharacterEncoding("UTF-8");
        if (xml) {
            response.setContentType("text/xml");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>" + problem.status()
                    + "</code><description>" + xml(description) + "</description></error></errors>");
        } else {
            response.setContentType(MediaType.APPLICATION_JSON);
            JSON.writeValue(response.getOutputStream(), List.of(Map.of("code", problem.status(), "description", description)));
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The headers every answer carries. */
    static void secure(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    private static boolean cxfQuery(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (CXF_QUERIES.contains(eq < 0 ? pair : pair.substring(0, eq))) {
                return true;
            }
        }
        return false;
    }

    private static void problem(String path, HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        if (path.startsWith("/open311/")) {
            open311Error(response, problem, path.endsWith(".xml"));
            return;
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
