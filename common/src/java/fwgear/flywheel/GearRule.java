package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A gear rule of a project ({@code /api/projects/{id}/rules}): when a file matching its conditions
 * appears, Flywheel runs the gear on it. JSON keys are Flywheel's ({@code not}, {@code gear_id},
 * {@code fixed_inputs}...); absent fields are null and not sent.
 *
 * @param id the rule's id; null in a rule to create
 * @param projectId the owning project (the server takes it from the path)
 * @param gearId the id of the gear <em>version</em> the rule runs
 * @param config gear config values, or null
 * @param fixedInputs files that always feed the named gear inputs
 * @param not the conditions that must not match (JSON {@code not})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GearRule(
    @JsonProperty("_id") String id,
    @JsonProperty("project_id") String projectId,
    @JsonProperty("gear_id") String gearId,
    @JsonProperty("role_id") String roleId,
    String name,
    JsonNode config,
    @JsonProperty("fixed_inputs") List<FixedInput> fixedInputs,
    @JsonProperty("auto_update") Boolean autoUpdate,
    List<Condition> any,
    List<Condition> all,
    @JsonProperty("not") List<Condition> not,
    Boolean disabled,
    @JsonProperty("compute_provider_id") String computeProviderId,
    @JsonProperty("triggering_input") String triggeringInput,
    String priority) {

  public GearRule {
    fixedInputs = fixedInputs == null ? List.of() : List.copyOf(fixedInputs);
    any = any == null ? List.of() : List.copyOf(any);
    all = all == null ? List.of() : List.copyOf(all);
    not = not == null ? List.of() : List.copyOf(not);
  }

  /**
   * A file that always feeds a gear input: {@code input} gets file {@code name} of container {@code
   * id}.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FixedInput(String type, String id, String name, String input, Integer version) {}

  /**
   * A condition: {@code type} such as {@code file.type} or {@code file.name}, the value, and
   * whether the value is a regular expression.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Condition(String type, String value, Boolean regex) {}

  /**
   * This rule without its identity (id, owning project): what a copy onto another project sends.
   */
  public GearRule asInput(String newProjectId, List<FixedInput> newFixedInputs) {
    return new GearRule(
        null,
        newProjectId,
        gearId,
        roleId,
        name,
        config,
        newFixedInputs,
        autoUpdate,
        any,
        all,
        not,
        disabled,
        computeProviderId,
        triggeringInput,
        priority);
  }

  public GearRule withId(String newId) {
    return new GearRule(
        newId,
        projectId,
        gearId,
        roleId,
        name,
        config,
        fixedInputs,
        autoUpdate,
        any,
        all,
        not,
        disabled,
        computeProviderId,
        triggeringInput,
        priority);
  }
}
