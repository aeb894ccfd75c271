package org.gongzhi.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dispatch path template as a matcher: {@code /departments/{department}/dispatches} matches
 * {@code /departments/CG/dispatches} (a trailing slash is allowed). {@link #context()} is the literal part the
 * JDK server's context is created for.
 */
final class DispatchPath {

    /** What a request path said about tenant and department ({@code null} where the template has no placeholder). */
    record Match(String tenant, String department) {
    }

    private final Pattern pattern;
    private final String context;
    private final String template;

    DispatchPath(Template t) {
        this.template = t.text();
        for (String name : Template.NAMES) {
            if (template.indexOf("{" + name + "}") != template.lastIndexOf("{" + name + "}")) {
                throw new IllegalArgumentException("--dispatch-path uses {" + name + "} twice: " + template);
            }
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{(tenant|department)}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())))
                    .append("(?<").append(m.group(1)).append(">[A-Za-z0-9_-]{1,64})");
            last = m.end();
        }
        regex.append(Pattern.quote(stripSlash(template.substring(last)))).append("/?");
        this.pattern = Pattern.compile(regex.toString());
        int brace = template.indexOf('{');
        String literal = brace < 0 ? stripSlash(template) : template.substring(0, template.lastIndexOf('/', brace) + 1);
        this.context = literal.isEmpty() ? "/" : literal;
    }

    /** The match, or {@code null} when {@code path} is not a dispatch path. */
    Match match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        return new Match(group(m, "tenant"), group(m, "department"));
    }

    String context() {
        return context;
    }

    @Override
    public String toString() {
        return template;
    }

    private String group(Matcher m, String name) {
        return template.contains("{" + name + "}") ? m.group(name) : null;
    }

    private static String stripSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
