package fwgear.flywheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyTest {

  @Test
  void aKeyWithoutPortGoesToHttpsOnTheDefaultPort() {
    ApiKey key = ApiKey.parse("fw.example.org:s3cret");

    assertThat(key.baseUrl()).hasToString("https://fw.example.org/api");
    assertThat(key.secret()).isEqualTo("s3cret");
  }

  @Test
  void aLoopbackKeyWithPortGoesToPlainHttp() {
    ApiKey key = ApiKey.parse("127.0.0.1:8123:s3cret");

    assertThat(key.baseUrl()).hasToString("http://127.0.0.1:8123/api");
    assertThat(key.reveal()).isEqualTo("127.0.0.1:8123:s3cret");
  }

  @Test
  void neverShowsTheSecret() {
    ApiKey key = ApiKey.parse("fw.example.org:8443:s3cret");

    assertThat(key.toString()).doesNotContain("s3cret").isEqualTo("fw.example.org:8443:****");
    assertThatThrownBy(() -> ApiKey.parse("fw.example.org:notaport:s3cret"))
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> ApiKey.parse("nocolon")).hasMessageNotContaining("nocolon");
  }
}
