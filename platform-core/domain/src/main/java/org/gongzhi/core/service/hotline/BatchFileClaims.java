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

    /**
     * Gives back a claim that {@code node} holds, e.g. when its import failed; no-op when the key is
     * unclaimed or another node holds it (a node that could not claim a file must not free it).
     */
    void release(String key, String node);
}
