package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The fields of a user that {@link FlywheelClient#updateUser} changes ({@code ModifyUserInput}); a
 * null field is left as it is (and not sent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserUpdate(String email, String firstname, String lastname, Boolean disabled) {
  public static UserUpdate email(String email) {
    return new UserUpdate(email, null, null, null);
  }

  public static UserUpdate names(String firstname, String lastname) {
    return new UserUpdate(null, firstname, lastname, null);
  }

  /** Whether nothing would change (the API refuses an empty update). */
  @JsonIgnore
  public boolean isEmpty() {
    return email == null && firstname == null && lastname == null && disabled == null;
  }
}
