"""Entry point of the project management gear."""
from flywheel_gear_toolkit import GearToolkitContext

from project_app.main import run


def main():
    with GearToolkitContext() as gear_context:
        gear_context.init_logging()
        project_file = gear_context.get_input_path("project_file")
        admin_group = gear_context.config.get("admin_group")
        dry_run = gear_context.config.get("dry_run", False)
        new_only = gear_context.config.get("new_only", False)
        run(project_file=project_file, admin_group=admin_group, dry_run=dry_run, new_only=new_only)


if __name__ == "__main__":
    main()
