package org.gongzhi.core.integration.internal;

import org.apache.camel.spi.IdempotentRepository;
import org.gongzhi.core.service.hotline.BatchFileClaims;

/**
 * Camel's idempotent read lock over {@link BatchFileClaims}: of the nodes that see a batch file in a
 * shared folder, the one whose claim is first imports it. Claims are kept after the import (the file
 * has moved to {@code .done/} by then), so a node that listed the file before it moved cannot take it
 * again; a claim is given back when this node's import rolls back. Camel also rolls back on a node that
 * could not claim the file: that node frees nothing, since a claim is only given back by its holder.
 */
final class ClaimedFiles implements IdempotentRepository {

    private final BatchFileClaims claims;
    private final String node;

    ClaimedFiles(BatchFileClaims claims, String node) {
        this.claims = claims;
        this.node = node;
    }

    @Override
    public boolean add(String key) {
        return claims.claim(key, node);
    }

    @Override
    public boolean contains(String key) {
        return claims.claimed(key);
    }

    @Override
    public boolean remove(String key) {
        claims.release(key, node);
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // claims are shared by every node: none is cleared from here
    }

    @Override
    public void start() {
        // nothing to start: the claims live in the database
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
