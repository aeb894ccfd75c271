package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import javax.ws.rs.core.Response;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.cases.CaseQuery;
import org.junit.Test;

/** The inbox's query parameters: good values parse, each bad one is a 400 problem naming its parameter. */
public class InboxParamsTest {

    private final ProblemMapper problems = new ProblemMapper();

    @Test
    public void statusesComeRepeatedOrAsACommaList() {
        assertThat(InboxParams.statuses(List.of("registered", "DISPATCHED"))).containsExactlyInAnyOrder(
                CaseStatus.REGISTERED, CaseStatus.DISPATCHED);
        assertThat(InboxParams.statuses(List.of("registered, dispatched,handling", "feedback"))).containsExactlyInAnyOrder(
                CaseStatus.REGISTERED, CaseStatus.DISPATCHED, CaseStatus.HANDLING, CaseStatus.FEEDBACK);
        assertThat(InboxParams.statuses(List.of("", " , "))).isEmpty();
        assertThat(InboxParams.statuses(null)).isEmpty();
    }

    @Test
    public void familyTierSortAndAttributeParse() {
        assertThat(InboxParams.family("city_management")).isEqualTo(CategoryFamily.CITY_MANAGEMENT);
        assertThat(InboxParams.family(" ")).isNull();
        assertThat(InboxParams.tier("coordination")).isEqualTo(SlaTier.COORDINATION);
        assertThat(InboxParams.sort(null)).isEqualTo(CaseQuery.Sort.REPORTED);
        assertThat(InboxParams.sort("due")).isEqualTo(CaseQuery.Sort.DUE);
        assertThat(InboxParams.attribute("colour:red")).isEqualTo(new CaseQuery.Attribute("colour", "red"));
        assertThat(InboxParams.attribute("note: a:b ")).isEqualTo(new CaseQuery.Attribute("note", "a:b"));
        assertThat(Params.optionalInteger("dueWithin", null)).isNull();
        assertThat(Params.optionalInteger("dueWithin", "24")).isEqualTo(24);
    }

    @Test
    public void badValuesAre400sNamingTheParameter() {
        assertBad("status", () -> InboxParams.statuses(List.of("registered", "lost")));
        assertBad("status", () -> InboxParams.statuses(List.of("registered,,x".repeat(2000))));
        assertBad("family", () -> InboxParams.family("CM"));
        assertBad("tier", () -> InboxParams.tier("urgent"));
        assertBad("sort", () -> InboxParams.sort("oldest"));
        assertBad("attribute", () -> InboxParams.attribute("red"));
        assertBad("attribute", () -> InboxParams.attribute(":red"));
        assertBad("attribute", () -> InboxParams.attribute("colour:"));
        assertBad("attribute", () -> InboxParams.attribute("colour:" + "r".repeat(41)));
        assertBad("dueWithin", () -> Params.optionalInteger("dueWithin", "soon"));
        assertBad("dueWithin", () -> CaseQuery.builder().dueWithinHours(0).build());
        assertBad("dueWithin", () -> CaseQuery.builder().dueWithinHours(CaseQuery.MAX_DUE_WITHIN_HOURS + 1).build());
        assertBad("q", () -> CaseQuery.builder().text("街".repeat(CaseQuery.MAX_TEXT + 1)).build());
    }

    @Test
    public void errorsQuoteAtMostFortyCharactersOfTheValue() {
        Response r = problems.toResponse(catchThrowable(() -> InboxParams.family("x".repeat(5000))));
        assertThat(((Problem) r.getEntity()).detail()).hasSizeLessThan(120);
    }

    private void assertBad(String field, Runnable parse) {
        Throwable e = catchThrowable(parse::run);
        assertThat(e).as("refused for " + field).isNotNull();
        Response r = problems.toResponse(e);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) r.getEntity()).field()).isEqualTo(field);
    }
}
