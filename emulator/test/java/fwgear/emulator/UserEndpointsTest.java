package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelException;
import fwgear.flywheel.User;
import fwgear.flywheel.UserUpdate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user endpoints user_management needs (create, find, get, update), through the common client
 * over HTTP on a free port: stored like the other documents (kept across a restart), strict input,
 * duplicates 409, site admins only.
 */
class UserEndpointsTest {
  @TempDir Path data;

  @Test
  void aUserIsCreatedFoundUpdatedAndKeptAcrossARestart() throws Exception {
    EmulatorOptions options = EmulatorOptions.inMemory().withPort(0).withDataDir(data);
    try (FlywheelEmulator server = FlywheelEmulator.start(options)) {
      FlywheelClient admin = FlywheelClient.connect(server.apiKey());
      assertThat(admin.findUser("0000-0001-0000-0001")).isEmpty();

      String id = admin.createUser("0000-0001-0000-0001", "alex@alpha.example", "Alex", "Alpha");

      assertThat(id).isEqualTo("0000-0001-0000-0001");
      User user = admin.getUser(id);
      assertThat(user.email()).isEqualTo("alex@alpha.example");
      assertThat(user.firstname()).isEqualTo("Alex");
      assertThat(user.lastname()).isEqualTo("Alpha");
      assertThat(user.roles()).containsExactly("user");
      assertThat(user.root()).isFalse();
      assertThat(admin.findUsers("email=alex@alpha.example"))
          .extracting(User::id)
          .containsExactly(id);

      admin.updateUser(id, new UserUpdate("alex@new.example", "Alexandra", null, null));
      User updated = admin.getUser(id);
      assertThat(updated.email()).isEqualTo("alex@new.example");
      assertThat(updated.firstname()).isEqualTo("Alexandra");
      assertThat(updated.lastname()).as("not in the update, left as it was").isEqualTo("Alpha");
    }
    try (FlywheelEmulator again = FlywheelEmulator.start(options)) {
      User kept =
          FlywheelClient.connect(again.apiKey()).findUser("0000-0001-0000-0001").orElseThrow();
      assertThat(kept.email()).isEqualTo("alex@new.example");
      assertThat(kept.firstname()).isEqualTo("Alexandra");
    }
  }

  @Test
  void badInputIs400NamingTheKeyADuplicate409AndNeitherStoresAnything() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory().withPort(0))) {
      FlywheelClient admin = FlywheelClient.connect(server.apiKey());
      String key = server.apiKey().reveal();

      HttpResponse<String> unknown =
          send(server, key, "POST", "/api/users", "{\"_id\":\"new@x.example\",\"nickname\":\"n\"}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body())
          .contains("\"key\":\"nickname\"")
          .contains("Unknown field nickname");
      assertThat(admin.findUser("new@x.example")).isEmpty();

      HttpResponse<String> email =
          send(server, key, "POST", "/api/users", "{\"_id\":\"new@x.example\",\"email\":\"nope\"}");
      assertThat(email.statusCode()).isEqualTo(400);
      assertThat(email.body()).contains("\"key\":\"email\"");

      HttpResponse<String> modifyUnknown =
          send(
              server, key, "PUT", "/api/users/reader@nacc.example", "{\"roles\":[\"site_admin\"]}");
      assertThat(modifyUnknown.statusCode()).isEqualTo(400);
      assertThat(modifyUnknown.body()).contains("\"key\":\"roles\"");
      assertThat(admin.getUser("reader@nacc.example").roles()).containsExactly("user");

      HttpResponse<String> empty = send(server, key, "PUT", "/api/users/reader@nacc.example", "{}");
      assertThat(empty.statusCode()).isEqualTo(400);
      HttpResponse<String> wrongType =
          send(server, key, "PUT", "/api/users/reader@nacc.example", "{\"disabled\":\"yes\"}");
      assertThat(wrongType.statusCode()).isEqualTo(400);
      assertThat(wrongType.body()).contains("\"key\":\"disabled\"");
      HttpResponse<String> missing =
          send(server, key, "PUT", "/api/users/nobody@x.example", "{\"firstname\":\"N\"}");
      assertThat(missing.statusCode()).isEqualTo(404);

      assertThatThrownBy(
              () -> admin.createUser("reader@nacc.example", "r@x.example", "Other", "Reader"))
          .isInstanceOf(FlywheelException.class)
          .hasMessageContaining("409");
      assertThat(admin.getUser("reader@nacc.example").email()).isEqualTo("reader@nacc.example");
    }
  }

  @Test
  void onlySiteAdminsChangeUsersAndEveryCallNeedsAKey() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory().withPort(0))) {
      FlywheelClient reader =
          FlywheelClient.connect(server.apiKey("reader@nacc.example").orElseThrow());
      assertThat(reader.findUser("curator@nacc.example")).isPresent();
      assertThatThrownBy(() -> reader.createUser("new@x.example", "new@x.example", "N", "U"))
          .isInstanceOf(FlywheelException.class)
          .hasMessageContaining("403");
      assertThatThrownBy(() -> reader.updateUser("reader@nacc.example", UserUpdate.email("r@x.y")))
          .isInstanceOf(FlywheelException.class)
          .hasMessageContaining("403");

      assertThat(send(server, null, "GET", "/api/users", null).statusCode()).isEqualTo(401);
      assertThat(
              send(
                      server,
                      "wrong-key",
                      "PUT",
                      "/api/users/reader@nacc.example",
                      "{\"firstname\":\"X\"}")
                  .statusCode())
          .isEqualTo(401);
      assertThat(FlywheelClient.connect(server.apiKey()).getUser("reader@nacc.example").firstname())
          .isNotEqualTo("X");
    }
  }

  private static HttpResponse<String> send(
      FlywheelEmulator server, String key, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Authorization", "scitran-user " + key);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
