package org.gongzhi.core.service.hotline;

/**
 * Which node imports a hotline batch file when several nodes watch one shared folder (issue 19):
 * the first to claim a file's key imports it, the others leave it alone. Claims are kept in the
 * shared database; a claim given back lets any node take the file again.
 *
 * @since 1.2
 */
public interface BatchFileClaims {

    /**
     * Claims {@code key} (a file's name, size and modification time) for {@code node}.
     *
     * @return true for the first claim of the key, false when it was claimed already (by any node)
     */
    boolean claim(String key, String node);

    /** Whether {@code key} is claimed. */
    boolean claimed(String key);

    /** Gives a claim back, e.g. when the import failed before the file was moved; no-op if absent. */
    void release(String key);
}
