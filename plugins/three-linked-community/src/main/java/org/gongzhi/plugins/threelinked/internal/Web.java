package org.gongzhi.plugins.threelinked.internal;

import java.net.URI;
import java.util.function.Supplier;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import org.gongzhi.plugin.api.InvalidInputException;

/** What the REST resources share: the mapping of the books' failures to HTTP answers. */
final class Web {

    private Web() {
    }

    /** Runs {@code work}; {@link Conflict} becomes 409 and {@link Missing} 404 (the core renders both). */
    static <T> T answer(Supplier<T> work) {
        try {
            return work.get();
        } catch (Conflict e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        } catch (Missing e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /** 201 with the new record and its location under the model's path of {@code tenant}. */
    static Response created(String tenant, String relative, Object entity) {
        String base = ThreeLinkedModel.PATH.replace("{tenant}", tenant);
        return Response.created(URI.create(base + "/" + relative)).entity(entity).build();
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "请求体不能为空 (a JSON body is required)");
        }
        return body;
    }
}
