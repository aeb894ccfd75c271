package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** District definitions as the city administrator posts them, and their people's tokens. */
final class PostedDistricts {

    private static final YAMLMapper YAML = new YAMLMapper();

    private PostedDistricts() {
    }

    /**
     * A posted definition: the departments and grids of Jizhou (its {@code tenants/jizhou} directory) under a
     * new id, with ten people {@code <id>-admin}, {@code <id>-dispatcher}, … whose password is the demo one.
     */
    static Map<String, Object> definition(Path jizhou, String id) throws Exception {
        JsonNode departments = YAML.readTree(jizhou.resolve("departments.yaml").toFile()).get("departments");
        JsonNode grid = YAML.readTree(jizhou.resolve("grids.yaml").toFile()).get("grid");
        List<Map<String, Object>> people = new ArrayList<>();
        String[][] roles = {{"admin", "district-admin"}, {"dispatcher", "dispatcher"}, {"grid1", "grid-worker"},
            {"grid2", "grid-worker"}, {"cg", "department-handler"}, {"hw", "department-handler"},
            {"mediator", "mediator"}, {"social", "social-worker"}, {"resident1", "resident"}, {"resident2", "resident"}};
        for (String[] r : roles) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("username", id + "-" + r[0]);
            p.put("firstName", "测试");
            p.put("lastName", "王");
            p.put("email", id + "-" + r[0] + "@qingyuan.example.cn");
            p.put("roles", List.of(r[1]));
            if (r[0].equals("cg") || r[0].equals("hw")) {
                p.put("department", r[0].toUpperCase());
            }
            if (r[1].equals("grid-worker")) {
                p.put("grids", List.of("360802001001001"));
            }
            people.add(p);
        }
        Map<String, Object> tenant = Map.of("name", "青原区", "nameEn", "Qingyuan District", "city", "吉安市",
                "adminCode", "360803", "plugins", List.of("three-colour-grid"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("tenant", tenant);
        body.put("departments", departments);
        body.put("grid", grid);
        body.put("people", people);
        body.put("defaultPassword", Tokens.DEMO_PASSWORD);
        return body;
    }

    /** A token of {@code username} in {@code realm}, signed in with the demo password. */
    static String userToken(String realm, String username) throws Exception {
        Api.Reply grant = Tokens.grant(realm, Map.of("grant_type", "password", "client_id", "gongzhi-web",
                "username", username, "password", Tokens.DEMO_PASSWORD));
        assertEquals(grant.body().toString(), 200, grant.status());
        return grant.text("access_token");
    }
}
