package fwgear.tools.buildfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.tools.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressTest {

  @Test
  void parsesEveryAddressForm() {
    assertThat(Address.parse("gears/x/src/java/app:bin", ""))
        .isEqualTo(new Address("gears/x/src/java/app", "bin"));
    assertThat(Address.parse("gears/x/src/java/app", ""))
        .isEqualTo(new Address("gears/x/src/java/app", "app"));
    assertThat(Address.parse(":manifest", "gears/x/src/docker"))
        .isEqualTo(new Address("gears/x/src/docker", "manifest"));
    assertThat(Address.parse("//:reqs", "a/b")).isEqualTo(new Address("", "reqs"));
    assertThat(Address.parse("//a/b:c", "z")).isEqualTo(new Address("a/b", "c"));
    assertThat(Address.parse("./sub:t", "a")).isEqualTo(new Address("a/sub", "t"));
    assertThat(Address.parse("../java/app:bin", "x/src/docker"))
        .isEqualTo(new Address("x/src/java/app", "bin"));
  }

  @Test
  void printsTheShortFormWhenTheNameIsTheFolders() {
    assertThat(new Address("a/app", "app")).hasToString("a/app");
    assertThat(new Address("a/app", "bin")).hasToString("a/app:bin");
    assertThat(new Address("", "reqs")).hasToString("//:reqs");
    assertThat(new Address("a/app", "app").spec()).isEqualTo("a/app:app");
  }

  @Test
  void rejectsAddressesWithoutAName() {
    assertThatThrownBy(() -> Address.parse("a:", "")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Address.parse("//", "")).isInstanceOf(UsageException.class);
  }

  @Test
  void specsSelectAndExclude() {
    Address docker = new Address("gears/x/src/docker", "img");
    Address app = new Address("gears/x/src/java/app", "bin");
    Address other = new Address("gears/y/src/docker", "img");
    Address root = new Address("", "reqs");

    assertThat(Specs.ALL.matches(root)).isTrue();
    Specs specs = Specs.parse(List.of("gears/x::", "-gears/x/src/java::"));
    assertThat(specs.matches(docker)).isTrue();
    assertThat(specs.matches(app)).isFalse();
    assertThat(specs.matches(other)).isFalse();
    assertThat(Specs.parse(List.of("gears/x/src/docker")).matches(docker)).isTrue();
    assertThat(Specs.parse(List.of("gears/x/src/docker:")).matches(docker)).isTrue();
    assertThat(Specs.parse(List.of("gears/x")).matches(docker)).isFalse();
    assertThat(Specs.parse(List.of(":")).matches(root)).isTrue();
    assertThat(Specs.parse(List.of("//:reqs")).matches(root)).isTrue();
    assertThat(Specs.parse(List.of("gears/x/src/docker:img")).matches(docker)).isTrue();
    assertThat(Specs.parse(List.of()).matches(other)).isTrue();
  }
}
