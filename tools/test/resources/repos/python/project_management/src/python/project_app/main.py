"""The computation."""


def run(*, project_file, admin_group, dry_run, new_only):
    print(project_file, admin_group, dry_run, new_only)
