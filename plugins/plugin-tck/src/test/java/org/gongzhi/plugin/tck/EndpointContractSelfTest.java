package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.RecordCollection;
import org.junit.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;

/** The endpoint contract passes a careful endpoint and catches a careless one. */
public class EndpointContractSelfTest {

    public record NewPatrol(String grid, String note) {
    }

    /** A careful endpoint: validates its body and paging, 404 for what it does not have. */
    @Path("patrols")
    public static final class Patrols implements PluginEndpoint {
        private final PluginStorage storage;

        public Patrols(PluginStorage storage) {
            this.storage = storage;
        }

        private RecordCollection records(String tenant) {
            return storage.collection(tenant, "sample", "patrols");
        }

        @GET
        public Map<String, Object> list(@PathParam("tenant") String tenant, @QueryParam("limit") String limit) {
            int n;
            try {
                n = limit == null ? 50 : Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("limit", "应为 1–500 (1 to 500)");
            }
            if (n < 1 || n > 500) {
                throw new InvalidInputException("limit", "应为 1–500 (1 to 500)");
            }
            return Map.of("items", records(tenant).find(null, 0, n).stream().map(r -> r.data()).toList());
        }

        @GET
        @Path("{id}")
        public Object get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
            if (!id.matches("[A-Za-z0-9-]{1,64}")) {
                throw new NotFoundException("no such patrol");
            }
            return records(tenant).get(id).map(r -> r.data()).orElseThrow(() -> new NotFoundException("no such patrol"));
        }

        @POST
        public Response add(@PathParam("tenant") String tenant, NewPatrol body) {
            if (body == null) {
                throw new InvalidInputException("body", "必填 (required)");
            }
            if (body.note() == null || body.note().isBlank() || body.note().length() > 200) {
                throw new InvalidInputException("note", "必填，最多 200 字 (required, at most 200 characters)");
            }
            String id = "p-" + Math.abs(body.note().hashCode());
            records(tenant).put(id, Map.of("note", body.note()),
                    List.of("grid=" + (body.grid() == null ? "none" : body.grid())), null);
            return Response.status(201).entity(Map.of("id", id)).build();
        }
    }

    /** A careless endpoint: trusts its body and its paging parameter. */
    @Path("patrols")
    public static final class Careless implements PluginEndpoint {
        @GET
        public List<String> list(@QueryParam("limit") String limit) {
            return List.of("x".repeat(Integer.parseInt(limit == null ? "1" : limit)));
        }

        @POST
        public Map<String, Object> add(NewPatrol body) {
            return Map.of("length", body.note().length());
        }
    }

    public static class Good extends PluginEndpointContract {
        @Override
        protected EndpointsUnderTest createEndpoints(PluginStorage storage, PluginTenants tenants) {
            return EndpointsUnderTest.of("sample", new Patrols(storage))
                    .withExamples(EndpointRequest.post("patrols", "{\"grid\":\"360802001001001\",\"note\":\"巡查\"}"),
                            EndpointRequest.get("patrols?limit=5"));
        }
    }

    public static class Bad extends PluginEndpointContract {
        @Override
        protected EndpointsUnderTest createEndpoints(PluginStorage storage, PluginTenants tenants) {
            return EndpointsUnderTest.of("sample", new Careless()).withExamples(EndpointRequest.get("patrols"));
        }
    }

    @Test
    public void aCarefulEndpointPasses() {
        Result r = JUnitCore.runClasses(Good.class);
        assertThat(r.getFailures()).extracting(Failure::toString).isEmpty();
        assertThat(r.getRunCount()).isEqualTo(5);
    }

    @Test
    public void aCarelessEndpointFailsNamingWhat() {
        Result r = JUnitCore.runClasses(Bad.class);
        assertThat(r.getFailures()).extracting(f -> f.getDescription().getMethodName())
                .containsExactlyInAnyOrder("badBodiesAnswer4xx", "pagingParametersThatAreNotNumbersAnswer4xx");
        assertThat(r.getFailures().toString()).contains("with no body answered 500").contains("limit=abc");
    }
}
