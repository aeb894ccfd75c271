package org.gongzhi.core.tenant;

import java.nio.file.Path;

/**
 * A tenant definition that cannot be read or is invalid. The message names the file and, when
 * known, the field (a dotted path such as {@code families[0].majors[1].minors[2].departmentKind}).
 */
public class TenantDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;

    /**
     * @param file    the offending file
     * @param field   the offending field, or {@code null} when the whole file is at fault
     * @param problem what is wrong
     * @param cause   underlying exception, may be {@code null}
     */
    public TenantDefinitionException(Path file, String field, String problem, Throwable cause) {
        super("租户定义有误 (invalid tenant definition) in " + file + (field == null ? "" : ", field '" + field + "'")
                + ": " + problem, cause);
        this.file = file;
        this.field = field;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** The offending field, or {@code null}. */
    public String field() {
        return field;
    }
}
