package org.gongzhi.core.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.screen.DistrictModes;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The city's switch (全市平战转换): every active district to one mode with one reason, and the
 * modes of all districts side by side. City administrators only. Each district's switch is its own
 * journaled transaction; a district already in the mode is left as it is.
 */
@Component(service = CityModeResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/city/mode")
@Produces(MediaType.APPLICATION_JSON)
public final class CityModeResource {

    private final DistrictModes modes;
    private final TenantDirectory tenants;

    @Activate
    public CityModeResource(@Reference DistrictModes modes, @Reference TenantDirectory tenants) {
        this.modes = modes;
        this.tenants = tenants;
    }

    /** The mode of every district served (active and suspended), by administrative code. */
    @GET
    public List<ModeJson> all(@Context SecurityContext security) {
        Access.city(security);
        return tenants.tenants().stream().map(t -> ModeJson.of(modes.current(t.id()))).toList();
    }

    /** Switches every active district not yet in {@code mode}; 409 when all of them are. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ModeJson.CitySwitch switchAll(ModeJson.Switch body, @Context SecurityContext security) {
        Access.city(security);
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        OperatingMode mode = body.parsedMode();
        String reason = body.checkedReason();
        String actor = Access.actor(security);
        List<String> switched = new ArrayList<>();
        List<ModeJson> after = new ArrayList<>();
        for (TenantDefinition t : tenants.tenants()) {
            if (tenants.status(t.id()).orElse(null) != TenantStatus.ACTIVE) {
                continue;
            }
            if (modes.current(t.id()).mode() == mode) {
                after.add(ModeJson.of(modes.current(t.id())));
                continue;
            }
            try {
                after.add(ModeJson.of(modes.switchTo(t.id(), mode, reason, actor)));
                switched.add(t.id());
            } catch (ConflictException e) {
                after.add(ModeJson.of(modes.current(t.id()))); // switched meanwhile by its own administrator
            }
        }
        if (switched.isEmpty()) {
            throw new ConflictException("mode", "各区均已处于" + mode.labelZh() + "状态 (every active district is in "
                    + mode.wireName() + " mode already)");
        }
        return new ModeJson.CitySwitch(mode.wireName(), reason, switched, after);
    }
}
