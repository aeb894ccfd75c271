package org.gongzhi.plugins.template.internal;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Section {@code notes} of the template model: {@code /api/v1/tenants/{tenant}/plugins/template/notes…}.
 *
 * <p>A {@link PluginEndpoint}: the class {@code @Path} is the section (one literal segment, unique
 * within the model), the method paths are relative to it. Before a method runs the core has checked
 * that the tenant exists and enabled the model (404 otherwise) and authenticated the caller; it
 * reads and writes JSON with its own mapper and turns InvalidInputException into 400.
 */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + TemplateModel.ID)
@Path("notes")
@Produces(MediaType.APPLICATION_JSON)
public final class NotesResource implements PluginEndpoint {

    private final Notes notes;

    @Activate
    public NotesResource(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this.notes = new Notes(storage, tenants);
    }

    /** {@code GET …/notes?grid=&offset=&limit=}: a page of notes, oldest first. */
    @GET
    public Notes.Page list(@PathParam("tenant") String tenant, @QueryParam("grid") String grid,
                           @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return notes.list(tenant, grid, offset, limit);
    }

    /** {@code POST …/notes}: 201 with the new note and its Location. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("tenant") String tenant, Notes.NewNote body) {
        Notes.Note note = notes.add(tenant, body);
        URI location = URI.create(TemplateModel.PATH.replace("{tenant}", tenant) + "/notes/" + note.id());
        return Response.created(location).entity(note).build();
    }

    /** {@code GET …/notes/{id}}: one note, or 404. */
    @GET
    @Path("{id}")
    public Notes.Note get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return notes.get(tenant, id)
                .orElseThrow(() -> new NotFoundException("没有这条备注 (no such note): " + id));
    }
}
