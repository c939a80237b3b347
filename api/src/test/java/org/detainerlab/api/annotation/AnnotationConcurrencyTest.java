package org.detainerlab.api.annotation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.detainerlab.api.testing.Annotations;
import org.detainerlab.api.testing.CaseRecords;
import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once on one case, with real tokens and real HTTP: every write is kept exactly once, and of
 * concurrent edits with the same ETag exactly one wins.
 */
@QuarkusTest
class AnnotationConcurrencyTest {

    private static final String NARRATIVE = "The jail released him although a detainer had been lodged that week.";
    private static final int CLIENTS = 50;

    @TestHTTPResource("/api/v1/annotations")
    URL annotations;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> send(String method, URI uri, String token, String ifMatch, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> List<T> runTogether(List<Callable<T>> clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        CyclicBarrier start = new CyclicBarrier(clients.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> client : clients) {
                futures.add(pool.submit(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    return client.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(3, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyClientsAnnotatingAndReplyingAtOnceLoseNothingAndDuplicateNothing() throws Exception {
        Map<String, String> tokens = Map.of("alice", Tokens.accessToken("alice"), "bob", Tokens.accessToken("bob"),
                "carol", Tokens.accessToken("carol"));
        long caseId = CaseRecords.create(tokens.get("carol"), NARRATIVE).id();
        long root = Annotations.create(tokens.get("carol"), Annotations.onPassage(caseId, NARRATIVE, "released him",
                "root", "RESEARCHERS", null, List.of())).getLong("id");
        String[] users = {"alice", "carol", "bob"};
        URI endpoint = annotations.toURI();

        List<Callable<long[]>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            String user = users[i % users.length];
            // alice and carol share Team A; bob writes for every researcher: each sees what the test expects
            Map<String, Object> note = Annotations.onPassage(caseId, NARRATIVE, "detainer", "note " + client,
                    user.equals("bob") ? "RESEARCHERS" : "TEAM", user.equals("bob") ? null : "Team A", List.of());
            clients.add(() -> {
                HttpResponse<String> created = send("POST", endpoint, tokens.get(user), null, note);
                HttpResponse<String> replied = send("POST", endpoint, tokens.get(user), null,
                        Annotations.reply(root, "reply " + client));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);
                return new long[] {json.readTree(created.body()).get("id").asLong(),
                        json.readTree(replied.body()).get("id").asLong()};
            });
        }
        List<long[]> written = runTogether(clients);

        Set<Long> expectedIds = new HashSet<>(Set.of(root));
        Set<Long> replyIds = new HashSet<>();
        for (long[] ids : written) {
            expectedIds.add(ids[0]);
            expectedIds.add(ids[1]);
            replyIds.add(ids[1]);
        }
        assertThat(expectedIds).hasSize(1 + 2 * CLIENTS);

        JsonPath all = given().auth().oauth2(tokens.get("carol")).queryParam("target", String.valueOf(caseId))
                .queryParam("size", 500).get("/api/v1/annotations").then().statusCode(200).extract().jsonPath();
        List<Long> listed = all.getList("items.id", Long.class);
        assertThat(all.getInt("total")).isEqualTo(1 + 2 * CLIENTS);
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).isEqualTo(expectedIds);
        List<String> bodies = all.getList("items.body", String.class);
        assertThat(bodies).doesNotHaveDuplicates();
        for (int i = 0; i < CLIENTS; i++) {
            assertThat(bodies).contains("note " + i, "reply " + i);
        }

        JsonPath replies = given().auth().oauth2(tokens.get("carol")).get("/api/v1/annotations/" + root + "/replies")
                .then().statusCode(200).extract().jsonPath();
        assertThat(new HashSet<>(replies.getList("id", Long.class))).isEqualTo(replyIds);
        assertThat(replies.getList("body", String.class)).hasSize(CLIENTS).doesNotHaveDuplicates();
    }

    @Test
    void ofConcurrentEditsWithTheSameETagExactlyOneWins() throws Exception {
        String alice = Tokens.accessToken("alice");
        long caseId = CaseRecords.create(Tokens.accessToken("carol"), NARRATIVE).id();
        long id = Annotations.create(alice, Annotations.onPassage(caseId, NARRATIVE, "lodged", "original",
                "PRIVATE", null, List.of())).getLong("id");
        URI uri = URI.create(annotations + "/" + id);
        String etag = "\"annotation-" + id + "-v1\"";

        List<Callable<HttpResponse<String>>> editors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> edit = Map.of("body", "edit " + i);
            editors.add(() -> send("PUT", uri, alice, etag, edit));
        }
        List<HttpResponse<String>> answers = runTogether(editors);

        List<HttpResponse<String>> won = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 412)).hasSize(answers.size() - 1);
        JsonNode winner = json.readTree(won.get(0).body());
        given().auth().oauth2(alice).get("/api/v1/annotations/" + id).then().statusCode(200)
                .body("body", equalTo(winner.get("body").asText()))
                .body("version", equalTo(2));
        assertThat(given().auth().oauth2(alice).get("/api/v1/annotations/" + id + "/history").jsonPath()
                .getList("action")).containsExactly("CREATE", "UPDATE");
    }
}
