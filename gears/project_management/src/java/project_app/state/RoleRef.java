package project_app.state;

/** A site role by id, with the label people know it by ({@code curate}, {@code admin}). */
public record RoleRef(String id, String label) {}
