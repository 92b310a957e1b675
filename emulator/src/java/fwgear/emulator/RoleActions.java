package fwgear.emulator;

import java.util.List;

/**
 * The actions a project role can grant, as {@code GET /api/roles/actions} lists them: the SDK's
 * {@code Action} enum in lowercase (reference: flywheel-api.md §5), plus the action strings the
 * 2026 roles page shows. The shape of the real answer is not documented; this server answers a
 * plain JSON list of these strings, and a role's {@code actions} must be among them.
 */
final class RoleActions {
  static final List<String> ALL =
      List.of(
          "containers_view_metadata",
          "containers_create_hierarchy",
          "containers_modify_metadata",
          "containers_delete_hierarchy",
          "containers_delete_project",
          "copy_by_reference",
          "analyses_view_metadata",
          "analyses_create_sdk",
          "analyses_create_job",
          "analyses_modify_metadata",
          "analyses_delete",
          "files_view_metadata",
          "files_view_contents",
          "files_download",
          "files_create_upload",
          "files_create_bulk",
          "files_create_single",
          "files_modify_metadata",
          "files_move",
          "files_delete_non_device_data",
          "files_delete_device_data",
          "tags_view",
          "tags_manage",
          "notes_view",
          "notes_manage",
          "project_permissions_view",
          "project_permissions_manage",
          "project_sharing_manage",
          "gear_rules_view",
          "gear_rules_manage",
          "data_views_view",
          "data_views_manage",
          "session_templates_view",
          "session_templates_manage",
          "jobs_view",
          "jobs_manage",
          "jobs_manage_others",
          "settings_modify",
          "settings_view",
          "reader_task_admin",
          "reader_task_view",
          "imports_manage",
          "exports_manage");

  private RoleActions() {}
}
